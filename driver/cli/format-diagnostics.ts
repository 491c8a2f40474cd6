// Prints diagnostics for people (text with a caret excerpt), for tools (json) and for GitHub
// Actions (workflow annotations that show up on the pull request's diff).

import type { Diagnostic } from '../../compiler/diagnostics.ts';

export type DiagnosticFormat = 'text' | 'json' | 'github';

/** Source text by file name, for caret excerpts; undefined when the file cannot be read. */
export type SourceLookup = (file: string) => string | undefined;

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, sources: SourceLookup): string {
  switch (format) {
    case 'json':
      return JSON.stringify(diagnostics.map(toJson), null, 2) + '\n';
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

function location(d: Diagnostic): string {
  return `${d.span.file}:${d.span.start.line}:${d.span.start.column}`;
}

function toText(d: Diagnostic, sources: SourceLookup): string {
  let out = `${location(d)}: ${d.severity} ${d.code}: ${d.message}\n`;
  out += excerpt(d.span, sources);
  for (const r of d.related ?? []) out += `  ${location({ ...d, span: r.span })}: note: ${r.message}\n`;
  return out;
}

/** The source line with a caret under the span (up to the end of that line). */
function excerpt(span: Diagnostic['span'], sources: SourceLookup): string {
  const text = sources(span.file);
  if (text === undefined) return '';
  const line = text.split(/\r?\n/)[span.start.line - 1];
  if (line === undefined) return '';
  const gutter = `${span.start.line} | `;
  const width =
    span.end.line === span.start.line ? Math.max(1, span.end.column - span.start.column) : Math.max(1, line.length - span.start.column + 1);
  const pad = ' '.repeat(gutter.length - 2) + '| ' + line.slice(0, span.start.column - 1).replace(/[^\t]/g, ' ');
  return `  ${gutter}${line}\n  ${pad}${'^'.repeat(width)}\n`;
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
    message: d.message,
    related: (d.related ?? []).map((r) => ({ file: r.span.file, line: r.span.start.line, column: r.span.start.column, message: r.message })),
  };
}

// GitHub workflow commands: properties escape % \r \n : and , ; the message escapes % \r \n.
function escapeProperty(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function toGithub(d: Diagnostic): string {
  const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(d.span.file)}`,
    `line=${d.span.start.line}`,
    `col=${d.span.start.column}`,
    `endLine=${d.span.end.line}`,
    `endColumn=${d.span.end.column}`,
    `title=${escapeProperty(d.code)}`,
  ].join(',');
  return `::${command} ${props}::${escapeData(d.message)}\n`;
}
