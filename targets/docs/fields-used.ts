// The fields a rule touches: its match expression, allowlists, grouping/new-terms fields, entities
// and alert fields. Shown on the rule page and searched by the site.

import { detectionFields, type Field, type Rule } from '../../compiler/ir.ts';

export function fieldsUsed(rule: Rule): Field[] {
  const found = new Map<string, Field>();
  for (const field of [...detectionFields(rule.detection), ...rule.entities.map((e) => e.field), ...rule.fields]) {
    if (!found.has(field.name)) found.set(field.name, field);
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
