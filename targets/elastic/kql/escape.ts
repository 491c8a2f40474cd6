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
// - keywords: an unquoted character is refused where a keyword starts (`!Keyword` in
//   UnquotedCharacter), and the keywords are `Or = Space+ 'or'i Space+`, `And = Space+ 'and'i
//   Space+` and `Not = 'not'i Space+`. `or`/`and` need whitespace before them, which our
//   literals never hold raw; `not` does not: a literal ending in `not` (any case) followed by the
//   space before ` or `/` and ` stops before the `n`, so `f:(*not or *x)` and `f:*cannot and …`
//   are syntax errors (`Expected ")", AND, or OR`). Such a literal's `n` is written `\u006E`
//   (`\u004E` for `N`). Not `\not`: Kibana's EscapedKeyword would take it, but EscapedWhitespace
//   comes first and reads `\n` as a line break.

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
 * `endsLiteral`: the text is the end of the unquoted literal (nothing but whitespace or `)` may
 * follow), so a final `not` is escaped; before a `*` it is not a keyword and stays as it is.
 */
export function escapeKqlUnquoted(text: string, { endsLiteral = true }: { endsLiteral?: boolean } = {}): string {
  if (endsLiteral && /not$/i.test(text)) {
    const n = text.at(-3)!;
    return `${escapeKqlUnquoted(text.slice(0, -3), { endsLiteral: false })}\\u${n.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}${text.slice(-2)}`;
  }
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
