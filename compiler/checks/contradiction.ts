// `verb == "create" and verb == "update"` can never match: a single-valued field holds one value
// per event. This is almost always an `or` written as `and` (or a copy-paste slip). We look at
// equality comparisons (== and in) that are operands of the same `and`; multi-valued fields are
// left alone, since each comparison may match a different value.

import { error } from '../diagnostics.ts';
import { parseIp, sameAddress } from '../language/ip.ts';
import { numberOf } from '../language/values.ts';
import type { FieldSource } from '../load/source-types.ts';
import type { AstComparison, AstExpr, AstLiteral } from '../language/ast.ts';
import type { Check } from './check.ts';
import type { CheckContext } from './context.ts';
import { describeComparison, literals } from './support/ast-walk.ts';
import { fieldsOf } from './support/data-source-fields.ts';

export const contradiction: Check = {
  name: 'contradiction',
  codes: ['match/never-matches'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const fields = fieldsOf(ctx, rule);
      if (!fields) continue;
      for (const match of rule.matches) visit(match.ast, fields, ctx.report);
    }
  },
};

function visit(expr: AstExpr, fields: ReadonlyMap<string, FieldSource>, report: CheckContext['report']): void {
  switch (expr.kind) {
    case 'comparison':
      return;
    case 'not':
      return visit(expr.operand, fields, report);
    case 'or':
      return expr.operands.forEach((operand) => visit(operand, fields, report));
    case 'and': {
      const first = new Map<string, AstComparison>();
      for (const operand of expr.operands) {
        visit(operand, fields, report);
        if (operand.kind !== 'comparison' || (operand.op !== '==' && operand.op !== 'in')) continue;
        const field = fields.get(operand.field.name);
        if (!field || field.multi_value) continue;
        const key = `${operand.lower}:${operand.field.name}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, operand);
        } else if (!literals(earlier).some((a) => literals(operand).some((b) => canBeEqual(a, b, field)))) {
          report(
            error(
              'match/never-matches',
              operand.span,
              `"${operand.field.name}" holds one value per event, so \`${describeComparison(earlier)} …\` and \`${describeComparison(operand)} …\` can never both be true. Join them with \`or\` (or use one \`in\` list) if either value should match.`,
              [{ span: earlier.span, message: 'the other comparison' }],
            ),
          );
        }
      }
      return;
    }
  }
}

/** Whether one event value can equal both literals, as the evaluator compares (compiler/language/values.ts, ip.ts). */
function canBeEqual(a: AstLiteral, b: AstLiteral, field: FieldSource): boolean {
  if (field.type === 'ip' && a.kind === 'string' && b.kind === 'string') {
    // ip fields compare addresses: 10.1.2.3 and ::ffff:10.1.2.3 are one value.
    const [x, y] = [parseIp(a.value), parseIp(b.value)];
    if (x && y) return sameAddress(x, y);
  }
  if (a.kind === 'number' && b.kind === 'number') return a.value === b.value;
  if (a.kind === 'number' || b.kind === 'number') {
    const [n, other] = a.kind === 'number' ? [a, b] : [b as AstLiteral & { kind: 'number' }, a];
    return other.kind === 'string' && numberOf(other.value) === n.value;
  }
  return String(a.value) === String(b.value); // strings and booleans compare as text
}
