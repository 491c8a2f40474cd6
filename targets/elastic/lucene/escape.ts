// Escaping for Lucene query syntax (Elasticsearch query_string), used for the rules that need
// what KQL lacks (see query.ts). Reserved characters in a term or field name:
// `+ - = & | > < ! ( ) { } [ ] ^ " ~ * ? : \ /` and whitespace; a backslash escapes any one
// character. In a quoted phrase only `"` and `\` are special.

const RESERVED = /[+\-=&|><!(){}[\]^"~*?:\\/\s]/u;

/**
 * Literal text as (part of) an unquoted Lucene term or a field name: nothing in it is syntax.
 * `AND`, `OR` and `NOT` as a whole token are operators (the classic parser's lexer declares
 * them before terms, and they win a tie), so a text that is exactly one of them gets its first
 * letter escaped: `\NOT` is a term.
 */
export function escapeLuceneTerm(text: string): string {
  if (/^(AND|OR|NOT)$/.test(text)) return `\\${text}`;
  let out = '';
  for (const ch of text) out += RESERVED.test(ch) ? `\\${ch}` : ch;
  return out;
}

/** An exact value as a Lucene phrase; on a keyword field, an exact term. */
export function quoteLucene(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * One character inside a Lucene regular expression (RegExp with all optional syntax on, as
 * query_string uses it): letters and digits stand for themselves, anything else is escaped
 * (a backslash escapes any character there, and `/` must be escaped inside `/…/`).
 */
export function escapeRegexChar(ch: string): string {
  return /^[A-Za-z0-9]$/.test(ch) ? ch : `\\${ch}`;
}
