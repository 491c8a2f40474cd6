// The `windash` modifier: Windows command-line flags accept `-`, `/` and look-alike dashes, so
// each of these characters in the value may be any of them. Every permutation becomes a value.

import type { SigmaPart, SigmaString } from '../sigma-string.ts';

/** `-`, `/`, en dash, em dash, horizontal bar: the characters the specification makes interchangeable. */
export const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

/** Above this many variants of one value the rule is refused (the expansion is exponential). */
export const WINDASH_MAX_VARIANTS = 625;

export function windashVariants(value: SigmaString): SigmaString[] | { tooMany: number } {
  const dashes = value.reduce((n, p) => n + (p.kind === 'text' ? countDashes(p.text) : 0), 0);
  const total = WINDASH_CHARACTERS.length ** dashes;
  if (total > WINDASH_MAX_VARIANTS) return { tooMany: total };
  let variants: SigmaPart[][] = [[]];
  for (const part of value) {
    if (part.kind !== 'text') {
      variants = variants.map((v) => [...v, part]);
      continue;
    }
    let texts = [''];
    for (const c of part.text) {
      const choices: readonly string[] = isDash(c) ? WINDASH_CHARACTERS : [c];
      texts = texts.flatMap((t) => choices.map((d) => t + d));
    }
    variants = variants.flatMap((v) => texts.map((t) => [...v, { kind: 'text' as const, text: t }]));
  }
  return variants;
}

function isDash(c: string): boolean {
  return (WINDASH_CHARACTERS as readonly string[]).includes(c);
}

function countDashes(text: string): number {
  let n = 0;
  for (const c of text) if (isDash(c)) n++;
  return n;
}
