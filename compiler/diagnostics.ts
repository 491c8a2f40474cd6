// Diagnostics are how every stage reports bad input. Nothing in the compiler throws for
// bad input: a stage returns what it could do plus a list of diagnostics.

/** A position in a source file. `line` and `column` are 1-based; `offset` is 0-based (UTF-16 units). */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A range in a source file (end exclusive). */
export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  /** Stable, documented code such as `schema/required`, `match/syntax`, `attack/unknown-technique`. */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong and how to fix it, in one or two sentences. */
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedLocation[];
}

export function diagnostic(
  code: string,
  severity: Severity,
  span: Span,
  message: string,
  related?: readonly RelatedLocation[],
): Diagnostic {
  return related && related.length > 0 ? { code, severity, message, span, related } : { code, severity, message, span };
}

export const error = (code: string, span: Span, message: string, related?: readonly RelatedLocation[]): Diagnostic =>
  diagnostic(code, 'error', span, message, related);

export const warning = (code: string, span: Span, message: string, related?: readonly RelatedLocation[]): Diagnostic =>
  diagnostic(code, 'warning', span, message, related);

/** A span for a whole file when nothing more precise exists (e.g. the file cannot be read). */
export function fileSpan(file: string): Span {
  const at = { line: 1, column: 1, offset: 0 };
  return { file, start: at, end: at };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, then code, so that output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.span.file, b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
