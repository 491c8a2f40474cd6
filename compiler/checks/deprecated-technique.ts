// MITRE deprecates a technique it no longer maintains. It still resolves, but coverage reported
// against it is stale, so the rule should move to a current technique.

import { warning } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { attackEntries, describeTechnique } from './support/attack-entries.ts';

export const deprecatedTechnique: Check = {
  name: 'deprecated-technique',
  codes: ['attack/deprecated-technique'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const entry of attackEntries(rule)) {
        for (const { path, technique } of entry.techniques) {
          if (!technique?.deprecated || technique.revoked) continue;
          ctx.report(
            warning(
              'attack/deprecated-technique',
              rule.doc.spanAt(path),
              `${describeTechnique(technique)} is deprecated in ATT&CK and no longer maintained. Map the rule to a current technique that describes the behaviour (see its page on attack.mitre.org).`,
            ),
          );
        }
      }
    }
  },
};
