// The exact place in a rule file of a piece of a regex literal's pattern, e.g. the group a
// message is about in `match: cmd matches /^(a+)+$/`. The pattern is what the regex engine sees:
// the YAML scalar's escapes and folding are undone (scalarText) and so is the literal's `\/`.

import { isScalar } from 'yaml';
import type { Span } from '../../diagnostics.ts';
import type { AstRegex } from '../../language/ast.ts';
import type { Path, SourceDocument } from '../../load/source-document.ts';
import { scalarText } from '../../parse/scalar-offsets.ts';

/** The span of `regex.pattern[start, end)` in the file; the literal's span when it cannot be mapped. */
export function patternSpan(doc: SourceDocument, path: Path, regex: AstRegex, start: number, end: number): Span {
  const node = doc.nodeAt(path);
  const mapped = isScalar(node) ? scalarText(doc.text, node) : undefined;
  if (!mapped) return regex.span;
  const { value, starts, ends } = mapped;
  // The expression character that opens the literal, then each pattern character's first and
  // last expression character (`\/` is two characters for one).
  const slash = starts.findIndex((offset, i) => offset === regex.span.start.offset && value.charAt(i) === '/');
  if (slash < 0) return regex.span;
  const first: number[] = [];
  const last: number[] = [];
  let pattern = '';
  for (let j = slash + 1; pattern.length < regex.pattern.length && j < value.length; j++) {
    first.push(j);
    if (value.charAt(j) === '\\' && value.charAt(j + 1) === '/') j++;
    last.push(j);
    pattern += value.charAt(j);
  }
  const from = starts[first[start] ?? -1];
  const to = ends[last[end - 1] ?? -1];
  if (pattern !== regex.pattern || from === undefined || to === undefined) return regex.span;
  return doc.spanOfRange(from, to);
}
