// The match-language parser, generated from compiler/grammar/match.peggy the first time it is
// needed and kept for the life of the process. Generating at runtime means there is no build
// step to forget: `git clone && npm install && npx detc …` works, and editing the grammar takes
// effect on the next run.
//
// Cost (measured on the development machine, Node 20): generating takes about 25–40 ms once per
// process; parsing a typical rule's expression then takes well under a millisecond.

import { readFileSync } from 'node:fs';
import peggy from 'peggy';
import type { Parser, ParserOptions } from 'peggy';

const GRAMMAR_URL = new URL('../grammar/match.peggy', import.meta.url);

let cached: Parser | undefined;

export function matchParser(): Parser {
  cached ??= peggy.generate(readFileSync(GRAMMAR_URL, 'utf8'), { grammarSource: 'match.peggy', output: 'parser' });
  return cached;
}

/** Maps offsets `[start, end)` of the expression text to a span in the rule file. */
export type MakeSpan = (start: number, end: number) => import('../diagnostics.ts').Span;

export interface MatchParserOptions extends ParserOptions {
  readonly makeSpan: MakeSpan;
}

export type { Parser };
export { peggy };
