// Parsing a match expression: from the YAML scalar in a rule file (parseMatch) or from plain
// text (parseMatchText, for importers and tests) to an AST whose every span is exact in the file.
// Syntax errors become one `match/syntax` diagnostic at the offending character; an expression
// nested deeper than the language allows becomes `match/too-deep` before the parser runs.

import { isScalar } from 'yaml';
import { error, type Diagnostic, type Position, type Span } from '../diagnostics.ts';
import type { Path, SourceDocument } from '../load/source-document.ts';
import type { AstExpr } from '../language/ast.ts';
import { MatchSyntaxError, parseMatchSource } from '../language/match-parser.ts';
import { MAX_NESTING_DEPTH, scanNesting } from '../language/nesting-depth.ts';
import { scalarText } from './scalar-offsets.ts';
import { endOfLastToken, syntaxMessage } from './syntax-message.ts';

export interface ParseMatchResult {
  readonly ast?: AstExpr;
  readonly diagnostics: Diagnostic[];
}

/** Maps offsets in the expression text to spans in the file. */
interface TextLocator {
  /** Span of the text `[start, end)`. */
  span(start: number, end: number): Span;
  /** Span of the character at `offset` (zero-width at the end of the text). */
  at(offset: number): Span;
}

/** Parses the match expression held by the YAML scalar at `path` of `doc`. */
export function parseMatch(doc: SourceDocument, path: Path): ParseMatchResult {
  const node = doc.nodeAt(path);
  if (!isScalar(node) || !node.range) {
    return {
      diagnostics: [
        error('match/syntax', doc.spanAt(path), 'A match expression must be a string, e.g. match: process_name == "cmd.exe".'),
      ],
    };
  }
  const mapped = scalarText(doc.text, node);
  if (mapped) {
    const { value, starts, ends } = mapped;
    // Where an empty expression is reported: inside the quotes, or at the scalar (`|`, `>`, or the key's value position).
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const emptyAt = node.range[0] + (quoted ? 1 : 0);
    const startOf = (offset: number) => starts[offset] ?? ends[ends.length - 1] ?? emptyAt;
    const endOf = (end: number) => ends[end - 1] ?? startOf(end);
    return parseWith(value, {
      span: (start, end) => doc.spanOfRange(startOf(start), end > start ? endOf(end) : startOf(start)),
      at: (offset) =>
        offset < value.length ? doc.spanOfRange(startOf(offset), endOf(offset + 1)) : doc.spanOfRange(endOf(offset), endOf(offset)),
    });
  }
  // Our reading of the scalar disagreed with the yaml package (should not happen): parse the
  // package's value and point every span at the scalar's start rather than somewhere wrong.
  const text = typeof node.source === 'string' ? node.source : String(node.value);
  const whole = doc.spanOfRange(node.range[0], node.range[0]);
  return parseWith(text, { span: () => whole, at: () => whole });
}

/**
 * Parses an expression that is not inside YAML. `base` is where the text starts in `file`
 * (default 1:1); spans count lines and columns from there.
 */
export function parseMatchText(text: string, file: string, base: Position = { line: 1, column: 1, offset: 0 }): ParseMatchResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charAt(i) === '\n') lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    const lineStart = lineStarts[line] ?? 0;
    return {
      line: base.line + line,
      column: line === 0 ? base.column + offset : offset - lineStart + 1,
      offset: base.offset + offset,
    };
  };
  const span = (start: number, end: number): Span => ({ file, start: position(start), end: position(end) });
  return parseWith(text, {
    span,
    at: (offset) => (offset < text.length ? span(offset, offset + 1) : span(offset, offset)),
  });
}

function parseWith(text: string, locate: TextLocator): ParseMatchResult {
  // The parser (and every pass after it) recurses once per level: bound the depth first.
  const { tooDeep } = scanNesting(text);
  if (tooDeep) return { diagnostics: [tooDeepDiagnostic(locate.span(tooDeep.start, tooDeep.end))] };
  try {
    return { ast: parseMatchSource(text, (start, end) => locate.span(start, end)), diagnostics: [] };
  } catch (thrown) {
    if (!(thrown instanceof MatchSyntaxError)) throw thrown;
    return { diagnostics: [syntaxDiagnostic(text, thrown, locate)] };
  }
}

function syntaxDiagnostic(text: string, failure: MatchSyntaxError, locate: TextLocator): Diagnostic {
  const offset = failure.location.start.offset;
  if (failure.expected === null) {
    // A message written in the grammar (unknown escape, unterminated string, …): already plain.
    return error('match/syntax', locate.at(offset), failure.message);
  }
  const expected = failure.expected.map((e) => (e.type === 'other' ? e.description : e.type === 'literal' ? `"${e.text}"` : e.type));
  const found = failure.found ?? undefined;
  // At the end of the text, point just after the last token rather than past blanks and comments.
  const at = found === undefined ? endOfLastToken(text) : offset;
  return error('match/syntax', found === undefined ? locate.span(at, at) : locate.at(at), syntaxMessage(text, at, expected, found));
}

function tooDeepDiagnostic(span: Span): Diagnostic {
  return error(
    'match/too-deep',
    span,
    `The expression nests parentheses and "not" more than ${MAX_NESTING_DEPTH} levels deep here, the most detc reads. ` +
      'Flatten it: remove redundant parentheses, write "not not x" as "x" and "not (a or b)" as "not a and not b", ' +
      'or move alternatives into allowlists or variations.',
  );
}
