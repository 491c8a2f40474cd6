// The `yaml` package words its errors for YAML experts ("Nested mappings are not allowed in
// compact mappings"). Rule authors need to know what to change, so the common ones are reworded
// here; codes and positions stay as SourceDocument.parse reported them.

import { error, type Diagnostic } from '../diagnostics.ts';
import { quote } from '../quote.ts';

export function explainYamlErrors(diagnostics: readonly Diagnostic[], text: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  const seenOffsets = new Set<number>();
  for (const d of diagnostics) {
    if (!d.code.startsWith('yaml/')) {
      result.push(d);
      continue;
    }
    // One mistake often trips two parser checks at the same spot; the first says it best.
    if (seenOffsets.has(d.span.start.offset)) continue;
    seenOffsets.add(d.span.start.offset);
    const message = explain(d, text);
    result.push(message === undefined ? d : error(d.code, d.span, message, d.related));
  }
  return result;
}

function explain(d: Diagnostic, text: string): string | undefined {
  switch (d.code) {
    case 'yaml/tab-as-indent':
      return 'a tab indents this line; YAML indents with spaces only: replace the tab with spaces';
    case 'yaml/duplicate-key': {
      const key = keyAt(text, d.span.start.offset);
      return `${key ? `key ${quote(key)}` : 'this key'} is written twice in the same mapping; keep one of them`;
    }
    case 'yaml/block-as-implicit-key':
    case 'yaml/multiline-implicit-key':
      return (
        'YAML reads a nested "key: value" inside this value (a ": " in it, or a more indented line after it); ' +
        'give the keys of one mapping the same indentation, or put the value in quotes'
      );
    case 'yaml/bad-indent':
      if (/^Flow sequence/.test(d.message)) {
        return 'a list opened with "[" above is not closed before this line; close the list with ] (or indent its continuation lines more than its key)';
      }
      if (/^Flow map/.test(d.message)) {
        return 'a mapping opened with "{" above is not closed before this line; close it with } (or indent its continuation lines more than its key)';
      }
      if (/same column/.test(d.message)) {
        return 'this key is not aligned with the other keys of its mapping; give the keys of one mapping the same indentation';
      }
      return undefined;
    case 'yaml/bad-scalar-start': {
      const first = text[d.span.start.offset] ?? '';
      return `a value cannot start with ${JSON.stringify(first)} unless it is quoted; put the whole value in quotes (or use a | block for a match expression)`;
    }
    default:
      return undefined;
  }
}

/** The key written at `offset` (plain or quoted), for naming it in a message. */
function keyAt(text: string, offset: number): string | undefined {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const match = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s:#][^:#]*?))\s*:/.exec(line);
  return match ? (match[1] ?? match[2]?.replaceAll("''", "'") ?? match[3]) : undefined;
}
