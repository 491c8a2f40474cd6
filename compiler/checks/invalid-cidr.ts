// `f cidr "block"` takes IPv4 or IPv6 CIDR blocks. A block written with a host address
// (`10.0.0.1/8`) is valid but misleading: it means `10.0.0.0/8`, so we say so.

import { error, warning } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { comparisons, literals } from './support/ast-walk.ts';
import { checkCidr } from './support/cidr.ts';

export const invalidCidr: Check = {
  name: 'invalid-cidr',
  codes: ['match/invalid-cidr', 'match/cidr-host-bits'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          if (comparison.op !== 'cidr') continue;
          for (const literal of literals(comparison)) {
            if (literal.kind !== 'string') continue; // the grammar only allows strings here
            const result = checkCidr(literal.value);
            if (!result.ok) {
              ctx.report(error('match/invalid-cidr', literal.span, `Invalid CIDR block: ${result.reason}.`));
            } else if (result.hostBitsSet) {
              ctx.report(
                warning(
                  'match/cidr-host-bits',
                  literal.span,
                  `"${literal.value}" has bits set beyond its prefix, so it means the block "${result.normalised}". Write "${result.normalised}" (or a longer prefix if you meant a smaller block).`,
                ),
              );
            }
          }
        }
      }
    }
  },
};
