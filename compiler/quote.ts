// How a diagnostic message quotes what a file contains (a value, a key, a name): in double quotes
// with JSON's escapes (so control characters and quotes read unambiguously), and at most
// QUOTE_LIMIT characters, cut with an ellipsis. A message points at the file:line:col of the
// value; it never needs to repeat a whole file, and must not pour one into a CI log.

export const QUOTE_LIMIT = 60;

/** `"busybox:1.36"`, `"SHELL=/bin/bash\u0000IS_SANDBOX=…"`, `42`, `[1,2]`. */
export function quote(value: unknown, limit = QUOTE_LIMIT): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value, limit));
  const json = safeStringify(value);
  return [...json].length <= limit ? json : `${[...json].slice(0, limit - 1).join('')}…`;
}

/** The text itself, cut to `limit` characters (code points) with an ellipsis; for text shown without quotes. */
export function shorten(text: string, limit = QUOTE_LIMIT): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A cyclic value (YAML aliases can build one) has no JSON form.
    return String(value);
  }
}
