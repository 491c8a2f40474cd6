// Prints a KQL tree the way Elastic's own rules are written: a short query on one line; a long
// one with one top-level clause per line (`… and` at the end of each line), and any group that
// does not fit on its line broken into one operand per line inside its parentheses. Lists of
// values (`field:(a or b)`) always stay on one line. Deterministic: the same tree, the same text.

import type { KqlNode } from './tree.ts';

/** Lines longer than this are broken up. */
const MAX_LINE = 100;
const INDENT = '  ';

export function layoutKql(node: KqlNode): string {
  const flat = inline(node);
  if (flat.length <= MAX_LINE) return flat;
  if (node.kind === 'and' || node.kind === 'or') return lines(node, '');
  return block(node, '');
}

/** The operands of a top-level and/or, one per line, unparenthesised at the top. */
function lines(node: KqlNode & { kind: 'and' | 'or' }, indent: string): string {
  return node.operands
    .map((operand) => indent + operandText(node.kind, operand, indent))
    .join(` ${node.kind}\n`);
}

/** An operand of `parent`, parenthesised when needed, broken over lines when too long. */
function operandText(parent: 'and' | 'or', operand: KqlNode, indent: string): string {
  const text = inlineOperand(parent, operand);
  if (indent.length + text.length <= MAX_LINE) return text;
  return block(operand, indent);
}

/** A node that does not fit on one line. */
function block(node: KqlNode, indent: string): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(\n${lines(node, indent + INDENT)}\n${indent})`;
    case 'not': {
      const operand = node.operand;
      if (operand.kind === 'and' || operand.kind === 'or') return `not ${block(operand, indent)}`;
      if (operand.kind === 'not') return `not (\n${indent}${INDENT}${block(operand, indent + INDENT)}\n${indent})`;
      return inline(node);
    }
    default:
      return inline(node);
  }
}

export function inline(node: KqlNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.operands.map((o) => inlineOperand(node.kind as 'and' | 'or', o)).join(` ${node.kind} `);
    case 'not':
      // `not` takes a single clause or a parenthesised group (`not not x` is not KQL).
      return isClause(node.operand) ? `not ${inline(node.operand)}` : `not (${inline(node.operand)})`;
    case 'match':
      return node.values.length === 1 ? `${node.field}:${node.values[0]}` : `${node.field}:(${node.values.join(' or ')})`;
    case 'range':
      return `${node.field} ${node.op} ${node.value}`;
    case 'raw':
      return node.text;
  }
}

/** Every and/or inside another and/or is parenthesised, for the reader as much as for precedence. */
function inlineOperand(_parent: 'and' | 'or', operand: KqlNode): string {
  if (operand.kind === 'and' || operand.kind === 'or') return `(${inline(operand)})`;
  if (operand.kind === 'raw' && !isSimpleClause(operand.text)) return `(${operand.text})`;
  return inline(operand);
}

function isClause(node: KqlNode): boolean {
  return node.kind === 'match' || node.kind === 'range' || (node.kind === 'raw' && isSimpleClause(node.text));
}

/** `field:value` or `field:"phrase"` with nothing else: safe to combine without parentheses. */
function isSimpleClause(text: string): boolean {
  return /^[^\s():"<>*\\{}]+\s*:\s*("(?:[^"\\]|\\.)*"|[^\s()"\\{}]+)$/u.test(text.trim());
}
