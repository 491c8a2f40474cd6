// Rule ids (base rules and variations alike) are unique across the library: the id is the
// Elastic rule_id and the key that ties a rule's history together.

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { forEachDuplicate, ruleEntries, where } from './support/library-entries.ts';

export const duplicateId: Check = {
  name: 'duplicate-id',
  codes: ['rule/duplicate-id'],
  run(ctx) {
    forEachDuplicate(
      ruleEntries(ctx, 'id'),
      (id) => id.toLowerCase(), // UUIDs compare case-insensitively
      (duplicate, first) =>
        ctx.report(
          error(
            'rule/duplicate-id',
            duplicate.span,
            `The id ${duplicate.value} is already used by ${quote(first.rule.source.name)} (${where(first.span)}). Every rule and variation needs its own id: generate a new UUID for this one.`,
            [{ span: first.span, message: 'first defined here' }],
          ),
        ),
    );
  },
};
