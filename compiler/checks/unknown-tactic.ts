// Each ATT&CK mapping names a tactic of the Enterprise matrix, by id (TA0002), name (Execution)
// or shortname (execution).

import { allTactics, attackCatalogInfo, findTechnique } from '../attack/catalog.ts';
import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Check } from './check.ts';
import { attackEntries } from './support/attack-entries.ts';

/** ATT&CK v19 split Defense Evasion into these two; rules converted from newer content may use them. */
const NEWER_TACTICS = new Set(['stealth', 'defense-impairment']);

export const unknownTactic: Check = {
  name: 'unknown-tactic',
  codes: ['attack/unknown-tactic'],
  run(ctx) {
    // Suggest by name only: a mistyped id is as close to a wrong tactic as to the right one.
    const candidates = allTactics().flatMap((t) => [t.name, t.shortname]);
    const list = allTactics().map((t) => `${t.id} ${t.name}`).join(', ');
    for (const rule of ctx.rules) {
      for (const entry of attackEntries(rule)) {
        if (entry.tactic) continue;
        const text = entry.tacticText;
        const asTechnique = findTechnique(text);
        const suggestion = /^TA[0-9]+$/i.test(text) ? undefined : didYouMean(text, candidates);
        const fix = asTechnique
          ? `${asTechnique.id} is a technique, not a tactic: list it under \`techniques\` of the tactic it serves (${asTechnique.tactics.join(', ')}).`
          : NEWER_TACTICS.has(text.trim().toLowerCase().replace(/\s+/g, '-'))
            ? `${quote(text)} is a tactic of a newer ATT&CK release; the catalog here is ATT&CK ${attackCatalogInfo().version}, where these techniques sit under Defense Evasion (TA0005). Write defense-evasion.`
            : suggestion
            ? `Did you mean ${quote(suggestion)}?`
            : `Write a tactic id (TA0002), name (Execution) or shortname (execution) of ATT&CK Enterprise: ${list}.`;
        ctx.report(error('attack/unknown-tactic', rule.doc.spanAt([...entry.path, 'tactic']), `Unknown ATT&CK tactic ${quote(text)}. ${fix}`));
      }
    }
  },
};
