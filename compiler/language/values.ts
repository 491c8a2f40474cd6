// How one event value compares with one rule value. These are the language's semantics for
// scalars (docs/language.md, "Semantics"); the multi-value and missing-field rules live in
// field-values.ts and expr.ts.
//
// - Text operators (==/in with a string or boolean, like, startswith, endswith, contains,
//   matches) see an event value's text: a string as it is, a number or boolean as its JSON text
//   (42 → "42", true → "true"). This is what Splunk sees (every field is text) and what an
//   Elastic keyword field holds. Objects have no text and match nothing.
// - Number operators (== or in with a number, <, <=, >, >=) see an event value's number: a JSON
//   number, or a string that is exactly a decimal number in JSON syntax ("42", "-1.5", "1e3";
//   not " 42", "0x2A" or "42abc"). Both Splunk (`where`) and Elastic (numeric mapping) compare
//   such strings numerically.
// - `lower()` lower-cases the event text with JavaScript's toLowerCase() (full Unicode, no
//   locale); the rule's values are already lower case (a check enforces it).

export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  return undefined;
}

/** The event text as compared: lower-cased when the rule wrote `lower(field)`. */
export function comparableText(value: unknown, ignoreCase: boolean): string | undefined {
  const text = textOf(value);
  return text !== undefined && ignoreCase ? text.toLowerCase() : text;
}
