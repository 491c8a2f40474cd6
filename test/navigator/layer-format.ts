// Validates an ATT&CK Navigator layer against the 4.5 layer format: the JSON Schema next to this
// file (fields, types, enumerations, from the specification), plus what a schema cannot say:
// the gradient's maxValue exceeds its minValue, each technique exists in the catalog, its tactic
// is one of that technique's tactics, a (technique, tactic) pair appears once, and
// showSubtechniques is only set on a technique that has sub-techniques.

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { AttackCatalogInfo } from '../../compiler/ir.ts';

const schema = JSON.parse(readFileSync(new URL('./layer-4.5.schema.json', import.meta.url), 'utf8')) as object;
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

export function layerProblems(layer: unknown, catalog: AttackCatalogInfo): string[] {
  if (!validateSchema(layer)) {
    return (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  }
  const problems: string[] = [];
  const checked = layer as {
    domain: string;
    gradient?: { minValue: number; maxValue: number };
    techniques?: { techniqueID: string; tactic?: string; showSubtechniques?: boolean }[];
  };
  if (checked.domain !== 'enterprise-attack') problems.push(`/domain ${checked.domain} is not the catalog's domain`);
  if (checked.gradient && !(checked.gradient.maxValue > checked.gradient.minValue)) {
    problems.push('/gradient maxValue must be greater than minValue');
  }
  const techniques = new Map(catalog.techniques.map((t) => [t.id, t]));
  const hasSubtechniques = new Set(catalog.techniques.flatMap((t) => (t.parent ? [t.parent.id] : [])));
  const seen = new Set<string>();
  (checked.techniques ?? []).forEach((entry, i) => {
    const at = `/techniques/${i}`;
    const technique = techniques.get(entry.techniqueID);
    if (!technique) {
      problems.push(`${at} ${entry.techniqueID} is not an active technique of ATT&CK ${catalog.version}`);
      return;
    }
    if (entry.tactic !== undefined && !technique.tactics.includes(entry.tactic)) {
      problems.push(`${at} tactic ${entry.tactic} is not a tactic of ${entry.techniqueID} (${technique.tactics.join(', ')})`);
    }
    const key = `${entry.techniqueID} ${entry.tactic ?? '*'}`;
    if (seen.has(key)) problems.push(`${at} duplicates ${key}`);
    seen.add(key);
    if (entry.showSubtechniques && !hasSubtechniques.has(entry.techniqueID)) {
      problems.push(`${at} showSubtechniques on ${entry.techniqueID}, which has no sub-techniques`);
    }
  });
  return problems;
}
