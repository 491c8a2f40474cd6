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

/**
 * One diagnostic code, defined once, next to the check, stage or target that raises it: what
 * docs/diagnostics.md says about it is generated from this, and a diagnostic can only be raised
 * through its definition (`report`), so no code goes undocumented.
 */
export interface DiagnosticDefinition {
  /** Stable code, `area/kebab-name`. Codes never change meaning; a new problem gets a new code. */
  readonly code: string;
  /** The default severity (detc.yml may change it per code). */
  readonly severity: Severity;
  /** What is wrong, in one line (the "meaning" column of docs/diagnostics.md). */
  readonly summary: string;
  /** How to fix it, in one line. */
  readonly fix: string;
  /** A short example of input that raises it (YAML or match-language text), when one helps. */
  readonly example?: string;
}

/** A group of definitions that docs/diagnostics.md shows under one heading. */
export interface DiagnosticArea {
  /** The heading, e.g. `Loading`, `Splunk (splunk/*)`. */
  readonly title: string;
  /** A paragraph above the table: where these come from, what they have in common. */
  readonly intro?: string;
  readonly definitions: readonly DiagnosticDefinition[];
}

/** Identity, for type inference: `export const NOT_FOUND = defineDiagnostic({ … })`. */
export function defineDiagnostic<const D extends DiagnosticDefinition>(definition: D): D {
  return definition;
}

/** A diagnostic of a defined code, at its default severity; `message` says what is wrong here and how to fix it. */
export function report(definition: DiagnosticDefinition, span: Span, message: string, related?: readonly RelatedLocation[]): Diagnostic {
  return diagnostic(definition.code, definition.severity, span, message, related);
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

/** @deprecated Raise through a definition: `report(DEFINITION, span, message)`. Removed once every code has one. */
export const error = (code: string, span: Span, message: string, related?: readonly RelatedLocation[]): Diagnostic =>
  diagnostic(code, 'error', span, message, related);

/** @deprecated Raise through a definition: `report(DEFINITION, span, message)`. Removed once every code has one. */
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
