// Small constructors for the match-expression AST (compiler/language/ast.ts), one per comparison
// shape, so that the importer can only build trees the grammar could have parsed. Imported rules
// have no source text yet, so every node carries the same placeholder span; `printMatch` turns
// the tree into text and the compiler re-parses that text with real positions.

import type { Span } from '../../compiler/diagnostics.ts';
import type {
  AstCidrComparison,
  AstEqualityComparison,
  AstExpr,
  AstExistsComparison,
  AstFieldName,
  AstInComparison,
  AstList,
  AstLiteral,
  AstMatchesComparison,
  AstOrderingComparison,
  AstString,
  AstTextComparison,
} from '../../compiler/language/ast.ts';
import type { OrderingOperator, TextOperator } from '../../compiler/language/keywords.ts';

export const NO_SPAN: Span = { file: '', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function literal(value: string | number | boolean): AstLiteral {
  if (typeof value === 'string') return string(value);
  if (typeof value === 'number') return { kind: 'number', value, span: NO_SPAN };
  return { kind: 'boolean', value, span: NO_SPAN };
}

export function string(value: string): AstString {
  return { kind: 'string', value, span: NO_SPAN };
}

export function list(values: readonly (string | number | boolean)[]): AstList {
  return { kind: 'list', items: values.map(literal), span: NO_SPAN };
}

export function stringList(values: readonly string[]): AstList<AstString> {
  return { kind: 'list', items: values.map(string), span: NO_SPAN };
}

/** One string, or a list when there are several. */
export function stringOrList(values: readonly string[]): AstString | AstList<AstString> {
  return values.length === 1 ? string(values[0]!) : stringList(values);
}

function fieldName(name: string): AstFieldName {
  return { kind: 'field-name', name, span: NO_SPAN };
}

/** What every comparison node shares. */
function base<Lower extends boolean>(field: string, lower: Lower) {
  return { kind: 'comparison' as const, field: fieldName(field), lower, span: NO_SPAN };
}

export function equals(field: string, value: AstLiteral, lower = false): AstEqualityComparison {
  return { ...base(field, lower), op: '==', value };
}

export function inList(field: string, value: AstList, lower = false): AstInComparison {
  return { ...base(field, lower), op: 'in', value };
}

export function ordering(field: string, op: OrderingOperator, value: number): AstOrderingComparison {
  return { ...base(field, false), op, value: { kind: 'number', value, span: NO_SPAN } };
}

export function text(field: string, op: TextOperator, value: AstString | AstList<AstString>, lower = false): AstTextComparison {
  return { ...base(field, lower), op, value };
}

export function matches(field: string, pattern: string, flags: string): AstMatchesComparison {
  return { ...base(field, false), op: 'matches', value: { kind: 'regex', pattern, flags, span: NO_SPAN } };
}

export function cidr(field: string, value: AstString | AstList<AstString>): AstCidrComparison {
  return { ...base(field, false), op: 'cidr', value };
}

export function exists(field: string): AstExistsComparison {
  return { ...base(field, false), op: 'exists' };
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
