// IR match expression → Lucene query (Elasticsearch query_string syntax), for the rules KQL
// cannot express: case-insensitive comparisons (`lower()`), regexes (`matches`), `?` wildcards
// and wildcard patterns containing whitespace. Same tree and layout as KQL, with Lucene values
// and keywords.
//
// Lucene's boolean operators are not boolean logic: `a OR NOT b` means "a, excluding b", and a
// group of only negations matches nothing in plain Lucene. So a negation only ever appears as
// `x AND NOT y` inside a conjunction with a positive operand; anywhere else it is written
// `(*:* AND NOT y)` ("everything except y"), and every and/or group is parenthesised.

import type { Diagnostic } from '../../../compiler/diagnostics.ts';
import { error } from '../../../compiler/diagnostics.ts';
import { assertNever, type Cidr, type Equals, type Expr, type Field, type Glob, type Like, type Range, type Span, type Value } from '../../../compiler/ir.ts';
import { addressText, checkFieldType, checkValue, cidrText, regexRefusal } from '../field-checks.ts';
import { and, not, or, type KqlNode } from '../kql/tree.ts';
import { caseInsensitiveRegex, exactGlob, hasMultiCharacterFold } from './case-insensitive.ts';
import { escapeLuceneTerm, quoteLucene } from './escape.ts';
import { regexToLucene } from './regex.ts';

export interface LuceneTranslation {
  readonly node?: KqlNode;
  readonly diagnostics: readonly Diagnostic[];
}

const NOTHING: KqlNode = { kind: 'raw', text: '' };
export const MATCH_ALL: KqlNode = { kind: 'raw', text: '*:*' };

export function exprToLucene(expr: Expr): LuceneTranslation {
  const diagnostics: Diagnostic[] = [];
  const node = translate(expr, diagnostics);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { node: safeNegations(node, false), diagnostics };
}

function translate(expr: Expr, out: Diagnostic[]): KqlNode {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      if (expr.operands.length === 0) {
        out.push(error('elastic/empty-group', expr.span, `an empty "${expr.kind}" has no query form; remove it or give it operands.`));
        return NOTHING;
      }
      const operands = expr.operands.map((o) => translate(o, out));
      return expr.kind === 'and' ? and(operands) : or(operands);
    }
    case 'not':
      return not(translate(expr.operand, out));
    case 'equals':
      return equals(expr, out);
    case 'range':
      return range(expr, out);
    case 'like':
      return like(expr, out);
    case 'regex': {
      const field = expr.field.field;
      if (!checkFieldType(field, ['keyword'], 'matches', expr.span, out)) return NOTHING;
      const body = regexToLucene(expr.pattern, expr.flags);
      if (body === undefined) {
        out.push(regexRefusal(field, expr.pattern, expr.span));
        return NOTHING;
      }
      return { kind: 'match', field: escapeLuceneTerm(field.elastic), values: [`/${body}/`] };
    }
    case 'cidr':
      return cidr(expr, out);
    case 'exists':
      return { kind: 'match', field: escapeLuceneTerm(expr.field.field.elastic), values: ['*'] };
    default:
      return assertNever(expr, 'expression');
  }
}

function equals(expr: Equals, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['keyword', 'number', 'ip', 'boolean'], expr.written, expr.span, out)) return NOTHING;
  const values = expr.values.map((v) => {
    if (!checkValue(field, v, out)) return '';
    if (v.kind === 'string' && field.type === 'keyword' && expr.ignoreCase && !field.lowercase) return foldedRegex(exactGlob(v.value, v.span), v.span, out);
    return valueText(field, v, out);
  });
  return { kind: 'match', field: escapeLuceneTerm(field.elastic), values };
}

function valueText(field: Field, value: Value, out: Diagnostic[]): string {
  switch (value.kind) {
    case 'number':
      return escapeLuceneTerm(String(value.value));
    case 'boolean':
      return String(value.value);
    case 'string':
      // An ip field's term query parses the address; a keyword field's phrase is one exact term.
      if (field.type === 'ip') return escapeLuceneTerm(addressText(value.value));
      if (value.value === '') {
        out.push(error('elastic/lucene-empty-value', value.span, 'Lucene has no query for an empty value; this rule needs Lucene for another comparison, so compare a non-empty value here or use "exists".'));
        return '';
      }
      return quoteLucene(value.value);
    default:
      return assertNever(value, 'value');
  }
}

function like(expr: Like, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['keyword'], expr.written, expr.span, out)) return NOTHING;
  const values = expr.patterns.map((glob) => (expr.ignoreCase && !field.lowercase ? foldedRegex(glob, glob.span, out) : globText(glob, out)));
  return { kind: 'match', field: escapeLuceneTerm(field.elastic), values };
}

/** A glob as a Lucene wildcard term: literal text escaped, `*` and `?` as they are. */
function globText(glob: Glob, out: Diagnostic[]): string {
  const parts = glob.parts.filter((p) => p.kind !== 'text' || p.text !== '');
  if (parts.every((p) => p.kind === 'text')) {
    const text = parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
    if (text === '') {
      out.push(error('elastic/lucene-empty-value', glob.span, 'Lucene has no query for an empty value; this rule needs Lucene for another comparison, so compare a non-empty value here or use "exists".'));
      return '';
    }
    return quoteLucene(text);
  }
  return parts.map((p) => (p.kind === 'text' ? escapeLuceneTerm(p.text) : p.kind === 'any-string' ? '*' : '?')).join('');
}

/** `lower(f)` comparisons: a regex of case classes (see case-insensitive.ts). */
function foldedRegex(glob: Glob, span: Span, out: Diagnostic[]): string {
  const text = glob.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  if (hasMultiCharacterFold(text)) {
    out.push(error('elastic/case-insensitive-unsupported', span, 'this value contains "i" followed by U+0307, which "İ" also lower-cases to; a Lucene regex cannot express that match. Write the value without the combining dot.'));
    return '';
  }
  return `/${caseInsensitiveRegex(glob)}/`;
}

function range(expr: Range, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['number'], expr.op, expr.span, out)) return NOTHING;
  const v = String(expr.value.value);
  const text = expr.op === '>=' ? `[${v} TO *]` : expr.op === '>' ? `{${v} TO *]` : expr.op === '<=' ? `[* TO ${v}]` : `[* TO ${v}}`;
  return { kind: 'match', field: escapeLuceneTerm(field.elastic), values: [text] };
}

function cidr(expr: Cidr, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['ip'], 'cidr', expr.span, out)) return NOTHING;
  const values = expr.blocks.map((block) => escapeLuceneTerm(cidrText(block, out) ?? ''));
  return { kind: 'match', field: escapeLuceneTerm(field.elastic), values };
}

/** Rewrites negations into forms whose Lucene meaning is the boolean one (see the top). */
export function safeNegations(node: KqlNode, inConjunction: boolean): KqlNode {
  switch (node.kind) {
    case 'and': {
      const operands = node.operands.map((o) => safeNegations(o, true));
      return operands.every((o) => o.kind === 'not') ? and([MATCH_ALL, ...operands]) : and(operands);
    }
    case 'or':
      return or(node.operands.map((o) => safeNegations(o, false)));
    case 'not': {
      const negated = not(safeNegations(node.operand, false));
      return inConjunction ? negated : and([MATCH_ALL, negated]);
    }
    default:
      return node;
  }
}
