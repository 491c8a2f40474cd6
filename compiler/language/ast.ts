// The syntax tree of a match expression, as the grammar produces it (compiler/language/grammar/match.peggy).
// Field names are still plain names here; checks resolve them against the data source and
// lower (compiler/lower/) turns the tree into the IR. Every span is a position in the rule file.
//
// A comparison's value is typed by its operator (a discriminated union on `op`), so every
// consumer can switch on `op` and get the exact shape the grammar guarantees: `in` has a list,
// `exists` has no value, `matches` a regex, and only the text comparisons can have `lower()`.

import type { Span } from '../diagnostics.ts';
import type { ComparisonOperator, EqualityOperator, OrderingOperator, TextOperator } from './keywords.ts';

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

export type ComparisonOp = ComparisonOperator;

export interface AstFieldName {
  readonly kind: 'field-name';
  readonly name: string;
  readonly span: Span;
}

/** What every comparison has: the field, whether it is written `lower(field)`, and its span. */
interface ComparisonBase<Op extends ComparisonOp, Lower extends boolean> {
  readonly kind: 'comparison';
  readonly op: Op;
  readonly field: AstFieldName;
  /** True when written `lower(field)`: the case-insensitive form of the text comparisons. */
  readonly lower: Lower;
  readonly span: Span;
}

/** `f == v`, `f != v`, `lower(f) == "v"`. */
export interface AstEqualityComparison extends ComparisonBase<EqualityOperator, boolean> {
  readonly value: AstLiteral;
}

/** `f in [v, …]`. */
export interface AstInComparison extends ComparisonBase<'in', boolean> {
  readonly value: AstList;
}

/** `f < 3`, `f >= 1.5`. */
export interface AstOrderingComparison extends ComparisonBase<OrderingOperator, false> {
  readonly value: AstNumber;
}

/** `f like "a*"`, `f contains ["a", "b"]`, … */
export interface AstTextComparison extends ComparisonBase<TextOperator, boolean> {
  readonly value: AstString | AstList<AstString>;
}

/** `f matches /re/flags`. */
export interface AstMatchesComparison extends ComparisonBase<'matches', false> {
  readonly value: AstRegex;
}

/** `f cidr "10.0.0.0/8"`, `f cidr ["…", "…"]`. */
export interface AstCidrComparison extends ComparisonBase<'cidr', false> {
  readonly value: AstString | AstList<AstString>;
}

/** `f exists`: no value. */
export interface AstExistsComparison extends ComparisonBase<'exists', false> {
  readonly value?: never;
}

export type AstComparison =
  | AstEqualityComparison
  | AstInComparison
  | AstOrderingComparison
  | AstTextComparison
  | AstMatchesComparison
  | AstCidrComparison
  | AstExistsComparison;

/** Any value a comparison can hold (`AstComparison['value']` without `exists`'s absence). */
export type AstValue = AstLiteral | AstList | AstRegex;

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
export interface AstList<Item extends AstLiteral = AstLiteral> {
  readonly kind: 'list';
  readonly items: readonly Item[];
  readonly span: Span;
}
export interface AstRegex {
  readonly kind: 'regex';
  readonly pattern: string;
  readonly flags: string;
  readonly span: Span;
}
