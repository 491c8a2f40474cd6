// The evaluator's linear-time regex matcher means what JavaScript's RegExp means: property tests
// on random portable patterns, flags and texts, the Sigma corpus's patterns on texts built from
// them, and the exponential shapes answered without backtracking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegex } from '../../compiler/language/regex-portability.ts';
import { linearRegexTest, MAX_MATCHER_POSITIONS } from '../../compiler/language/regex-matcher.ts';
import { sigmaRegexes } from './sigma-regexes.ts';

const atom = fc.constantFrom(
  'a', 'b', 'A', 'é', 'µ', 'μ', 'ſ', 's', 'k', '\u212a', '-', ',', ']',
  '.', '\\.', '\\*', '\\(', '\\/', '\\-', '\\^', '\\$',
  '\\d', '\\w', '\\s', '\\D', '\\W', '\\S', '\\n', '\\t', '\\x41', '\\x61',
  '[ab]', '[^a]', '[a-c]', '[\\d]', '[\\s\\w]', '[^\\n]', '[A-Z]', '[^A-Z-]', '[.]', '[\\]a]', '[µs]',
);
const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '+?', '{2,3}?', '{0}', '{1,3}');

const { pattern } = fc.letrec<{ pattern: string; alternation: string; sequence: string; term: string }>((tie) => ({
  term: fc
    .tuple(
      fc.oneof({ maxDepth: 3, depthIdentifier: 'group' }, { weight: 3, arbitrary: atom }, { weight: 1, arbitrary: tie('alternation').map((a) => `(${a})`) }, { weight: 1, arbitrary: tie('alternation').map((a) => `(?:${a})`) }),
      quantifier,
    )
    .map(([t, q]) => t + q),
  sequence: fc.array(tie('term'), { minLength: 0, maxLength: 3, depthIdentifier: 'group' }).map((terms) => terms.join('')),
  alternation: fc.array(tie('sequence'), { minLength: 1, maxLength: 2 }).map((alternatives) => alternatives.join('|')),
  pattern: fc
    .array(fc.tuple(fc.boolean(), tie('sequence'), fc.boolean()), { minLength: 1, maxLength: 3 })
    .map((branches) => branches.map(([start, body, end]) => `${start ? '^' : ''}${body}${end ? '$' : ''}`).join('|')),
}));
const flags = fc.subarray(['i', 'm', 's']).map((f) => f.join(''));
const character = fc.constantFrom('a', 'b', 'A', 'B', 'é', 'É', 'µ', 'μ', 'Μ', 'ſ', 's', 'S', 'k', 'K', '\u212a', '1', ' ', '\n', '\r', '\u2028', '.', '-', ']', '*', '(', '/', '\uD83D', '\uDE00', '\t');
const text = fc.array(character, { maxLength: 10 }).map((c) => c.join(''));

/** The answer JavaScript gives: the meaning the matcher must keep. */
const jsTest = (p: string, f: string, t: string) => new RegExp(p, f).test(t);

/**
 * Node 20's V8 sometimes answers `new RegExp('(?:a|K)', 'i').test('*')` with true when the
 * pattern's class holds the Kelvin sign (U+212A) and the subject is stored as a two-byte string:
 * it compares the low byte only (0x2A is `*`). That is an engine bug, not the meaning; such pairs
 * are left out of the comparison (seen with seed -938154017).
 */
const engineBug = (p: string, f: string, t: string) => f.includes('i') && /[kK\u212a]/.test(p) && t.includes('*');

