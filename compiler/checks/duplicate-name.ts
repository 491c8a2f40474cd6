// Rule names (base rules and variations alike) are unique across the library: Splunk keys saved
// searches by name, and two alerts with one name cannot be told apart. Names that a reader cannot
// tell apart count as the same: differing only in case, spacing, Unicode form (full-width
// letters, ligatures) or invisible characters (support/comparable-name.ts).

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { comparableName } from './support/comparable-name.ts';
import { forEachDuplicate, ruleEntries, where } from './support/library-entries.ts';

export const duplicateName: Check = {
  name: 'duplicate-name',
  codes: ['rule/duplicate-name'],
  run(ctx) {
    forEachDuplicate(ruleEntries(ctx, 'name'), comparableName, (duplicate, first) => {
      // Say how they differ when it is not obvious: the same letters in another form.
      const lookAlike =
        duplicate.value.trim().replace(/\s+/g, ' ').toLowerCase() !== first.value.trim().replace(/\s+/g, ' ').toLowerCase()
          ? ` It reads the same as ${quote(first.value)}: the names differ only in Unicode form (full-width letters, ligatures) or invisible characters.`
          : '';
      ctx.report(
        error(
          'rule/duplicate-name',
          duplicate.span,
          `The name ${quote(duplicate.value)} is already used by the rule at ${where(first.span)}.${lookAlike} Rename one of them: names must be unique across the library (ignoring case, spacing and look-alike characters).`,
          [{ span: first.span, message: 'first defined here' }],
        ),
      );
    });
  },
};
