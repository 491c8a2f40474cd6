// `$field$` tokens in a rule's message (Splunk's notable/risk message syntax, which the Elastic
// and docs targets render too), with the exact span of each token in the rule file.

import { isScalar } from 'yaml';
import type { Span } from '../../diagnostics.ts';
import type { Path, SourceDocument } from '../../load/source-document.ts';
import { scalarText } from '../../parse/scalar-offsets.ts';

export interface MessageToken {
  /** The field name between the dollar signs. */
  readonly name: string;
  readonly span: Span;
}

const TOKEN = /\$([^$\s]+)\$/g;

export function messageTokens(doc: SourceDocument, path: Path, message: string): MessageToken[] {
  const node = doc.nodeAt(path);
  const mapped = isScalar(node) ? scalarText(doc.text, node) : undefined;
  const whole = doc.spanAt(path);
  return [...message.matchAll(TOKEN)].map((match) => {
    const start = match.index;
    const end = start + match[0].length;
    // Point at the token itself when we can map the value back to the file, else at the message.
    const from = mapped?.value === message ? mapped.starts[start] : undefined;
    const to = mapped?.value === message ? mapped.ends[end - 1] : undefined;
    const span = from !== undefined && to !== undefined ? doc.spanOfRange(from, to) : whole;
    return { name: match[1]!, span };
  });
}
