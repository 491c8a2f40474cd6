// `lower(f) == "Value"` lower-cases f's values before comparing, so a value with an upper-case
// letter can never match. (The IR relies on this: lowered values are already lower case.)

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { comparisons, describeComparison, literals } from './support/ast-walk.ts';

export const lowerNeedsLowercase: Check = {
  name: 'lower-needs-lowercase',
  codes: ['match/lower-needs-lowercase'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          if (!comparison.lower) continue;
          for (const literal of literals(comparison)) {
            if (literal.kind !== 'string' || literal.value === literal.value.toLowerCase()) continue;
            ctx.report(
              error(
                'match/lower-needs-lowercase',
                literal.span,
                `\`${describeComparison(comparison)}\` compares lower-cased values, so ${quote(literal.value)} can never match. Write it in lower case: ${quote(literal.value.toLowerCase())}.`,
              ),
            );
          }
        }
      }
    }
  },
};
