import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from '../../compiler/did-you-mean.ts';

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['severity', 'severity', 0],
    ['sevrity', 'severity', 1],
    ['sevreity', 'severity', 1], // transposition counts once
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
    expect(levenshtein(b, a)).toBe(distance);
  });
});

describe('didYouMean', () => {
  const keys = ['id', 'name', 'severity', 'status', 'source_ip', 'user', 'user_agent'];
  it.each([
    ['sevrity', 'severity'],
    ['Severity', 'severity'],
    ['sourceip', 'source_ip'],
    ['usr', 'user'],
    ['user_agnet', 'user_agent'],
    ['statu', 'status'],
    ['src_ip', 'source_ip'],
  ])('suggests %s → %s', (input, expected) => {
    expect(didYouMean(input, keys)).toBe(expected);
  });

  it.each([['completely_different'], ['risk'], ['x'], ['agent']])('suggests nothing for %s', (input) => {
    expect(didYouMean(input, keys)).toBeUndefined();
  });

  it('does not suggest the input itself', () => {
    expect(didYouMean('user', ['user'])).toBeUndefined();
  });

  it('breaks ties by sorted order, whatever the iteration order', () => {
    expect(didYouMean('cat', ['bat', 'cab'])).toBe('bat');
    expect(didYouMean('cat', ['cab', 'bat'])).toBe('bat');
  });

  it('accepts any iterable', () => {
    expect(didYouMean('sevrity', new Set(keys))).toBe('severity');
  });
});
