// IR match expression → KQL tree, with native (Elastic) field names. Every construct is either
// translated to KQL that selects exactly the events the reference evaluator selects, or refused
// with an `elastic/…` diagnostic at the construct's span saying why and what to write instead.
// The reasoning per construct is in docs/targets.md ("## Elastic").

import { isIP } from 'node:net';
import { error, type Diagnostic } from '../../../compiler/diagnostics.ts';
import { assertNever, type Cidr, type Equals, type Expr, type Field, type Like, type Range, type Span, type Value } from '../../../compiler/ir.ts';
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
      out.push(
        error(
          'elastic/regex-unsupported',
          expr.span,
          `KQL has no regular expressions, so "${expr.field.field.name} matches /${expr.pattern}/" cannot be compiled for Elastic; ` +
            'write it with like/startswith/endswith/contains (KQL wildcards) or list the exact values with "in".',
        ),
      );
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
  return { kind: 'range', field: kqlField(field.elastic), op: expr.op, value: numberText(expr.value.value) };
}

function cidr(expr: Cidr, out: Diagnostic[]): KqlNode {
  const field = expr.field.field;
  if (!checkFieldType(field, ['ip'], 'cidr', expr.span, out)) return { kind: 'raw', text: '' };
  const values = expr.blocks.map((block) => {
    if (!isCidr(block.value)) {
      out.push(error('elastic/invalid-cidr', block.span, `"${block.value}" is not a CIDR block; write an address and a prefix length such as "10.0.0.0/8" or "fe80::/10".`));
    }
    // An ip field's term query understands CIDR notation: `source.ip:"10.0.0.0/8"`.
    return quoteKql(block.value);
  });
  return { kind: 'match', field: kqlField(field.elastic), values };
}

function valueText(field: Field, value: Value, out: Diagnostic[]): string {
  const expected = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';
  if (value.kind !== expected) {
    out.push(
      error(
        'elastic/value-type-mismatch',
        value.span,
        `field "${field.name}" is a ${field.type} field but this value is a ${value.kind}; Elasticsearch would coerce it and match differently. Write a ${expected} value.`,
      ),
    );
    return '';
  }
  switch (value.kind) {
    case 'number':
      return numberText(value.value);
    case 'boolean':
      return String(value.value);
    case 'string':
      if (field.type === 'ip' && isIP(value.value) === 0) {
        out.push(error('elastic/invalid-ip', value.span, `"${value.value}" is not an IP address, and ${field.name} is an ip field; Elasticsearch would reject the query. Write an IPv4 or IPv6 address, or use "cidr" for a block.`));
      }
      // A quoted phrase on a keyword field is an exact, case-sensitive term match.
      return quoteKql(value.value);
    default:
      return assertNever(value, 'value');
  }
}

function numberText(n: number): string {
  return String(n);
}

const TYPE_ADVICE: Record<string, string> = {
  text: 'a text field is analysed (split into words), so KQL would match words or phrases, not the whole value; map the rule to a keyword field (often the `.keyword` sub-field) in the data source',
  date: 'KQL compares dates as dates with time zones, which the match language does not define; compare a keyword or number field instead',
  keyword: 'use a comparison that fits a keyword field',
  number: 'use ==, in or an ordering comparison on a number field',
  ip: 'use ==, in or cidr on an ip field',
  boolean: 'use == true or == false on a boolean field',
};

function checkFieldType(field: Field, allowed: readonly string[], op: string, span: Span, out: Diagnostic[]): boolean {
  if (allowed.includes(field.type)) return true;
  out.push(
    error(
      field.type === 'text' ? 'elastic/text-field-unsupported' : 'elastic/field-type-unsupported',
      span,
      `"${op}" on the ${field.type} field "${field.name}" has no faithful KQL form: ${TYPE_ADVICE[field.type] ?? 'use another comparison'}.`,
    ),
  );
  return false;
}

/**
 * `lower(f) …` compares the lower-cased value. KQL matching is case-sensitive, so this is only
 * faithful when the source already lower-cases the field (`lowercase: true` in the data source).
 */
function caseInsensitiveIsSafe(field: Field, span: Span, out: Diagnostic[]): boolean {
  if (field.lowercase) return true;
  out.push(
    error(
      'elastic/case-insensitive-unsupported',
      span,
      `KQL matches "${field.name}" case-sensitively and has no lower(); detc does not emit a query that would miss differently-cased values. ` +
        `Mark the field "lowercase: true" in the data source if its values are always lower case, or list the exact spellings (e.g. in ["cmd.exe", "CMD.EXE"]).`,
    ),
  );
  return false;
}

function isCidr(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const version = isIP(text.slice(0, slash));
  const prefix = text.slice(slash + 1);
  if (version === 0 || !/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}
