// Quoting of values and field names in the two languages a Splunk search mixes:
// the `search` command (field=value terms) and eval expressions (`where`, `mvfind`, ...).
//
// Both use double-quoted strings where a backslash escapes `"` and `\` (Splunk Search Manual,
// "Backslashes" and "Quotes and escaping characters"). Field names differ: `search` takes them
// bare (`requestObject.spec.containers{}.image=...`), eval needs single quotes around any name
// with a dot or braces (`'requestObject.spec.containers{}.image'`).

/**
 * Native field names we can write safely in both languages: a letter or `_` first, then letters,
 * digits, `_`, `.`, `{` and `}` (the JSON-path style Splunk extracts from structured events).
 * A name outside this set (spaces, quotes, `=`, `-`…) is refused with a diagnostic.
 */
const SAFE_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.{}]*$/;

export function isSafeFieldName(name: string): boolean {
  return SAFE_FIELD_NAME.test(name);
}

/**
 * Names eval can reference in single quotes: the above plus `/`, `-`, `@` and `:` inside the name
 * (e.g. `annotations.authorization.k8s.io/decision`). Such a field is only ever compared in
 * `where`; it cannot be shown in the results (`stats … by` takes bare names).
 */
const EVAL_SAFE_FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.{}/@:-]*$/;

export function isEvalSafeFieldName(name: string): boolean {
  return EVAL_SAFE_FIELD_NAME.test(name);
}

/** A double-quoted string literal for `search` terms and eval expressions. */
export function quoteString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A field reference inside an eval expression (`where`, `mvfind`, ...). */
export function evalField(name: string): string {
  return `'${name}'`;
}

/**
 * Characters we allow inside a quoted `search` value. Everything else (`*` is always a wildcard,
 * `\` and `"` need escaping whose interplay with the index lexicon is poorly specified, `|`, `[`,
 * `]`, backticks and `$` have meaning to the search parser, macros or tokens, control characters
 * would break the .conf line) sends the comparison to `where`, where eval semantics are exact.
 */
const SEARCH_SAFE_TEXT = /^[A-Za-z0-9 ._:/@,+#%~^&{}=-]*$/;

export function isSearchSafeText(text: string): boolean {
  return SEARCH_SAFE_TEXT.test(text);
}

/** A number as `search` and eval write it, when it has a plain decimal form. */
export function plainNumber(value: number): string | undefined {
  const text = String(value);
  return /^-?[0-9]+(\.[0-9]+)?$/.test(text) ? text : undefined;
}
