// A value listed twice in one comparison (`verb in ["get", "list", "get"]`) changes nothing but
// usually hides a typo: the author meant another value.

import { warning } from '../diagnostics.ts';
import { parseIp } from '../language/ip.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { comparisons, describeComparison } from './support/ast-walk.ts';
import { fieldsOf } from './support/data-source-fields.ts';

export const duplicateValue: Check = {
  name: 'duplicate-value',
  codes: ['match/duplicate-value'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const fields = fieldsOf(ctx, rule);
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          if (comparison.value?.kind !== 'list') continue;
          const isIp = fields?.get(comparison.field.name)?.type === 'ip' && comparison.op !== 'cidr';
          const seen = new Map<string, string>();
          for (const item of comparison.value.items) {
            // On an ip field two spellings of one address are one value (10.1.2.3, ::ffff:10.1.2.3).
            const address = isIp && item.kind === 'string' ? parseIp(item.value) : undefined;
            const key = address ? `ip:${address.value}` : `${item.kind}:${String(item.value)}`;
            const earlier = seen.get(key);
            if (earlier !== undefined) {
              const as = earlier === String(item.value) ? '' : ` (as ${JSON.stringify(earlier)}, the same address)`;
              ctx.report(
                warning(
                  'match/duplicate-value',
                  item.span,
                  `${quote(item.value)} is already in the list of \`${describeComparison(comparison)}\`${as}. Remove the repeat, or correct it if you meant another value.`,
                ),
              );
            } else seen.set(key, String(item.value));
          }
        }
      }
    }
  },
};
