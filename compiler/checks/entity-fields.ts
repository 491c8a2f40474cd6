// Entities say who or what an alert is about (Splunk risk and threat objects, Elastic alert
// suppression). Their values come from the alert's fields, so an entity field missing from
// `fields` arrives empty; the same field twice as an entity is a copy-paste slip.
// (Unknown entity fields are reported by unknown-field.ts, and only there.)

import { warning } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { fieldsOf } from './support/data-source-fields.ts';
import { fieldsListName, ruleVariants } from './support/rule-variants.ts';

export const entityFields: Check = {
  name: 'entity-fields',
  codes: ['entity/not-in-fields', 'entity/duplicate'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const known = fieldsOf(ctx, rule);
      for (const variant of ruleVariants(rule)) {
        const { value: entities, path } = variant.entities;
        const fields = variant.fields.value;
        entities.forEach((entity, i) => {
          const at = rule.doc.spanAt([...path, i, 'field']);
          if (entities.findIndex((e) => e.field === entity.field && e.role === entity.role) < i) {
            ctx.report(warning('entity/duplicate', at, `${quote(entity.field)} is already an ${entity.role} entity of this rule. Remove the repeat.`));
          } else if (!fields.includes(entity.field) && (known?.has(entity.field) ?? true)) {
            ctx.report(
              warning(
                'entity/not-in-fields',
                at,
                `The entity field ${quote(entity.field)} is not in ${fieldsListName(variant)}, so the alert does not carry its value. Add ${quote(entity.field)} there.`,
              ),
            );
          }
        });
      }
    }
  },
};
