// Listing a technique and one of its sub-techniques under the same tactic (T1204 and T1204.003)
// says the same thing twice, less precisely: the sub-technique already implies its parent.

import { warning } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { attackEntries, describeTechnique } from './support/attack-entries.ts';

export const subtechniqueWithParent: Check = {
  name: 'subtechnique-with-parent',
  codes: ['attack/subtechnique-with-parent'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const entry of attackEntries(rule)) {
        for (const listed of entry.techniques) {
          const parent = listed.technique;
          if (!parent || parent.parent) continue;
          const subs = entry.techniques.filter((t) => t.technique?.parent?.id === parent.id).map((t) => t.technique!.id);
          if (subs.length === 0) continue;
          ctx.report(
            warning(
              'attack/subtechnique-with-parent',
              rule.doc.spanAt(listed.path),
              `${describeTechnique(parent)} is listed together with its sub-technique ${subs.join(', ')} under ${entry.tacticText}. Remove ${parent.id}: the sub-technique already implies it.`,
            ),
          );
        }
      }
    }
  },
};
