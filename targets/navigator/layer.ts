// An ATT&CK Navigator layer (layer format 4.5) of the library's coverage: one entry per
// (technique, tactic) that some rule maps, scored with the number of rules, with a comment and
// metadata naming them. Parents of covered sub-techniques open by default (`showSubtechniques`).

import { warning, type Diagnostic } from '../../compiler/diagnostics.ts';
import type { Library, Rule } from '../../compiler/ir.ts';

export interface LayerMetadata {
  readonly name: string;
  readonly value: string;
}

export interface LayerTechnique {
  readonly techniqueID: string;
  readonly tactic: string;
  readonly score?: number;
  readonly comment?: string;
  readonly enabled: boolean;
  readonly metadata?: readonly (LayerMetadata | { readonly divider: true })[];
  readonly showSubtechniques?: boolean;
}

export interface Layer {
  readonly name: string;
  readonly versions: { readonly attack: string; readonly navigator: string; readonly layer: '4.5' };
  readonly domain: 'enterprise-attack';
  readonly description: string;
  readonly sorting: number;
  readonly layout: Readonly<Record<string, string | boolean>>;
  readonly hideDisabled: boolean;
  readonly techniques: readonly LayerTechnique[];
  readonly gradient: { readonly colors: readonly string[]; readonly minValue: number; readonly maxValue: number };
  readonly legendItems: readonly { readonly label: string; readonly color: string }[];
  readonly metadata: readonly LayerMetadata[];
}

/** The Navigator release whose layer format is 4.5 (the format requires at least 4.9.0). */
export const navigatorVersion = '5.1.0';

const lightest = '#dbe9fb';
const darkest = '#1f5fbf';

export function buildLayer(library: Library): { layer: Layer; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const catalog = new Map(library.attack.techniques.map((t) => [t.id, t]));
  const tacticOrder = new Map(library.attack.tactics.map((t, i) => [t.shortname, i]));

  // (technique, tactic) → rules, keeping only pairs that exist in ATT&CK: the Navigator would drop the others.
  const covered = new Map<string, { techniqueID: string; tactic: string; rules: Rule[] }>();
  for (const rule of library.rules) {
    for (const mapping of rule.attack) {
      for (const technique of mapping.techniques) {
        const entry = catalog.get(technique.id);
        if (!entry || !entry.tactics.includes(mapping.tactic.shortname)) {
          diagnostics.push(
            warning(
              'navigator/technique-not-in-tactic',
              mapping.span,
              `${technique.id} is not a technique of the ${mapping.tactic.name} tactic in ATT&CK ${library.attack.version}, so the Navigator layer leaves it out for rule "${rule.name}". Map it under one of its tactics (${entry ? entry.tactics.join(', ') : 'none: it is revoked or deprecated'}).`,
            ),
          );
          continue;
        }
        const key = `${technique.id} ${mapping.tactic.shortname}`;
        const pair = covered.get(key) ?? { techniqueID: technique.id, tactic: mapping.tactic.shortname, rules: [] };
        if (!pair.rules.includes(rule)) pair.rules.push(rule);
        covered.set(key, pair);
      }
    }
  }

  // Parents of covered sub-techniques: shown expanded, and listed even when not covered themselves.
  const expandParents = new Set<string>();
  for (const pair of covered.values()) {
    const parent = catalog.get(pair.techniqueID)?.parent;
    if (parent) expandParents.add(`${parent.id} ${pair.tactic}`);
  }
  const entries: LayerTechnique[] = [...covered.values()].map(({ techniqueID, tactic, rules }) => {
    const names = [...rules].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    return {
      techniqueID,
      tactic,
      score: rules.length,
      comment: `${rules.length === 1 ? '1 rule' : `${rules.length} rules`}: ${names.map((r) => r.name).join('; ')}`,
      enabled: true,
      metadata: names.flatMap((rule, i) => [
        ...(i > 0 ? [{ divider: true as const }] : []),
        { name: 'rule', value: rule.name },
        { name: 'id', value: rule.id },
        { name: 'severity', value: rule.severity },
      ]),
      ...(expandParents.has(`${techniqueID} ${tactic}`) ? { showSubtechniques: true } : {}),
    };
  });
  for (const key of expandParents) {
    if (covered.has(key)) continue;
    const [techniqueID = '', tactic = ''] = key.split(' ');
    entries.push({ techniqueID, tactic, enabled: true, showSubtechniques: true });
  }
  entries.sort(
    (a, b) => compare(a.techniqueID, b.techniqueID) || (tacticOrder.get(a.tactic) ?? 0) - (tacticOrder.get(b.tactic) ?? 0),
  );

  // The gradient runs from 1 rule (lightest) to the most any technique has (darkest); min < max always.
  const maxScore = Math.max(2, ...entries.map((e) => e.score ?? 0));
  const title = library.config.docs['title'];
  const name = `${typeof title === 'string' && title.length > 0 ? title : 'Detection rules'}: ATT&CK coverage`;
  const layer: Layer = {
    name,
    versions: { attack: library.attack.version.split('.')[0] ?? library.attack.version, navigator: navigatorVersion, layer: '4.5' },
    domain: 'enterprise-attack',
    description: `Coverage of ${library.rules.length} detection rules compiled by detc. Score: number of rules per technique and tactic. ${library.attack.copyright}`,
    sorting: 3,
    layout: {
      layout: 'side',
      showID: true,
      showName: true,
      showAggregateScores: true,
      countUnscored: false,
      aggregateFunction: 'max',
      expandedSubtechniques: 'annotated',
    },
    hideDisabled: false,
    techniques: entries,
    gradient: { colors: [lightest, darkest], minValue: 1, maxValue: maxScore },
    legendItems: [
      { label: '1 rule', color: lightest },
      { label: `${maxScore} rules`, color: darkest },
    ],
    metadata: [
      { name: 'generated_by', value: 'detc' },
      { name: 'rules', value: String(library.rules.length) },
      { name: 'attack_version', value: library.attack.version },
      { name: 'attribution', value: library.attack.copyright },
    ],
  };
  return { layer, diagnostics };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
