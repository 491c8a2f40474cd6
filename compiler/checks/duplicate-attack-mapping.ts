// The same tactic in two entries, or the same technique twice in one entry, duplicates ATT&CK
// mappings in every target (Elastic threat[] entries, coverage counts). Merge them.

import { warning } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { attackEntries } from './support/attack-entries.ts';
import { where } from './support/library-entries.ts';

export const duplicateAttackMapping: Check = {
  name: 'duplicate-attack-mapping',
  codes: ['attack/duplicate-tactic', 'attack/duplicate-technique'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const entries = attackEntries(rule);
      entries.forEach((entry, i) => {
        const first = entries.find((e, j) => j < i && e.tactic && e.tactic === entry.tactic && samePrefix(e.path, entry.path));
        if (entry.tactic && first) {
          const firstSpan = rule.doc.spanAt([...first.path, 'tactic']);
          ctx.report(
            warning(
              'attack/duplicate-tactic',
              rule.doc.spanAt([...entry.path, 'tactic']),
              `The tactic ${entry.tactic.name} (${entry.tactic.id}) already has an entry at ${where(firstSpan)}. Merge the techniques into that entry.`,
              [{ span: firstSpan, message: 'first entry for this tactic' }],
            ),
          );
        }
        const seen = new Set<string>();
        for (const { technique, path } of entry.techniques) {
          if (!technique) continue;
          if (seen.has(technique.id)) {
            ctx.report(warning('attack/duplicate-technique', rule.doc.spanAt(path), `${technique.id} is listed twice under ${entry.tacticText}. Remove the repeat.`));
          }
          seen.add(technique.id);
        }
      });
    }
  },
};

/** Entries of the same `attack` list (the base rule's, or one variation's). */
function samePrefix(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.slice(0, -1).every((segment, i) => segment === b[i]);
}
