// Escaping of text inside KQL. KQL has two kinds of value: quoted phrases ("..."), where only
// `\` and `"` are special and `*` is always literal, and unquoted literals, where `*` is a
// wildcard and `\ ( ) : < > " * { }` must be escaped with a backslash. Field names are unquoted
// literals too.
//
// Kibana's parser facts this file relies on (kbn-es-query KQL grammar):
// - quoted: `\\` `\"` and the whitespace escapes `\t` `\r` `\n`; every other character is literal;
// - unquoted: a backslash escapes one special character; whitespace can only be written raw or
//   as `\t` `\r` `\n` (there is no `\ `), the literal is trimmed, and `or`/`and`/`not` next to raw
//   whitespace are keywords. So we never put whitespace in an unquoted literal: callers refuse
//   patterns with whitespace (see glob.ts) and field names never contain it in practice; if one
//   does it is written with `\t`-style or `\uXXXX` escapes so it is never raw.

/** Characters with a meaning in unquoted KQL. */
const UNQUOTED_SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);

/** `value` as a KQL quoted phrase: exact text, never a wildcard. */
export function quoteKql(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Literal text for an unquoted KQL value or field name: every special character escaped, so that
 * no character of `text` acts as a wildcard, operator or delimiter. Whitespace becomes an escape
 * (`\t` `\r` `\n`, others `\uXXXX`), never a raw character, so it cannot form a keyword.
 */
export function escapeKqlUnquoted(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNQUOTED_SPECIAL.has(ch)) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (/\s/u.test(ch) && ch.length === 1) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
    else out += ch;
  }
  return out;
}

/** A field name as KQL writes it (ECS names such as `kubernetes.audit.verb` need no escaping). */
export function kqlField(name: string): string {
  return escapeKqlUnquoted(name);
}
