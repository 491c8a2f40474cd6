// The match-language parser: the module peggy generated ahead of time from grammar/match.peggy
// (`npm run grammar:generate`; committed under generated/, checked for staleness by a test), with
// the one option its actions need typed here.

import type { Span } from '../diagnostics.ts';
import type { AstExpr } from './ast.ts';
import { parse, SyntaxError as GeneratedSyntaxError } from './generated/match-parser.js';

/** Passed to the parser as `options.makeSpan`: maps offsets `[start, end)` of the expression text to a span in the rule file. */
export type MakeSpan = (start: number, end: number) => Span;

/** A syntax error from the generated parser: what it expected and where (offsets in the text). */
export const MatchSyntaxError = GeneratedSyntaxError;
export type MatchSyntaxError = GeneratedSyntaxError;

/**
 * Parses a match expression. Throws a `MatchSyntaxError` on invalid text. The parser is
 * recursive: callers bound the nesting depth first (compiler/language/nesting-depth.ts).
 */
export function parseMatchSource(text: string, makeSpan: MakeSpan): AstExpr {
  return parse(text, { makeSpan });
}