describe('linearRegexTest', () => {
  it('agrees with RegExp on random portable patterns, flags and texts', () => {
    let compiled = 0;
    fc.assert(
      fc.property(pattern, flags, fc.array(text, { minLength: 1, maxLength: 8 }), (p, f, texts) => {
        fc.pre(checkRegex(p, f) === undefined);
        const test = linearRegexTest(p, f);
        expect(test, `/${p}/${f} is portable, so it compiles`).toBeDefined();
        compiled++;
        for (const t of texts) if (!engineBug(p, f, t)) expect(test!(t), `/${p}/${f} on ${JSON.stringify(t)}`).toBe(jsTest(p, f, t));
      }),
      { numRuns: 3_000 },
    );
    // The generator produces portable patterns most of the time (the comparison is not vacuous).
    expect(compiled).toBeGreaterThan(1_500);
  });

  it('agrees with RegExp on texts built from the pattern itself (likely matches)', () => {
    // Texts of the generator's own letters in runs match far more often than random ones. (Short:
    // RegExp, the reference, backtracks exponentially on nested stars.)
    fc.assert(
      fc.property(pattern, flags, fc.array(fc.oneof(character, fc.constantFrom('ab', 'aa', 'a1', 'Ab')), { maxLength: 6 }), (p, f, pieces) => {
        fc.pre(checkRegex(p, f) === undefined);
        const t = pieces.join('');
        fc.pre(!engineBug(p, f, t));
        expect(linearRegexTest(p, f)!(t), `/${p}/${f} on ${JSON.stringify(t)}`).toBe(jsTest(p, f, t));
      }),
      { numRuns: 3_000 },
    );
  });

  it.each<[string, string, string, boolean]>([
    ['^(a+)+$', '', 'aaaa', true],
    ['^a|b$', '', 'xb', true],
    ['^a|b$', '', 'xa', false],
    ['^$', '', '', true],
    ['^$', '', 'x', false],
    ['', '', 'x', true],
    ['a{3}', '', 'aa', false],
    ['a{3}', '', 'xaaax', true],
    ['^a{2,3}$', '', 'aaaa', false],
    ['^(?:ab){2,}$', '', 'ababab', true],
    ['^.$', '', '\n', false],
    ['^.$', 's', '\n', true],
    ['^.$', '', '😀', false],
    ['^..$', '', '😀', true],
    ['µ', 'i', 'Μ', true],
    ['k', 'i', '\u212a', false],
    ['[a-z]', 'i', 'Q', true],
    ['\\x41', 'i', 'a', true],
    ['(|a)+b', '', 'b', true],
    ['^(a*)*$', '', 'aa', true],
  ])('/%s/%s on %j is %s', (p, f, t, expected) => {
    expect(jsTest(p, f, t)).toBe(expected);
    expect(linearRegexTest(p, f)!(t)).toBe(expected);
  });

  it('refuses what it cannot compile, so that the caller bounds it otherwise', () => {
    expect(linearRegexTest('a(?=b)', '')).toBeUndefined();
    // Outside the flavour, even where the syntax looks like an atom: an assertion, a backreference, line anchors.
    expect(linearRegexTest('\\bcmd', '')).toBeUndefined();
    expect(linearRegexTest('(a)\\1', '')).toBeUndefined();
    expect(linearRegexTest('^c$', 'm')).toBeUndefined();
    expect(linearRegexTest(`a{${MAX_MATCHER_POSITIONS + 1}}`, '')).toBeUndefined();
    expect(linearRegexTest(`${'('.repeat(1000)}a${')'.repeat(1000)}`, '')).toBeUndefined();
  });
});

describe('linearRegexTest on the patterns rule authors write', () => {
  // Texts from the pattern's own characters, each perturbed: a mix of matches and near misses.
  const probes = (p: string): string[] => {
    const literal = p.replace(/\\(.)/g, '$1').replace(/[[\]()^$*+?{}|]/g, '');
    return ['', literal, literal.toUpperCase(), literal.slice(1), literal + '!', `x${literal}x`, literal.replace(/\d/g, '7'), literal.repeat(2), 'C:\\Windows\\System32\\cmd.exe /c whoami'];
  };

  it('agrees with RegExp on every portable |re pattern of the Sigma corpus', () => {
    const patterns = sigmaRegexes().filter(({ pattern: p, flags: f }) => checkRegex(p, f) === undefined);
    expect(patterns.length).toBeGreaterThan(150);
    for (const { pattern: p, flags: f } of patterns) {
      const test = linearRegexTest(p, f);
      expect(test, `/${p}/${f}`).toBeDefined();
      for (const t of probes(p)) expect(test!(t), `/${p}/${f} on ${JSON.stringify(t)}`).toBe(jsTest(p, f, t));
    }
  });
});

// Shapes that take a backtracking engine exponential time. The vitest timeout is the hang guard.
describe('linearRegexTest on exponential shapes', () => {
  it.each<[string, string, string, boolean]>([
    ['^(a+)+$', '', `${'a'.repeat(40)}!`, false],
    ['^(a*)*$', '', `${'a'.repeat(40)}!`, false],
    ['^(a|aa)+$', '', `${'a'.repeat(60)}!`, false],
    ['^(\\w+\\s?)+$', '', `${'word '.repeat(30)}!`, false],
    ['^(.*a){20}$', '', 'a'.repeat(19) + 'b'.repeat(100), false],
    ['(.*a){20}', 's', 'a'.repeat(20), true],
    ['^(a|a?)+$', 'i', `${'A'.repeat(50)}!`, false],
    ['(x+x+)+y', '', 'x'.repeat(5_000), false],
  ])('/%s/%s', (p, f, t, expected) => {
    expect(linearRegexTest(p, f)!(t)).toBe(expected);
  }, 10_000);

  it('(.*a){1000} against 999 "a"s and a long tail', () => {
    expect(linearRegexTest('^(.*a){1000}$', '')!(`${'a'.repeat(999)}${'b'.repeat(1000)}`)).toBe(false);
    expect(linearRegexTest('^(.*a){1000}$', '')!('ba'.repeat(1000))).toBe(true);
  }, 20_000);

  it('a long text is read once', () => {
    expect(linearRegexTest('^(\\w+\\s?)+$', '')!(`${'a'.repeat(100_000)}!`)).toBe(false);
  }, 10_000);
});
