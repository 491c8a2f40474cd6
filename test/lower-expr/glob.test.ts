import { describe, expect, it } from 'vitest';
import type { GlobPart } from '../../compiler/ir.ts';
import { containsGlob, endsWithGlob, globMatches, globText, parseGlob, startsWithGlob } from '../../compiler/language/glob.ts';
import { NO_SPAN } from '../parse/ast-helpers.ts';

const text = (t: string): GlobPart => ({ kind: 'text', text: t });
const star: GlobPart = { kind: 'any-string' };
const one: GlobPart = { kind: 'any-char' };

describe('parseGlob', () => {
  it.each<[string, GlobPart[]]>([
    ['abc', [text('abc')]],
    ['a*c', [text('a'), star, text('c')]],
    ['a?c', [text('a'), one, text('c')]],
    ['**a***', [star, text('a'), star]],
    ['a\\*b', [text('a*b')]],
    ['a\\?b', [text('a?b')]],
    ['a\\\\*', [text('a\\'), star]],
    ['C:\\Windows\\*', [text('C:\\Windows*')]],
    ['C:\\Windows\\\\*', [text('C:\\Windows\\'), star]],
    ['trailing\\', [text('trailing\\')]],
    ['', []],
  ])('%j', (source, parts) => {
    expect(parseGlob(source, NO_SPAN).parts).toEqual(parts);
  });

  it.each(['abc', 'a*c', 'a?c', 'a\\*b', 'x\\\\*', 'a\\b', '*'])('globText inverts parseGlob for %j', (source) => {
    const glob = parseGlob(source, NO_SPAN);
    expect(parseGlob(globText(glob), NO_SPAN)).toEqual(glob);
  });
});

describe('literal-text globs', () => {
  it('keep wildcards and backslashes of the text literal', () => {
    expect(startsWithGlob('a*b\\', NO_SPAN).parts).toEqual([text('a*b\\'), star]);
    expect(endsWithGlob('?x', NO_SPAN).parts).toEqual([star, text('?x')]);
    expect(containsGlob('*', NO_SPAN).parts).toEqual([star, text('*'), star]);
    expect(containsGlob('', NO_SPAN).parts).toEqual([star]);
    expect(globText(containsGlob('a*b', NO_SPAN))).toBe('*a\\*b*');
  });
});

describe('globMatches', () => {
  it.each<[string, string, boolean]>([
    ['a*c', 'abbbc', true],
    ['a*c', 'ac', true],
    ['a*c', 'abcd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['a?c', 'a😀c', true],
    ['a.c', 'abc', false],
    ['(x)|[y]', '(x)|[y]', true],
    ['*', '', true],
    ['a*', 'a\nb', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
  ])('%j on %j is %s', (glob, value, expected) => {
    expect(globMatches(parseGlob(glob, NO_SPAN), value)).toBe(expected);
  });
});
