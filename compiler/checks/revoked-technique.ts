// MITRE revokes a technique when it is merged into or replaced by another. A revoked id is gone
// from the matrix, so it is an error, and the message names the technique that replaces it.

import { findTechnique } from '../attack/catalog.ts';
import { error } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { attackEntries, describeTechnique } from './support/attack-entries.ts';

export const revokedTechnique: Check = {
  name: 'revoked-technique',
  codes: ['attack/revoked-technique'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const entry of attackEntries(rule)) {
        for (const { path, technique } of entry.techniques) {
          if (!technique?.revoked) continue;
          const current = technique.currentId ? findTechnique(technique.currentId) : undefined;
          const fix = current
            ? `It is replaced by ${describeTechnique(current)}: write ${current.id} instead.`
            : 'It has no replacement: remove it, or map the rule to the technique that now describes the behaviour.';
          ctx.report(error('attack/revoked-technique', rule.doc.spanAt(path), `${describeTechnique(technique)} is revoked in ATT&CK. ${fix}`));
        }
      }
    }
  },
};
