// Prints diagnostics for people (text with a caret excerpt), for tools (json) and for GitHub
// Actions (workflow annotations that show up on the pull request's diff). Every file name, code,
// message and excerpt goes through terminal-text.ts: rule content never reaches a terminal or a
// CI log raw.

import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { escapeGithubMessage, escapeGithubProperty, escapeLine, escapeText, toSafeJson } from './terminal-text.ts';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/**
 * Source text by file name, for caret excerpts; undefined when there is none to show. Only files
 * the loader read from inside the library root are ever looked up (see CompileResult.sources).
 */
export type SourceLookup = (file: string) => string | undefined;

/** Messages quote bounded excerpts of values already (compiler/quote.ts); this bounds the rest. */
export const MAX_MESSAGE_LENGTH = 1000;
/** The widest excerpt of a source line, in printed columns. */
export const MAX_EXCERPT_WIDTH = 120;

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, sources: SourceLookup): string {
  switch (format) {
    case 'json':
      return toSafeJson(diagnostics.map(toJson)) + '\n';
    case 'github':
      return diagnostics.map(toGithub).join('');
    case 'text':
      return diagnostics.map((d) => toText(d, sources)).join('');
  }
}

export function summaryLine(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file:line:col` of a span, escaped; a line may start with it (see escapeLine). */
export function locationText(span: Diagnostic['span']): string {
  return `${escapeText(span.file)}:${span.start.line}:${span.start.column}`;
}

/** A message cut at MAX_MESSAGE_LENGTH characters, with an ellipsis. */
export function bounded(message: string): string {
  const chars = [...message];
  return chars.length <= MAX_MESSAGE_LENGTH ? message : `${chars.slice(0, MAX_MESSAGE_LENGTH - 1).join('')}…`;
}

function toText(d: Diagnostic, sources: SourceLookup): string {
  let out = escapeLine(`${locationText(d.span)}: ${d.severity} ${d.code}: ${bounded(d.message)}`) + '\n';
  out += excerpt(d.span, sources);
  for (const r of d.related ?? []) out += escapeLine(`  ${locationText(r.span)}: note: ${bounded(r.message)}`) + '\n';
  return out;
}

/**
 * The source line with a caret under the span (up to the end of that line), escaped. A long line
 * is shown as a window of at most MAX_EXCERPT_WIDTH columns around the span, with … at a cut.
 */
function excerpt(span: Diagnostic['span'], sources: SourceLookup): string {
  const text = sources(span.file);
  if (text === undefined) return '';
  const line = text.split(/\r?\n/)[span.start.line - 1];
  if (line === undefined) return '';
  // One printed cell per code point, an escape's width for an unsafe one.
  const cells = [...line].map((char) => escapeText(char));
  // `##[` spans cells, so escapeText cannot see it in one: its `[` is escaped here.
  cells.forEach((cell, i) => {
    if (cell === '[' && cells[i - 1] === '#' && cells[i - 2] === '#') cells[i] = '\\[';
  });
  const startIndex = codePointIndex(line, span.start.column - 1);
  const endIndex = span.end.line === span.start.line ? codePointIndex(line, span.end.column - 1) : cells.length;
  const start = Math.min(startIndex, cells.length);
  const end = Math.max(start + 1, Math.min(endIndex, cells.length));
  const { from, to } = window(cells, start, end);
  const width = (a: number, b: number) => cells.slice(a, b).join('').length;
  const before = (from > 0 ? '…' : '') + cells.slice(from, start).join('');
  const shown = before + cells.slice(start, to).join('') + (to < cells.length ? '…' : '');
  const carets = Math.max(1, width(start, Math.min(end, to)));
  const gutter = `${span.start.line} | `;
  const pad = ' '.repeat(gutter.length - 2) + '| ' + ' '.repeat(before.length);
  return `  ${gutter}${shown}\n  ${pad}${'^'.repeat(carets)}\n`;
}

/** The code-point index of a UTF-16 column (columns count UTF-16 units, as the YAML parser does). */
function codePointIndex(line: string, units: number): number {
  return [...line.slice(0, Math.max(0, units))].length;
}

/** Cells [from, to) to print: the whole line when it fits, else a window that starts a little before the span. */
function window(cells: readonly string[], start: number, end: number): { from: number; to: number } {
  const widthOf = (a: number, b: number) => cells.slice(a, b).reduce((sum, cell) => sum + cell.length, 0);
  if (widthOf(0, cells.length) <= MAX_EXCERPT_WIDTH) return { from: 0, to: cells.length };
  // Some context before the span (a third of the window), then as much as fits after it.
  let from = start;
  while (from > 0 && widthOf(from - 1, start) <= MAX_EXCERPT_WIDTH / 3) from--;
  let to = from;
  while (to < cells.length && widthOf(from, to + 1) <= MAX_EXCERPT_WIDTH) to++;
  // A span near the end of the line leaves room: spend it on more context before.
  while (to === cells.length && from > 0 && widthOf(from - 1, to) <= MAX_EXCERPT_WIDTH) from--;
  return { from, to: Math.max(to, Math.min(end, from + 1)) };
}

function toJson(d: Diagnostic) {
  return {
    file: d.span.file,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    severity: d.severity,
    code: d.code,
    message: bounded(d.message),
    related: (d.related ?? []).map((r) => ({
      file: r.span.file,
      line: r.span.start.line,
      column: r.span.start.column,
      message: bounded(r.message),
    })),
  };
}

function toGithub(d: Diagnostic): string {
  const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeGithubProperty(d.span.file)}`,
    `line=${d.span.start.line}`,
    `col=${d.span.start.column}`,
    `endLine=${d.span.end.line}`,
    `endColumn=${d.span.end.column}`,
    `title=${escapeGithubProperty(d.code)}`,
  ].join(',');
  return `::${command} ${props}::${escapeGithubMessage(bounded(d.message))}\n`;
}
