// Match-language text for an IR expression, for messages (why a test failed) and docs.
// The inverse of lowering, up to spelling: `f != v` comes back from `not (f == v)` when the two
// share a span (that is how lowerExpr builds them).

import { globText } from '../language/glob.ts';
import type { Expr, Glob, Like, Value } from '../ir.ts';
import { printFieldName, printNumber, printRegex, printString } from '../language/print-match.ts';

export function describeExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'and':
      return expr.operands.map((o) => (o.kind === 'or' || o.kind === 'and' ? `(${describeExpr(o)})` : describeExpr(o))).join(' and ');
    case 'or':
      return expr.operands.map((o) => (o.kind === 'or' ? `(${describeExpr(o)})` : describeExpr(o))).join(' or ');
    case 'not': {
      const operand = expr.operand;
      if (operand.kind === 'equals' && operand.written === '==' && operand.span === expr.span) {
        return `${subject(operand.field.field.name, operand.ignoreCase)} != ${value(operand.values[0])}`;
      }
      const inner = describeExpr(operand);
      return operand.kind === 'and' || operand.kind === 'or' ? `not (${inner})` : `not ${inner}`;
    }
    case 'equals': {
      const s = subject(expr.field.field.name, expr.ignoreCase);
      return expr.written === '==' && expr.values.length === 1
        ? `${s} == ${value(expr.values[0])}`
        : `${s} in [${expr.values.map(value).join(', ')}]`;
    }
    case 'range':
      return `${printFieldName(expr.field.field.name)} ${expr.op} ${printNumber(expr.value.value)}`;
    case 'like':
      return `${subject(expr.field.field.name, expr.ignoreCase)} ${expr.written} ${patterns(expr)}`;
    case 'regex':
      return `${printFieldName(expr.field.field.name)} matches ${printRegex(expr.pattern, expr.flags)}`;
    case 'cidr': {
      const blocks = expr.blocks.map((b) => printString(b.value));
      return `${printFieldName(expr.field.field.name)} cidr ${blocks.length === 1 ? blocks[0] : `[${blocks.join(', ')}]`}`;
    }
    case 'exists':
      return `${printFieldName(expr.field.field.name)} exists`;
  }
}

function subject(name: string, ignoreCase: boolean): string {
  return ignoreCase ? `lower(${printFieldName(name)})` : printFieldName(name);
}

function value(v: Value | undefined): string {
  if (!v) return '[]';
  return v.kind === 'string' ? printString(v.value) : v.kind === 'number' ? printNumber(v.value) : String(v.value);
}

/** The patterns as written: like text for `like`, the literal text for the others. */
function patterns(expr: Like): string {
  const texts = expr.patterns.map((glob) => printString(expr.written === 'like' ? globText(glob) : literalText(glob)));
  return texts.length === 1 ? (texts[0] ?? '""') : `[${texts.join(', ')}]`;
}

function literalText(glob: Glob): string {
  return glob.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}
