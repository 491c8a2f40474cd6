// Lowering a match expression: AST (syntax, field names as written) → IR (compiler/ir.ts, fields
// resolved). Total: every comparison's value has the shape its operator declares (ast.ts), so
// there is nothing to re-check here.
//   - nested and/or flatten (`a and (b and c)` is one And of three),
//   - `f != v` becomes `not (f == v)`, `f in [..]` an Equals with several values,
//   - like/startswith/endswith/contains become Like with globs (compiler/language/glob.ts),
//   - `lower(f)` becomes `ignoreCase`.

import type { Expr, Field, FieldRef, Glob, NumberValue, Span, StringValue, Value } from '../ir.ts';
import type { AstComparison, AstExpr, AstList, AstLiteral, AstNumber, AstString } from '../language/ast.ts';
import type { TextOperator } from '../language/keywords.ts';
import { containsGlob, endsWithGlob, parseGlob, startsWithGlob } from '../language/glob.ts';

export type FieldResolver = (name: string) => Field;

export function lowerExpr(ast: AstExpr, resolveField: FieldResolver): Expr {
  switch (ast.kind) {
    case 'and':
    case 'or': {
      const operands = ast.operands.flatMap((operand) => {
        const lowered = lowerExpr(operand, resolveField);
        return lowered.kind === ast.kind ? lowered.operands : [lowered];
      });
      return { kind: ast.kind, operands, span: ast.span };
    }
    case 'not':
      return { kind: 'not', operand: lowerExpr(ast.operand, resolveField), span: ast.span };
    case 'comparison':
      return lowerComparison(ast, resolveField);
  }
}

function lowerComparison(ast: AstComparison, resolveField: FieldResolver): Expr {
  const field: FieldRef = { kind: 'field-ref', field: resolveField(ast.field.name), span: ast.field.span };
  const { span } = ast;
  switch (ast.op) {
    case '==':
      return { kind: 'equals', field, values: [toValue(ast.value)], ignoreCase: ast.lower, written: '==', span };
    case '!=':
      return {
        kind: 'not',
        operand: { kind: 'equals', field, values: [toValue(ast.value)], ignoreCase: ast.lower, written: '==', span },
        span,
      };
    case 'in':
      return { kind: 'equals', field, values: ast.value.items.map(toValue), ignoreCase: ast.lower, written: 'in', span };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { kind: 'range', field, op: ast.op, value: toNumber(ast.value), span };
    case 'like':
    case 'startswith':
    case 'endswith':
    case 'contains': {
      const makeGlob = GLOB_BUILDERS[ast.op];
      const patterns: Glob[] = strings(ast.value).map((s) => makeGlob(s.value, s.span));
      return { kind: 'like', field, patterns, ignoreCase: ast.lower, written: ast.op, span };
    }
    case 'matches':
      return { kind: 'regex', field, pattern: ast.value.pattern, flags: ast.value.flags, span };
    case 'cidr':
      return { kind: 'cidr', field, blocks: strings(ast.value), span };
    case 'exists':
      return { kind: 'exists', field, span };
  }
}

const GLOB_BUILDERS = {
  like: parseGlob,
  startswith: startsWithGlob,
  endswith: endsWithGlob,
  contains: containsGlob,
} as const satisfies Record<TextOperator, (text: string, span: Span) => Glob>;

function toValue(ast: AstLiteral): Value {
  switch (ast.kind) {
    case 'string':
      return toString(ast);
    case 'number':
      return toNumber(ast);
    case 'boolean':
      return { kind: 'boolean', value: ast.value, span: ast.span };
  }
}

function toString(ast: AstString): StringValue {
  return { kind: 'string', value: ast.value, span: ast.span };
}

function toNumber(ast: AstNumber): NumberValue {
  return { kind: 'number', value: ast.value, span: ast.span };
}

/** A string, or a list of strings (like/startswith/endswith/contains/cidr). */
function strings(value: AstString | AstList<AstString>): StringValue[] {
  return value.kind === 'list' ? value.items.map(toString) : [toString(value)];
}
