// `lower(f) like "pattern"` as a Lucene regular expression: every character of the (lower-case)
// pattern becomes the class of all characters whose lower case it is — `k` is `[kK\u212A]`
// (Kelvin sign included) — so the regex matches exactly the values whose lower case matches.
// A Lucene regex on a keyword field must match the whole value, like our globs.

import type { Glob } from '../../../compiler/ir.ts';
import { escapeRegexChar } from './escape.ts';

let upperOf: Map<string, string[]> | undefined;

/** For each single character `c`, every other character `x` with `x.toLowerCase() === c`. */
function casePartners(): Map<string, string[]> {
  if (upperOf) return upperOf;
  upperOf = new Map();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const x = String.fromCodePoint(cp);
    const lower = x.toLowerCase();
    if (lower === x || [...lower].length !== 1) continue;
    const list = upperOf.get(lower) ?? [];
    list.push(x);
    upperOf.set(lower, list);
  }
  return upperOf;
}

/**
 * The only character whose lower case is longer than one character is U+0130 (İ → i + U+0307);
 * a pattern containing that pair could match it in ways a per-character class cannot express.
 */
export function hasMultiCharacterFold(text: string): boolean {
  return text.includes('i\u0307');
}

function charClass(ch: string): string {
  const partners = casePartners().get(ch);
  if (!partners) return escapeRegexChar(ch);
  return `[${[ch, ...partners].map(escapeRegexChar).join('')}]`;
}

/** The regex body (without slashes) matching values whose lower case matches the glob. */
export function caseInsensitiveRegex(glob: Glob): string {
  return glob.parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return [...part.text].map(charClass).join('');
        case 'any-string':
          return '.*';
        case 'any-char':
          return '.';
      }
    })
    .join('');
}

/** `lower(f) == "value"`: the glob that is just the value. */
export function exactGlob(value: string, span: Glob['span']): Glob {
  return { kind: 'glob', parts: value === '' ? [] : [{ kind: 'text', text: value }], span };
}
