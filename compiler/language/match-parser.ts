// The match-language parser, generated from compiler/language/grammar/match.peggy the first time it is
// needed and kept for the life of the process. Generating at runtime means there is no build
// step to forget: `git clone && npm install && npx detc …` works, and editing the grammar takes
// effect on the next run.
//
// Cost, measured with peggy 5.1 on Node 20 (the 2-core development machine): generating takes
// about 45 ms when the machine is idle (150–400 ms while it was busy running other test suites),
// once per process; parsing a typical rule expression afterwards takes well under a millisecond.

import { readFileSync } from 'node:fs';
import peggy from 'peggy';
import type { Parser } from 'peggy';
import type { Span } from '../diagnostics.ts';
import { packageUrl } from '../package-files.ts';

const GRAMMAR_URL = packageUrl('compiler/language/grammar/match.peggy');

let cached: Parser | undefined;

export function matchParser(): Parser {
  cached ??= peggy.generate(readFileSync(GRAMMAR_URL, 'utf8'), { grammarSource: 'match.peggy', output: 'parser' });
  return cached;
}

/** Passed to the parser as `options.makeSpan`: maps offsets `[start, end)` of the expression text to a span in the rule file. */
export type MakeSpan = (start: number, end: number) => Span;
