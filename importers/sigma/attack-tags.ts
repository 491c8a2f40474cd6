// Sigma tags → the rule's ATT&CK mapping. `attack.<tactic>` tags (`attack.defense-evasion`, or the
// older `attack.defense_evasion`) name tactics; `attack.tNNNN[.NNN]` tags name techniques. Each
// technique goes under every named tactic it belongs to in the catalog. Everything else stays a tag.
// Tags the catalog does not know (newer ATT&CK releases) are kept as plain tags and reported.

import type { AttackSource } from '../../compiler/load/source-types.ts';
import { attackVersion, tacticByShortname, techniqueById } from './attack-catalog.ts';

export interface AttackFromTags {
  readonly attack: AttackSource[];
  /** Tags that are not ATT&CK tactic/technique tags, plus ATT&CK tags we could not map. */
  readonly tags: string[];
  readonly warnings: string[];
}

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
// ATT&CK groups (gNNNN), software (sNNNN) and campaigns (cNNNN) are kept as tags: our mapping has no slot for them.

export function attackFromTags(tags: readonly string[]): AttackFromTags {
  const tactics: string[] = [];
  const techniques: string[] = [];
  const kept: string[] = [];
  const warnings: string[] = [];
  for (const tag of tags) {
    const technique = TECHNIQUE_TAG.exec(tag);
    if (technique) {
      const id = technique[1]!.toUpperCase();
      const known = techniqueById(id);
      if (!known) {
        warnings.push(`Tag \`${tag}\`: ${id} is not in ATT&CK ${attackVersion()} (newer release?); kept as a plain tag.`);
        kept.push(tag);
      } else if (known.revoked) {
        if (known.currentId) {
          warnings.push(`Tag \`${tag}\`: ${id} is revoked in ATT&CK ${attackVersion()}; mapped to ${known.currentId}, which replaced it.`);
          techniques.push(known.currentId);
        } else {
          warnings.push(`Tag \`${tag}\`: ${id} is revoked in ATT&CK ${attackVersion()} with no replacement; kept as a plain tag.`);
          kept.push(tag);
        }
      } else if (known.deprecated) {
        warnings.push(`Tag \`${tag}\`: ${id} is deprecated in ATT&CK ${attackVersion()}; kept as a plain tag.`);
        kept.push(tag);
      } else {
        techniques.push(id);
      }
      continue;
    }
    if (tag.toLowerCase().startsWith('attack.') && /^attack\.[a-z_-]+$/i.test(tag)) {
      const shortname = tag.slice('attack.'.length).toLowerCase().replaceAll('_', '-');
      if (tacticByShortname(shortname)) tactics.push(shortname);
      else {
        warnings.push(`Tag \`${tag}\`: \`${shortname}\` is not a tactic of ATT&CK ${attackVersion()} (newer release?); kept as a plain tag.`);
        kept.push(tag);
      }
      continue;
    }
    kept.push(tag);
  }

  const byTactic = new Map<string, string[]>(unique(tactics).map((t) => [t, []]));
  for (const id of unique(techniques)) {
    const belongs = techniqueById(id)!.tactics;
    const named = belongs.filter((t) => byTactic.has(t));
    if (named.length === 0) {
      // The rule names none of the technique's tactics: use the catalog's, so the technique is not lost.
      warnings.push(`Technique ${id} is tagged without one of its tactics (${belongs.join(', ')}); mapped under ${belongs.join(', ')} per the ATT&CK catalog.`);
      for (const t of belongs) byTactic.set(t, [...(byTactic.get(t) ?? []), id]);
    } else {
      for (const t of named) byTactic.get(t)!.push(id);
    }
  }
  const attack: AttackSource[] = [];
  for (const [tactic, ids] of byTactic) {
    if (ids.length === 0) {
      // Our mapping lists techniques under tactics; a tactic alone stays a tag, not lost.
      warnings.push(`Tag \`attack.${tactic}\` names a tactic without any of its techniques; kept as a plain tag.`);
      kept.push(tags.find((t) => t.toLowerCase().replaceAll('_', '-') === `attack.${tactic}`) ?? `attack.${tactic}`);
      continue;
    }
    // A sub-technique implies its parent: listing both is redundant (attack/subtechnique-with-parent).
    const techniquesOfTactic = ids.filter((id) => !ids.some((other) => other.startsWith(`${id}.`)));
    attack.push({ tactic, techniques: techniquesOfTactic });
  }
  return { attack, tags: unique(kept), warnings };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
