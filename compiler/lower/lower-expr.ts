// Lowering a match expression: AST (syntax, field names as written) → IR (compiler/ir.ts, fields
// resolved). Total on input that passed the checks:
//   - nested and/or flatten (`a and (b and c)` is one And of three),
//   - `f != v` becomes `not (f == v)`, `f in [..]` an Equals with several values,
//   - like/startswith/endswith/contains become Like with globs (compiler/language/glob.ts),
//   - `lower(f)` becomes `ignoreCase`.

import type { Expr, Field, FieldRef, Glob, NumberValue, Span, StringValue, Value } from '../ir.ts';
import type { AstComparison, AstExpr, AstList, AstLiteral, AstRegex } from '../language/ast.ts';
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
      return { kind: 'equals', field, values: [literal(ast)], ignoreCase: ast.lower, written: '==', span };
    case '!=':
      return {
        kind: 'not',
        operand: { kind: 'equals', field, values: [literal(ast)], ignoreCase: ast.lower, written: '==', span },
        span,
      };
    case 'in':
      return { kind: 'equals', field, values: list(ast).map(toValue), ignoreCase: ast.lower, written: 'in', span };
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const value = literal(ast);
      if (value.kind !== 'number') throw shapeError(ast);
      return { kind: 'range', field, op: ast.op, value: value as NumberValue, span };
    }
    case 'like':
    case 'startswith':
    case 'endswith':
    case 'contains': {
      const makeGlob = GLOB_BUILDERS[ast.op];
      const patterns: Glob[] = strings(ast).map((s) => makeGlob(s.value, s.span));
      return { kind: 'like', field, patterns, ignoreCase: ast.lower, written: ast.op, span };
    }
    case 'matches': {
      const regex = ast.value as AstRegex | undefined;
      if (regex?.kind !== 'regex') throw shapeError(ast);
      return { kind: 'regex', field, pattern: regex.pattern, flags: regex.flags, span };
    }
    case 'cidr':
      return { kind: 'cidr', field, blocks: strings(ast), span };
    case 'exists':
      return { kind: 'exists', field, span };
  }
}

const GLOB_BUILDERS = {
  like: parseGlob,
  startswith: startsWithGlob,
  endswith: endsWithGlob,
  contains: containsGlob,
} as const satisfies Record<string, (text: string, span: Span) => Glob>;

function toValue(ast: AstLiteral): Value {
  return { kind: ast.kind, value: ast.value, span: ast.span } as Value;
}

function literal(ast: AstComparison): Value {
  const value = ast.value;
  if (!value || value.kind === 'list' || value.kind === 'regex') throw shapeError(ast);
  return toValue(value);
}

function list(ast: AstComparison): readonly AstLiteral[] {
  if (ast.value?.kind !== 'list') throw shapeError(ast);
  return (ast.value as AstList).items;
}

/** A string, or a list of strings (like/startswith/endswith/contains/cidr). */
function strings(ast: AstComparison): StringValue[] {
  const value = ast.value;
  const items = value?.kind === 'list' ? value.items : value ? [value] : [];
  return items.map((item) => {
    if (item.kind !== 'string') throw shapeError(ast);
    return { kind: 'string', value: item.value, span: item.span };
  });
}

// The grammar only produces well-shaped comparisons; reaching this is a compiler bug.
function shapeError(ast: AstComparison): Error {
  return new Error(`lowerExpr: "${ast.op}" comparison on "${ast.field.name}" has an unexpected value ${JSON.stringify(ast.value)}`);
}
