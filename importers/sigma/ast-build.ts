// Small constructors for the match-expression AST (compiler/language/ast.ts). Imported rules have
// no source text yet, so every node carries the same placeholder span; `printMatch` turns the
// tree into text and the compiler re-parses that text with real positions.

import type { Span } from '../../compiler/diagnostics.ts';
import type { AstComparison, AstExpr, AstLiteral, AstList, AstRegex, ComparisonOp } from '../../compiler/language/ast.ts';

export const NO_SPAN: Span = { file: '', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function literal(value: string | number | boolean): AstLiteral {
  if (typeof value === 'string') return { kind: 'string', value, span: NO_SPAN };
  if (typeof value === 'number') return { kind: 'number', value, span: NO_SPAN };
  return { kind: 'boolean', value, span: NO_SPAN };
}

export function list(values: readonly (string | number | boolean)[]): AstList {
  return { kind: 'list', items: values.map(literal), span: NO_SPAN };
}

export function regex(pattern: string, flags: string): AstRegex {
  return { kind: 'regex', pattern, flags, span: NO_SPAN };
}

export function compare(
  field: string,
  op: ComparisonOp,
  value: AstComparison['value'],
  lower = false,
): AstComparison {
  const node = { kind: 'comparison' as const, op, field: { kind: 'field-name' as const, name: field, span: NO_SPAN }, lower, span: NO_SPAN };
  return value === undefined ? node : { ...node, value };
}

/** `and` of the operands, flattening nested `and`s; one operand stays as it is. */
export function and(operands: readonly AstExpr[]): AstExpr {
  const flat = operands.flatMap((o) => (o.kind === 'and' ? o.operands : [o]));
  return flat.length === 1 ? flat[0]! : { kind: 'and', operands: flat, span: NO_SPAN };
}

/** `or` of the operands, flattening nested `or`s; one operand stays as it is. */
export function or(operands: readonly AstExpr[]): AstExpr {
  const flat = operands.flatMap((o) => (o.kind === 'or' ? o.operands : [o]));
  return flat.length === 1 ? flat[0]! : { kind: 'or', operands: flat, span: NO_SPAN };
}

export function not(operand: AstExpr): AstExpr {
  return { kind: 'not', operand, span: NO_SPAN };
}
