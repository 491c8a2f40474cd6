// Helpers shared by the parse tests: building ASTs with placeholder spans and comparing trees
// without their spans.
import type { Span } from '../../compiler/diagnostics.ts';

export const NO_SPAN: Span = { file: '', start: { line: 0, column: 0, offset: 0 }, end: { line: 0, column: 0, offset: 0 } };

/** A deep copy without any `span` property, so trees can be compared by structure. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'span')
        .map(([key, v]) => [key, withoutSpans(v)]),
    );
  }
  return value;
}
