// IR match expression → KQL tree, with native (Elastic) field names. Every construct is either
// translated to KQL that selects exactly the events the reference evaluator selects, or refused
// with an `elastic/…` diagnostic at the construct's span saying why and what to write instead.
// The reasoning per construct is in docs/targets.md ("## Elastic").

import { error, type Diagnostic } from '../../../compiler/diagnostics.ts';
import { assertNever, type Cidr, type Equals, type Expr, type Field, type Like, type Range, type Span, type Value } from '../../../compiler/ir.ts';
import { addressText, checkFieldType, checkValue, cidrText, regexRefusal } from '../field-checks.ts';
import { quoteKql, kqlField } from './escape.ts';
import { globToKql } from './glob.ts';
import { and, not, or, type KqlNode } from './tree.ts';

export interface Translation {
  /** Absent when some construct was refused (then `diagnostics` has an error for each). */
  readonly node?: KqlNode;
  readonly diagnostics: readonly Diagnostic[];
}

export function exprToKql(expr: Expr): Translation {
  const diagnostics: Diagnostic[] = [];
  const node = translate(expr, diagnostics);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { node, diagnostics };
}

function translate(expr: Expr, out: Diagnostic[]): KqlNode {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      if (expr.operands.length === 0) {
        out.push(error('elastic/empty-group', expr.span, `an empty "${expr.kind}" has no KQL form; remove it or give it operands.`));
        return { kind: 'raw', text: '' };
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
    case 'regex':
      out.push(regexRefusal(expr.field.field, expr.pattern, expr.span));
      return { kind: 'raw', text: '' };
    case 'cidr':
      return cidr(expr, out);
    case 'exists':
      if (!checkFieldType(expr.field.field, ['keyword', 'text', 'number', 'ip', 'boolean', 'date'], 'exists', expr.span, out)) break;
      // `field:*` is Elasticsearch's exists query: any indexed value, an empty string included.
      return { kind: 'match', field: kqlField(expr.field.field.elastic), values: ['*'] };
    default:
      return assertNever(expr, 'expression');
  }
  return { kind: 'raw', text: '' };
}

function equals(expr: Equals, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['keyword', 'number', 'ip', 'boolean'], expr.written, expr.span, out)) return { kind: 'raw', text: '' };
  if (expr.ignoreCase && !caseInsensitiveIsSafe(field, expr.span, out)) return { kind: 'raw', text: '' };
  const values = expr.values.map((v) => valueText(field, v, out));
  return { kind: 'match', field: kqlField(field.elastic), values };
}

function like(expr: Like, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['keyword'], expr.written, expr.span, out)) return { kind: 'raw', text: '' };
  if (expr.ignoreCase && !caseInsensitiveIsSafe(field, expr.span, out)) return { kind: 'raw', text: '' };
  const values = expr.patterns.map((glob) => globToKql(glob, out));
  return { kind: 'match', field: kqlField(field.elastic), values };
}

function range(expr: Range, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['number'], expr.op, expr.span, out)) return { kind: 'raw', text: '' };
  return { kind: 'range', field: kqlField(field.elastic), op: expr.op, value: String(expr.value.value) };
}

function cidr(expr: Cidr, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['ip'], 'cidr', expr.span, out)) return { kind: 'raw', text: '' };
  // An ip field's term query understands CIDR notation: `source.ip:"10.0.0.0/8"`.
  const values = expr.blocks.map((block) => quoteKql(cidrText(block, out) ?? ''));
  return { kind: 'match', field: kqlField(field.elastic), values };
}

function valueText(field: Field, value: Value, out: Diagnostic[]): string {
  if (!checkValue(field, value, out)) return '';
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'string':
      // On an ip field, a term query compares addresses (10.1.2.3 equals ::ffff:10.1.2.3); on a
      // keyword field, a quoted phrase is an exact, case-sensitive term match.
      return quoteKql(field.type === 'ip' ? addressText(value.value) : value.value);
    default:
      return assertNever(value, 'value');
  }
}

/**
 * `lower(f) …` compares the lower-cased value. KQL matching is case-sensitive, so this is only
 * faithful when the source already lower-cases the field (`lowercase: true` in the data source);
 * otherwise the rule is compiled to Lucene instead (query.ts).
 */
function caseInsensitiveIsSafe(field: Field, span: Span, out: Diagnostic[]): boolean {
  if (field.lowercase) return true;
  out.push(
    error(
      'elastic/case-insensitive-unsupported',
      span,
      `KQL matches "${field.name}" case-sensitively and has no lower(), and this rule could not be compiled to Lucene either. ` +
        `Mark the field "lowercase: true" in the data source if its values are always lower case, or list the exact spellings (e.g. in ["cmd.exe", "CMD.EXE"]).`,
    ),
  );
  return false;
}
