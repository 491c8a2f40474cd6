// A small query syntax tree: what the translations from the IR produce and the layout prints.
// KQL and Lucene share its shape (and/or/not, `field:value`, `field:(a or b)`); values are
// already text in the target language (quoted phrase, escaped wildcard term, number, `*`,
// a Lucene range or regex), so the layout only decides parentheses, keywords and line breaks.

export type KqlNode = KqlAnd | KqlOr | KqlNot | KqlMatch | KqlRange | KqlRaw;

export interface KqlAnd {
  readonly kind: 'and';
  readonly operands: readonly KqlNode[];
}

export interface KqlOr {
  readonly kind: 'or';
  readonly operands: readonly KqlNode[];
}

export interface KqlNot {
  readonly kind: 'not';
  readonly operand: KqlNode;
}

/** `field:value`, or `field:(v1 or v2 …)` for several values (true when any value matches). */
export interface KqlMatch {
  readonly kind: 'match';
  readonly field: string;
  readonly values: readonly string[];
}

/** `field >= value`. */
export interface KqlRange {
  readonly kind: 'range';
  readonly field: string;
  readonly op: '<' | '<=' | '>' | '>=';
  readonly value: string;
}

/** KQL written by someone else (the data source filter), used as it is. */
export interface KqlRaw {
  readonly kind: 'raw';
  readonly text: string;
}

export const and = (operands: readonly KqlNode[]): KqlNode =>
  operands.length === 1 ? operands[0]! : { kind: 'and', operands: operands.flatMap((o) => (o.kind === 'and' ? o.operands : [o])) };

export const or = (operands: readonly KqlNode[]): KqlNode =>
  operands.length === 1 ? operands[0]! : { kind: 'or', operands: operands.flatMap((o) => (o.kind === 'or' ? o.operands : [o])) };

export const not = (operand: KqlNode): KqlNode => ({ kind: 'not', operand });
