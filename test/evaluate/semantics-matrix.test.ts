import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../compiler/evaluate.ts';
import type { TestEvent } from '../../compiler/ir.ts';
import { expr } from './helpers.ts';

// Every construct against the same five situations (docs/language.md, "Semantics"):
// the value present (matching or not), the field missing, null, multi-value (one value matches,
// or none does), and a case variant of the matching value.
interface Construct {
  readonly source: string;
  readonly matching: unknown;
  readonly other: unknown;
  /** A different-case spelling of `matching`, and whether it matches. */
  readonly caseVariant: unknown;
  readonly caseMatches: boolean;
  /** `!=`-like constructs: true when no value matches, so missing and null are true. */
  readonly negated?: boolean;
}

const CONSTRUCTS: readonly Construct[] = [
  { source: 'f == "Ab"', matching: 'Ab', other: 'Abc', caseVariant: 'ab', caseMatches: false },
  { source: 'f != "Ab"', matching: 'Ab', other: 'Abc', caseVariant: 'ab', caseMatches: false, negated: true },
  { source: 'lower(f) == "ab"', matching: 'ab', other: 'abc', caseVariant: 'AB', caseMatches: true },
  { source: 'lower(f) != "ab"', matching: 'ab', other: 'abc', caseVariant: 'AB', caseMatches: true, negated: true },
  { source: 'f in ["Ab", "Cd"]', matching: 'Cd', other: 'Ef', caseVariant: 'cd', caseMatches: false },
  { source: 'lower(f) in ["ab", "cd"]', matching: 'cd', other: 'ef', caseVariant: 'CD', caseMatches: true },
  { source: 'f like "A*b?"', matching: 'Axxbz', other: 'Axxb', caseVariant: 'axxbz', caseMatches: false },
  { source: 'lower(f) like "a*b?"', matching: 'axxbz', other: 'axxb', caseVariant: 'AXXBZ', caseMatches: true },
  { source: 'f startswith "Ab"', matching: 'Abc', other: 'cAb', caseVariant: 'abc', caseMatches: false },
  { source: 'lower(f) startswith "ab"', matching: 'abc', other: 'cab', caseVariant: 'ABC', caseMatches: true },
  { source: 'f endswith "Ab"', matching: 'cAb', other: 'Abc', caseVariant: 'cab', caseMatches: false },
  { source: 'lower(f) endswith "ab"', matching: 'cab', other: 'abc', caseVariant: 'CAB', caseMatches: true },
  { source: 'f contains "*b"', matching: 'a*bc', other: 'abc', caseVariant: 'A*Bc', caseMatches: false },
  { source: 'lower(f) contains "*b"', matching: 'a*bc', other: 'abc', caseVariant: 'A*BC', caseMatches: true },
  { source: 'f matches /^A.c/', matching: 'Abcd', other: 'xAbc', caseVariant: 'abcd', caseMatches: false },
  { source: 'f matches /^a.c/i', matching: 'abcd', other: 'xabc', caseVariant: 'ABCD', caseMatches: true },
  { source: 'f < 10', matching: 9, other: 10, caseVariant: '9', caseMatches: true },
  { source: 'f <= 10', matching: 10, other: 11, caseVariant: '1E1', caseMatches: true },
  { source: 'f > 10', matching: 11, other: 10, caseVariant: '11.0', caseMatches: true },
  { source: 'f >= 10', matching: 10, other: 9.99, caseVariant: '10', caseMatches: true },
  { source: 'f == 10', matching: 10, other: 11, caseVariant: '10', caseMatches: true },
  { source: 'f == true', matching: true, other: false, caseVariant: 'TRUE', caseMatches: false },
  { source: 'f cidr "2001:db8::/32"', matching: '2001:db8::1', other: '2001:db9::1', caseVariant: '2001:DB8::1', caseMatches: true },
  { source: 'f cidr ["10.0.0.0/8"]', matching: '10.9.8.7', other: '11.0.0.1', caseVariant: '::FFFF:10.9.8.7', caseMatches: true },
  { source: 'f exists', matching: '', other: [], caseVariant: 'X', caseMatches: true },
];

function situations(c: Construct): [string, TestEvent, boolean][] {
  const flip = (b: boolean) => (c.negated ? !b : b);
  const rows: [string, TestEvent, boolean][] = [
    ['present, matching', { f: c.matching }, flip(true)],
    ['missing', { g: c.matching }, flip(false)],
    ['null', { f: null }, flip(false)],
    ['multi-value, one matches', { f: [c.other, c.matching] }, flip(true)],
    ['case variant', { f: c.caseVariant }, flip(c.caseMatches)],
  ];
  // `exists` has no non-matching value: an empty array is "missing", covered above.
  if (c.source !== 'f exists') {
    rows.push(['present, not matching', { f: c.other }, flip(false)]);
    rows.push(['multi-value, none matches', { f: [c.other, c.other] }, flip(false)]);
  }
  return rows;
}

describe.each(CONSTRUCTS)('$source', (construct) => {
  const compiled = expr(construct.source);
  it.each(situations(construct))('%s: %j is %s', (_situation, event, expected) => {
    expect(evaluateExpr(compiled, event)).toBe(expected);
  });
});
