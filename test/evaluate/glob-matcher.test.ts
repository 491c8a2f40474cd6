// The glob matcher keeps the meaning `like` always had — that of the anchored, `u`-flag regex
// detc used to build from a glob (kept below as the definition to compare with) — and matches in
// linear time, so that no rule and no event can make `detc test` hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Glob, GlobPart } from '../../compiler/ir.ts';
import { globMatches, makeGlob, parseGlob } from '../../compiler/language/glob.ts';
import { NO_SPAN } from '../parse/ast-helpers.ts';

/** The regex `like` used to compile to: the definition the matcher must agree with. */
function definitionRegExp(glob: Glob): RegExp {
  const source = glob.parts
    .map((part) =>
      part.kind === 'any-string'
        ? '[\\s\\S]*'
        : part.kind === 'any-char'
          ? '[\\s\\S]'
          : part.text.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`),
    )
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

// A small alphabet makes matches likely; astral characters, lone surrogates, newlines and regex
// metacharacters check that `?` is one code point and that nothing is read as regex syntax.
const character = fc.constantFrom('a', 'b', 'A', '.', '\\', '\n', '😀', '\uD83D', '\uDE00', '$', '(', 'é');
const textPart = fc.array(character, { minLength: 1, maxLength: 3 }).map((c): GlobPart => ({ kind: 'text', text: c.join('') }));
const part = fc.oneof(textPart, fc.constant<GlobPart>({ kind: 'any-string' }), fc.constant<GlobPart>({ kind: 'any-char' }));
const glob = fc.array(part, { maxLength: 6 }).map((parts) => makeGlob(parts, NO_SPAN));
const value = fc.array(character, { maxLength: 8 }).map((c) => c.join(''));

describe('globMatches', () => {
  it('agrees with the regex definition on random globs and values', () => {
    fc.assert(
      fc.property(glob, value, (g, v) => {
        expect(globMatches(g, v)).toBe(definitionRegExp(g).test(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the definition when the value is built to match (mutated by one character)', () => {
    // Random values rarely match long globs; build a matching value from the glob and perturb it.
    const filled = (g: Glob, fill: readonly string[]) =>
      g.parts.map((p, i) => (p.kind === 'text' ? p.text : p.kind === 'any-char' ? (fill[i] ?? 'a') : (fill[i] ?? '').repeat(i % 3))).join('');
    let matched = 0;
    fc.assert(
      fc.property(glob, fc.array(character, { maxLength: 6 }), fc.nat(10), character, (g, fill, at, c) => {
        // Usually matches (not always: text parts that are halves of a surrogate pair can join).
        const matching = filled(g, fill);
        if (globMatches(g, matching)) matched++;
        const chars = Array.from(matching);
        for (const mutated of [chars, [...chars.slice(0, at), c, ...chars.slice(at)], [...chars.slice(0, at), ...chars.slice(at + 1)]]) {
          const v = mutated.join('');
          expect(globMatches(g, v)).toBe(definitionRegExp(g).test(v));
        }
      }),
      { numRuns: 5_000 },
    );
    // The built values do exercise the matching side.
    expect(matched).toBeGreaterThan(4_000);
  });

  it.each<[string, string, boolean]>([
    ['?', '😀', true],
    ['??', '😀', false],
    ['?', '\uD83D', true],
    ['\uD83D*', '😀', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXcYb', false],
    ['*a', 'aaab', false],
    ['*ab*ab', 'xabyabab', true],
    ['a?*?b', 'ab', false],
    ['a?*?b', 'axyb', true],
    ['', '', true],
    ['', 'a', false],
    ['**', '', true],
  ])('%j on %j is %s', (pattern, v, expected) => {
    expect(globMatches(parseGlob(pattern, NO_SPAN), v)).toBe(expected);
    expect(definitionRegExp(parseGlob(pattern, NO_SPAN)).test(v)).toBe(expected);
  });
});

// Shapes that make a backtracking regex take exponential or high-polynomial time. The vitest
// timeout is the hang guard; the assertions check the answers.
describe('globMatches on pathological shapes', () => {
  it('*a*a*…*b against 200 "a"s', () => {
    const g = parseGlob(`${'*a'.repeat(12)}*b`, NO_SPAN);
    expect(globMatches(g, 'a'.repeat(200))).toBe(false);
    expect(globMatches(g, `${'a'.repeat(200)}b`)).toBe(true);
  }, 10_000);

  it('10,000 stars and a long value', () => {
    const g = makeGlob(
      Array.from({ length: 10_000 }, (_, i): GlobPart[] => [{ kind: 'any-string' }, { kind: 'text', text: i % 2 ? 'a' : 'b' }]).flat(),
      NO_SPAN,
    );
    expect(g.parts.length).toBe(20_000);
    expect(globMatches(g, 'ab'.repeat(3_000))).toBe(false);
    expect(globMatches(g, 'ba'.repeat(5_000))).toBe(true);
  }, 20_000);

  it('?*?*?… against a value one character too short', () => {
    const g = parseGlob('?*'.repeat(500), NO_SPAN);
    expect(globMatches(g, 'x'.repeat(499))).toBe(false);
    expect(globMatches(g, 'x'.repeat(500))).toBe(true);
  }, 10_000);
});
