// Lays out a match expression for a YAML block: the top-level `and`/`or` operands one per line,
// each printed by the language's own printer (printMatch), so the text reads like a hand-written
// rule and a line break never falls inside a string.

import type { AstExpr } from '../../compiler/language/ast.ts';
import { printMatch } from '../../compiler/language/print-match.ts';

export function layoutMatch(expr: AstExpr): string {
  if (expr.kind !== 'and' && expr.kind !== 'or') return printMatch(expr);
  const lines = expr.operands.map((operand, i) => {
    // An `or` inside an `and` needs its parentheses back; printMatch adds them for a whole tree only.
    const text = expr.kind === 'and' && operand.kind === 'or' ? `(${printMatch(operand)})` : printMatch(operand);
    return i === 0 ? text : `${expr.kind} ${text}`;
  });
  return lines.join('\n');
}
