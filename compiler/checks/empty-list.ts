// An empty list matches nothing (`f in []` is always false), which is never what a rule means:
// usually a value was deleted and the comparison left behind.

import { error } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { comparisons, describeComparison } from './support/ast-walk.ts';

export const emptyList: Check = {
  name: 'empty-list',
  codes: ['match/empty-list'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          const value = comparison.value;
          if (value?.kind === 'list' && value.items.length === 0) {
            ctx.report(
              error(
                'match/empty-list',
                value.span,
                `\`${describeComparison(comparison)} []\` can never match: the list is empty. Add at least one value, or remove the comparison.`,
              ),
            );
          }
        }
      }
    }
  },
};
