// Prints a KQL tree the way Elastic's own rules are written: a short query on one line; a long
// one with one top-level clause per line (`… and` at the end of each line), and any group that
// does not fit on its line broken into one operand per line inside its parentheses. Lists of
// values (`field:(a or b)`) always stay on one line. Deterministic: the same tree, the same text.

import type { KqlNode } from './tree.ts';

/** The keywords of the query language being printed: KQL's are lower case, Lucene's upper case. */
export interface Dialect {
  readonly and: string;
  readonly or: string;
  readonly not: string;
}

export const KQL: Dialect = { and: 'and', or: 'or', not: 'not' };

/** Lines longer than this are broken up. */
const MAX_LINE = 100;
const INDENT = '  ';

export function layoutKql(node: KqlNode, dialect: Dialect = KQL): string {
  const flat = inline(node, dialect);
  if (flat.length <= MAX_LINE) return flat;
  if (node.kind === 'and' || node.kind === 'or') return lines(node, '', dialect);
  return block(node, '', dialect);
}

/** The operands of a top-level and/or, one per line, unparenthesised at the top. */
function lines(node: KqlNode & { kind: 'and' | 'or' }, indent: string, d: Dialect): string {
  return node.operands
    .map((operand) => indent + operandText(operand, indent, d))
    .join(` ${d[node.kind]}\n`);
}

/** An operand of `parent`, parenthesised when needed, broken over lines when too long. */
function operandText(operand: KqlNode, indent: string, d: Dialect): string {
  const text = inlineOperand(operand, d);
  if (indent.length + text.length <= MAX_LINE) return text;
  return block(operand, indent, d);
}

/** A node that does not fit on one line. */
function block(node: KqlNode, indent: string, d: Dialect): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(\n${lines(node, indent + INDENT, d)}\n${indent})`;
    case 'not': {
      const operand = node.operand;
      if (operand.kind === 'and' || operand.kind === 'or') return `${d.not} ${block(operand, indent, d)}`;
      if (operand.kind === 'not') return `${d.not} (\n${indent}${INDENT}${block(operand, indent + INDENT, d)}\n${indent})`;
      return inline(node, d);
    }
    default:
      return inline(node, d);
  }
}

export function inline(node: KqlNode, d: Dialect = KQL): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.operands.map((o) => inlineOperand(o, d)).join(` ${d[node.kind]} `);
    case 'not':
      // `not` takes a single clause or a parenthesised group (`not not x` is not KQL).
      return isClause(node.operand) ? `${d.not} ${inline(node.operand, d)}` : `${d.not} (${inline(node.operand, d)})`;
    case 'match':
      return node.values.length === 1 ? `${node.field}:${node.values[0]}` : `${node.field}:(${node.values.join(` ${d.or} `)})`;
    case 'range':
      return `${node.field} ${node.op} ${node.value}`;
    case 'raw':
      return node.text;
  }
}

/** Every and/or inside another and/or is parenthesised, for the reader as much as for precedence. */
function inlineOperand(operand: KqlNode, d: Dialect): string {
  if (operand.kind === 'and' || operand.kind === 'or') return `(${inline(operand, d)})`;
  if (operand.kind === 'raw' && !isSimpleClause(operand.text)) return `(${operand.text})`;
  return inline(operand, d);
}

function isClause(node: KqlNode): boolean {
  return node.kind === 'match' || node.kind === 'range' || (node.kind === 'raw' && isSimpleClause(node.text));
}

/** `field:value` or `field:"phrase"` with nothing else: safe to combine without parentheses. */
function isSimpleClause(text: string): boolean {
  if (text === '*:*') return true;
  return /^[^\s():"<>*\\{}]+\s*:\s*("(?:[^"\\]|\\.)*"|[^\s()"\\{}]+)$/u.test(text.trim());
}
