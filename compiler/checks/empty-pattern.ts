// `contains ""`, `startswith ""` and `endswith ""` match every value, and `like "*"` every value
// too: the comparison only says that the field exists, which is rarely what was meant (usually a
// value went missing). Write `f exists` if that is the intent.

import { warning } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { comparisons, describeComparison, literals } from './support/ast-walk.ts';

export const emptyPattern: Check = {
  name: 'empty-pattern',
  codes: ['match/empty-pattern'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          const { op } = comparison;
          for (const literal of literals(comparison)) {
            if (literal.kind !== 'string') continue;
            const matchesAll =
              ((op === 'contains' || op === 'startswith' || op === 'endswith') && literal.value === '') ||
              (op === 'like' && /^\*+$/.test(literal.value));
            if (!matchesAll) continue;
            ctx.report(
              warning(
                'match/empty-pattern',
                literal.span,
                `\`${describeComparison(comparison)} ${quote(literal.value)}\` matches every value, so it only tests that ${quote(comparison.field.name)} exists. Write \`${comparison.field.name} exists\` if that is the intent, or put back the missing text.`,
              ),
            );
          }
        }
      }
    }
  },
};
