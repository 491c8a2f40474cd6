// Rule names (base rules and variations alike) are unique across the library: Splunk keys saved
// searches by name, and two alerts with one name cannot be told apart. Names that differ only in
// case or spacing count as the same.

import { error } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { forEachDuplicate, ruleEntries, where } from './support/library-entries.ts';

export const duplicateName: Check = {
  name: 'duplicate-name',
  codes: ['rule/duplicate-name'],
  run(ctx) {
    forEachDuplicate(
      ruleEntries(ctx, 'name'),
      (name) => name.trim().replace(/\s+/g, ' ').toLowerCase(),
      (duplicate, first) =>
        ctx.report(
          error(
            'rule/duplicate-name',
            duplicate.span,
            `The name "${duplicate.value}" is already used by the rule at ${where(first.span)}. Rename one of them: names must be unique across the library (ignoring case).`,
            [{ span: first.span, message: 'first defined here' }],
          ),
        ),
    );
  },
};
