// A value listed twice in one comparison (`verb in ["get", "list", "get"]`) changes nothing but
// usually hides a typo: the author meant another value.

import { warning } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { comparisons, describeComparison } from './support/ast-walk.ts';

export const duplicateValue: Check = {
  name: 'duplicate-value',
  codes: ['match/duplicate-value'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          if (comparison.value?.kind !== 'list') continue;
          const seen = new Set<string>();
          for (const item of comparison.value.items) {
            const key = `${item.kind}:${String(item.value)}`;
            if (seen.has(key)) {
              ctx.report(
                warning(
                  'match/duplicate-value',
                  item.span,
                  `${quote(item.value)} is already in the list of \`${describeComparison(comparison)}\`. Remove the repeat, or correct it if you meant another value.`,
                ),
              );
            }
            seen.add(key);
          }
        }
      }
    }
  },
};
