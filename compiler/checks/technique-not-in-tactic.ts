// A technique is listed under a tactic it serves in ATT&CK (T1610 Deploy Container serves
// execution and defense-evasion, not persistence). Targets emit the pair as is (Elastic threat[],
// Splunk annotations, the coverage matrix), so a wrong pair puts the rule in the wrong cell.

import { allTactics } from '../attack/catalog.ts';
import { error } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { attackEntries, describeTechnique } from './support/attack-entries.ts';

export const techniqueNotInTactic: Check = {
  name: 'technique-not-in-tactic',
  codes: ['attack/technique-not-in-tactic'],
  run(ctx) {
    const names = new Map(allTactics().map((t) => [t.shortname, `${t.name} (${t.id})`]));
    for (const rule of ctx.rules) {
      for (const entry of attackEntries(rule)) {
        const tactic = entry.tactic;
        if (!tactic) continue;
        for (const { path, technique } of entry.techniques) {
          // Revoked techniques get their own error; their tactics are history.
          if (!technique || technique.revoked || technique.tactics.includes(tactic.shortname)) continue;
          const belongs = technique.tactics.map((t) => names.get(t) ?? t).join(', ');
          ctx.report(
            error(
              'attack/technique-not-in-tactic',
              rule.doc.spanAt(path),
              `${describeTechnique(technique)} does not belong to the tactic ${tactic.name} (${tactic.id}); ATT&CK lists it under ${belongs}. Move it to an entry for one of those tactics.`,
            ),
          );
        }
      }
    }
  },
};
