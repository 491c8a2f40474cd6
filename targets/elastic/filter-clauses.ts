// A data source filter is KQL written by the data source's author, e.g.
// `event.dataset:"aws.cloudtrail" and event.provider:"ecr.amazonaws.com"`. We split it at its
// top-level ` and ` (outside quotes and parentheses) so that each clause gets its own line in
// the query, and so that the Lucene translation can convert clause by clause.

/**
 * The filter's top-level `and` operands; the whole filter when it has none, or when it also has
 * a top-level `or` (which binds looser, so splitting at `and` would regroup it).
 */
export function splitFilterClauses(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      current += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    const keyword = !quoted && depth === 0 && /\s/.test(ch) ? /^\s+(and|or)\s+/i.exec(text.slice(i)) : null;
    if (keyword?.[1]!.toLowerCase() === 'or') return [text.trim()];
    if (keyword) {
      parts.push(current.trim());
      current = '';
      i += keyword[0].length - 1;
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}
