// A data source can declare that a field's values are already lower case (`lowercase: true`).
// A case-sensitive comparison of such a field with a value that has an upper-case letter can
// never match in production, even if a hand-written test event happens to.

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { ComparisonOp } from '../language/ast.ts';
import { LOWER_OPERATORS } from '../language/keywords.ts';
import type { Check } from './check.ts';
import { comparisons, describeComparison, literals } from './support/ast-walk.ts';
import { fieldsOf } from './support/data-source-fields.ts';

// The comparisons where case matters are exactly those that accept lower().
const TEXT_OPS: ReadonlySet<ComparisonOp> = new Set(LOWER_OPERATORS);

export const lowercaseField: Check = {
  name: 'lowercase-field',
  codes: ['match/lowercase-field'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const fields = fieldsOf(ctx, rule);
      if (!fields) continue;
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          if (comparison.lower || !TEXT_OPS.has(comparison.op) || !fields.get(comparison.field.name)?.lowercase) continue;
          for (const literal of literals(comparison)) {
            if (literal.kind !== 'string' || literal.value === literal.value.toLowerCase()) continue;
            ctx.report(
              error(
                'match/lowercase-field',
                literal.span,
                `The data source stores ${quote(comparison.field.name)} in lower case, so \`${describeComparison(comparison)} ${quote(literal.value)}\` can never match. Write ${quote(literal.value.toLowerCase())}.`,
              ),
            );
          }
        }
      }
    }
  },
};
