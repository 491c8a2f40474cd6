// A new_terms detection alerts on the first appearance of a combination of 1 to 3 field values
// (Elastic's limit) within the training window, so it needs `new_terms.fields` and
// `periods.training`. (Unknown field names are reported by unknown-field.ts.)

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { ruleVariants } from './support/rule-variants.ts';

const MAX_FIELDS = 3;

export const newTermsFields: Check = {
  name: 'new-terms-fields',
  codes: ['detection/new-terms-fields', 'periods/training-required'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const { doc } = rule;
      for (const variant of ruleVariants(rule)) {
        const { value: detection, path } = variant.detection;
        if (detection.type !== 'new_terms') continue;
        const fields = detection.new_terms?.fields ?? [];
        const fieldsPath = [...path, 'new_terms', 'fields'];
        if (fields.length === 0) {
          ctx.report(
            error(
              'detection/new-terms-fields',
              doc.spanAt(detection.new_terms ? fieldsPath : [...path, 'type']),
              'A new_terms detection needs 1 to 3 fields whose new value combinations raise an alert: add `new_terms: { fields: [user, source_ip] }` to the detection.',
            ),
          );
        } else if (fields.length > MAX_FIELDS) {
          ctx.report(
            error(
              'detection/new-terms-fields',
              doc.spanAt([...fieldsPath, MAX_FIELDS]),
              `A new_terms detection takes at most ${MAX_FIELDS} fields (Elastic's limit), and this one lists ${fields.length}. Keep the ${MAX_FIELDS} that identify a new behaviour best.`,
            ),
          );
        }
        fields.forEach((field, i) => {
          if (fields.indexOf(field) < i) {
            ctx.report(error('detection/new-terms-fields', doc.spanAt([...fieldsPath, i]), `${quote(field)} is listed twice in new_terms fields. Remove the repeat.`));
          }
        });
        if (!variant.periods.value.training) {
          ctx.report(
            error(
              'periods/training-required',
              doc.spanAt(['periods', 'training']),
              'A new_terms detection needs `periods.training`, the history window in which values count as already seen: add e.g. `training: 14d` under periods.',
            ),
          );
        }
      }
    }
  },
};
