// The syntax tree of a match expression, as the grammar produces it (compiler/language/grammar/match.peggy).
// Field names are still plain names here; checks resolve them against the data source and
// lower (compiler/lower/) turns the tree into the IR. Every span is a position in the rule file.

import type { Span } from '../diagnostics.ts';

export type AstExpr = AstAnd | AstOr | AstNot | AstComparison;

export interface AstAnd {
  readonly kind: 'and';
  readonly operands: readonly AstExpr[];
  readonly span: Span;
}

export interface AstOr {
  readonly kind: 'or';
  readonly operands: readonly AstExpr[];
  readonly span: Span;
}

export interface AstNot {
  readonly kind: 'not';
  readonly operand: AstExpr;
  readonly span: Span;
}

export type ComparisonOp =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'like'
  | 'startswith'
  | 'endswith'
  | 'contains'
  | 'matches'
  | 'cidr'
  | 'exists';

export interface AstFieldName {
  readonly kind: 'field-name';
  readonly name: string;
  readonly span: Span;
}

export interface AstComparison {
  readonly kind: 'comparison';
  readonly op: ComparisonOp;
  readonly field: AstFieldName;
  /** True when written `lower(field)`: the case-insensitive form. */
  readonly lower: boolean;
  /** Absent only for `exists`. */
  readonly value?: AstLiteral | AstList | AstRegex;
  readonly span: Span;
}

export type AstLiteral = AstString | AstNumber | AstBoolean;

export interface AstString {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}
export interface AstNumber {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}
export interface AstBoolean {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}
export interface AstList {
  readonly kind: 'list';
  readonly items: readonly AstLiteral[];
  readonly span: Span;
}
export interface AstRegex {
  readonly kind: 'regex';
  readonly pattern: string;
  readonly flags: string;
  readonly span: Span;
}
