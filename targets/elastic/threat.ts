// ATT&CK mapping → Kibana `threat`: one entry per tactic; under it, the techniques the rule lists
// for that tactic; a sub-technique nested under its parent technique (the parent entry is made
// when only the sub-technique is listed). Order follows the rule; references use MITRE's URL
// scheme with a trailing slash, as Kibana shows them.

import type { AttackMapping, Technique } from '../../compiler/ir.ts';

export interface ThreatEntry {
  readonly framework: 'MITRE ATT&CK';
  readonly tactic: ThreatRef;
  readonly technique?: ThreatTechnique[];
}
export interface ThreatRef {
  readonly id: string;
  readonly name: string;
  readonly reference: string;
}
export interface ThreatTechnique extends ThreatRef {
  subtechnique?: ThreatRef[];
}

const ATTACK = 'https://attack.mitre.org';

export const tacticReference = (id: string): string => `${ATTACK}/tactics/${id}/`;
/** `T1204.003` → `https://attack.mitre.org/techniques/T1204/003/`. */
export const techniqueReference = (id: string): string => `${ATTACK}/techniques/${id.replace('.', '/')}/`;

export function threatEntries(mappings: readonly AttackMapping[]): ThreatEntry[] {
  const byTactic = new Map<string, { tactic: ThreatRef; techniques: Map<string, ThreatTechnique> }>();
  for (const mapping of mappings) {
    const { tactic } = mapping;
    let entry = byTactic.get(tactic.id);
    if (!entry) {
      entry = { tactic: { id: tactic.id, name: tactic.name, reference: tacticReference(tactic.id) }, techniques: new Map() };
      byTactic.set(tactic.id, entry);
    }
    for (const technique of mapping.techniques) addTechnique(entry.techniques, technique);
  }
  return [...byTactic.values()].map(({ tactic, techniques }) =>
    techniques.size === 0
      ? { framework: 'MITRE ATT&CK', tactic }
      : { framework: 'MITRE ATT&CK', tactic, technique: [...techniques.values()] },
  );
}

function addTechnique(techniques: Map<string, ThreatTechnique>, technique: Technique): void {
  const parent = technique.parent;
  if (!parent) {
    if (!techniques.has(technique.id)) techniques.set(technique.id, ref(technique.id, technique.name));
    return;
  }
  let entry = techniques.get(parent.id);
  if (!entry) {
    entry = ref(parent.id, parent.name);
    techniques.set(parent.id, entry);
  }
  const subs = (entry.subtechnique ??= []);
  if (!subs.some((s) => s.id === technique.id)) subs.push(ref(technique.id, technique.name));
}

function ref(id: string, name: string): ThreatTechnique {
  return { id, name, reference: techniqueReference(id) };
}
