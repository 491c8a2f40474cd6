// Each technique id must exist in the ATT&CK Enterprise catalog.

import { allTechniques, attackCatalogInfo, findTactic, findTechnique } from '../attack/catalog.ts';
import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { attackEntries, describeTechnique } from './support/attack-entries.ts';

export const unknownTechnique: Check = {
  name: 'unknown-technique',
  codes: ['attack/unknown-technique'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const entry of attackEntries(rule)) {
        for (const { text, path, technique } of entry.techniques) {
          if (technique) continue;
          ctx.report(error('attack/unknown-technique', rule.doc.spanAt(path), `Unknown ATT&CK technique ${quote(text)}. ${fix(text)}`));
        }
      }
    }
  },
};

function fix(text: string): string {
  if (findTactic(text)) return `${quote(text)} is a tactic: write it as the \`tactic\` of an entry, and list technique ids (T1610) under \`techniques\`.`;
  if (!/^T[0-9]{4}(\.[0-9]{3})?$/i.test(text.trim())) {
    // Sub-technique names repeat across parents ("Cloud Accounts"), so name every match.
    const named = allTechniques().filter((t) => !t.revoked && !t.deprecated && t.name.toLowerCase() === text.trim().toLowerCase());
    if (named.length === 1) return `${quote(text)} is the name of ${describeTechnique(named[0]!)}: write its id, ${named[0]!.id}.`;
    if (named.length > 1) return `${quote(text)} is the name of ${named.map(describeTechnique).join(', ')}: write the id of the one you mean.`;
    return 'Write a technique id such as T1610 or a sub-technique id such as T1204.003.';
  }
  const parent = findTechnique(text.trim().slice(0, 5));
  if (parent && text.includes('.')) {
    const subs = allTechniques().filter((t) => t.parent?.id === parent.id && !t.revoked && !t.deprecated);
    return subs.length > 0
      ? `${describeTechnique(parent)} has the sub-techniques ${subs.map((t) => t.id).join(', ')}; use one of them or ${parent.id} itself.`
      : `${describeTechnique(parent)} has no such sub-technique; use ${parent.id} itself.`;
  }
  const newest = allTechniques().reduce((max, t) => Math.max(max, Number(t.id.slice(1, 5))), 0);
  if (Number(text.trim().slice(1, 5)) > newest) {
    return `It is newer than every technique of the catalog here (ATT&CK ${attackCatalogInfo().version}, up to T${newest}): use a technique of that release, or regenerate the catalog from a newer one (compiler/attack/README.md).`;
  }
  return 'Check the id on https://attack.mitre.org/ (this catalog is ATT&CK Enterprise; mobile and ICS ids are not in it).';
}
