// The character sets the backtracking analysis compares are exactly what JavaScript matches for
// each atom, flags included (`i`'s case folding: µ/μ/Μ, ſ, the Kelvin sign).
import { describe, expect, it } from 'vitest';
import { charSetOf, intersects, type CharSet } from '../../compiler/language/regex-charset.ts';

const ATOMS = [
  'a', 'A', 'µ', 'ſ', 's', 'k', '\u212a', '.', '\\.', '\\-', '\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\t', '\\n', '\\r', '\\x41', '\\x7f',
  '[ab]', '[^a]', '[a-c]', '[\\d]', '[\\s\\w]', '[^\\n]', '[A-Z]', '[^A-Z-]', '[.]', '[\\]a]', '[µs]', '[\\d-z]', '[-a]', '[a-]', '[\\x41-\\x43]', '[^\\s\\d]',
];
// Every code unit up to U+02FF, and the characters where JavaScript's sets and case folding are subtle.
const CODES = [
  ...Array.from({ length: 0x300 }, (_, i) => i),
  0x39c, 0x3bc, 0x1680, 0x2000, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f, 0x212a, 0x2126, 0x3000, 0xfeff, 0xd83d, 0xde00, 0xffff,
];

const has = (set: CharSet, c: number) => set.some(([lo, hi]) => lo <= c && c <= hi);

describe('charSetOf', () => {
  it.each(ATOMS.flatMap((atom) => ['', 'i', 's', 'is'].map((flags) => [atom, flags] as const)))('%s with flags "%s" is what RegExp matches', (atom, flags) => {
    const regex = new RegExp(`^(?:${atom})$`, flags);
    const set = charSetOf(atom, flags);
    const wrong = CODES.filter((c) => has(set, c) !== regex.test(String.fromCharCode(c)));
    expect(wrong.map((c) => c.toString(16))).toEqual([]);
  });
});

describe('intersects', () => {
  it.each<[string, string, string, boolean]>([
    ['a', 'A', '', false],
    ['a', 'A', 'i', true],
    ['\\d', '\\w', '', true],
    ['\\d', '[a-z]', '', false],
    ['.', '\\n', '', false],
    ['.', '\\n', 's', true],
    ['µ', '\u039c', 'i', true],
    ['[^,]', ',', '', false],
  ])('%s and %s (flags "%s"): %s', (a, b, flags, expected) => {
    expect(intersects(charSetOf(a, flags), charSetOf(b, flags))).toBe(expected);
  });
});
