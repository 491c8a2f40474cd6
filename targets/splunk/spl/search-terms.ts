// Expr → `search` command terms, for the part of an expression the `search` command expresses
// exactly. Returns `undefined` when it cannot; the caller then uses `where` (where-terms.ts).
//
// What `search` does (Splunk Search Reference, "search" and "Use CASE() and TERM()"):
// - `f="v"` is true when some value of the (multi-value) field f matches v; `*` in v is always a
//   wildcard; the comparison ignores case; an event without f never matches.
// - `NOT t` is the complement, so `NOT f="v"` keeps events without f (unlike `f!="v"`).
// - terms side by side are ANDed, and that implicit AND binds looser than OR: we parenthesise
//   every OR group anyway, so the text never depends on precedence.
// - `f IN ("a", "b*")` is `(f="a" OR f="b*")`.
//
// Because `search` ignores case, a case-sensitive comparison is written here only when the data
// source promises the field is lower-cased at the source and the value is lower case, or when
// the rule asked for a case-insensitive match with `lower(f)`.

import type { Equals, Expr, Field, Like, Value } from '../../../compiler/ir.ts';
import { assertNever } from '../../../compiler/ir.ts';
import { isSafeFieldName, isSearchSafeText, quoteString } from './strings.ts';

export interface SearchOptions {
  /** Write case-sensitive comparisons case-insensitively: a superset, for prefilters only. */
  readonly relaxCase: boolean;
}

export function toSearch(expr: Expr, options: SearchOptions = { relaxCase: false }): string | undefined {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.operands.map((operand) => toSearch(operand, options));
      return parts.every((part) => part !== undefined) ? parts.join(' ') : undefined;
    }
    case 'or': {
      // An AND inside an OR needs its own parentheses: side-by-side terms bind looser than OR.
      const parts = expr.operands.map((operand) => {
        const part = toSearch(operand, options);
        return part !== undefined && needsParens(operand) ? `(${part})` : part;
      });
      return parts.every((part) => part !== undefined) ? `(${parts.join(' OR ')})` : undefined;
    }
    case 'not': {
      if (options.relaxCase) return undefined; // the complement of a superset is not a superset
      const inner = toSearch(expr.operand, options);
      if (inner === undefined) return undefined;
      return `NOT ${needsParens(expr.operand) ? `(${inner})` : inner}`;
    }
    case 'equals':
      return equalsToSearch(expr, options);
    case 'like':
      return likeToSearch(expr, options);
    case 'range':
    case 'regex':
    case 'cidr':
    case 'exists':
      // Numeric order, PCRE, CIDR and presence are eval's job: `where` says exactly what they mean.
      return undefined;
    default:
      return assertNever(expr, 'expression');
  }
}

/**
 * A `search` expression that selects at least the events `expr` selects (case relaxed), or
 * undefined. Put before a `where` that checks exactly, it lets the indexers discard most events.
 */
export function toSearchPrefilter(expr: Expr): string | undefined {
  if (expr.kind === 'and') {
    const parts = expr.operands.map(toSearchPrefilter).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(' ') : undefined;
  }
  return toSearch(expr, { relaxCase: true });
}

function needsParens(expr: Expr): boolean {
  return expr.kind === 'and';
}

/** Whether `search`'s case-insensitive comparison means the same as the rule's comparison. */
function caseIsSafe(field: Field, ignoreCase: boolean, texts: readonly string[], options: SearchOptions): boolean {
  if (ignoreCase || options.relaxCase) return true;
  return field.lowercase && texts.every((text) => text === text.toLowerCase());
}

function valueToSearch(field: Field, value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
      // An empty value is left to `where`: `f=""` in `search` is not documented to mean "empty".
      return value.value !== '' && isSearchSafeText(value.value) ? quoteString(value.value) : undefined;
    case 'number':
      // Numbers compare numerically (`5.0` equals 5); `search` compares text. Left to `where`.
      return undefined;
    case 'boolean':
      // Splunk extracts JSON booleans as the text `true`/`false`; only boolean fields hold them.
      return field.type === 'boolean' ? String(value.value) : undefined;
    default:
      return assertNever(value, 'value');
  }
}

function fieldTerm(field: Field, values: readonly string[]): string | undefined {
  if (!isSafeFieldName(field.splunk)) return undefined;
  return values.length === 1 ? `${field.splunk}=${values[0]}` : `${field.splunk} IN (${values.join(', ')})`;
}

function equalsToSearch(expr: Equals, options: SearchOptions): string | undefined {
  const field = expr.field.field;
  // An ip field compares addresses, and `search` compares text: `f="10.1.2.3"` would miss
  // ::ffff:10.1.2.3, even as a prefilter. Left to `where` (cidrmatch, spl/cidr.ts).
  if (field.type === 'ip') return undefined;
  const texts = expr.values.map((value) => (value.kind === 'string' ? value.value : ''));
  if (!caseIsSafe(field, expr.ignoreCase, texts, options)) return undefined;
  const values = expr.values.map((value) => valueToSearch(field, value));
  if (!values.every((value) => value !== undefined)) return undefined;
  return fieldTerm(field, values);
}

function likeToSearch(expr: Like, options: SearchOptions): string | undefined {
  const field = expr.field.field;
  const values: string[] = [];
  for (const glob of expr.patterns) {
    // `search` has no one-character wildcard (a prefilter may widen `?` to `*`), and a pattern of
    // wildcards only (`*`) would also have to match the empty string, which `f=*` does not promise.
    if (!options.relaxCase && glob.parts.some((part) => part.kind === 'any-char')) return undefined;
    const texts = glob.parts.flatMap((part) => (part.kind === 'text' ? [part.text] : []));
    if (texts.join('') === '') return undefined;
    if (!texts.every(isSearchSafeText) || !caseIsSafe(field, expr.ignoreCase, texts, options)) return undefined;
    // Text never holds a `*` here (not search-safe), so collapsing runs only merges wildcards.
    values.push(quoteString(glob.parts.map((part) => (part.kind === 'text' ? part.text : '*')).join('').replace(/\*+/g, '*')));
  }
  return fieldTerm(field, values);
}
