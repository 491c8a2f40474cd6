// Why an expression is false for an event: the innermost clause that decides it. Used to say
// which clause a test event fails ("the first event fails `verb == "create"` at line 12").

import type { Expr, TestEvent } from '../ir.ts';
import { evaluateExpr } from './expr.ts';

/** For an event that does not match `expr`, the clause to blame: the first false operand of an
 * `and`, recursively; an `or` or a `not` is blamed as a whole. Undefined when `expr` is true. */
export function failingClause(expr: Expr, event: TestEvent): Expr | undefined {
  if (evaluateExpr(expr, event)) return undefined;
  if (expr.kind === 'and') {
    for (const operand of expr.operands) {
      const blamed = failingClause(operand, event);
      if (blamed) return blamed;
    }
  }
  return expr;
}
