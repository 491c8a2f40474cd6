// A threshold detection counts matching events per group_by values within the `periods.test`
// window and alerts at `value`; an optional cardinality counts distinct values of one field.
// (Unknown field names are reported by unknown-field.ts.)

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { ruleVariants } from './support/rule-variants.ts';

export const thresholdFields: Check = {
  name: 'threshold-fields',
  codes: ['detection/threshold-fields', 'periods/test-window-required'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const { doc } = rule;
      for (const variant of ruleVariants(rule)) {
        const { value: detection, path } = variant.detection;
        if (detection.type !== 'threshold') continue;
        const threshold = detection.threshold;
        if (!threshold) {
          ctx.report(
            error(
              'detection/threshold-fields',
              doc.spanAt([...path, 'type']),
              'A threshold detection needs a `threshold` block: add e.g. `threshold: { group_by: [user], value: 10 }` to the detection.',
            ),
          );
        } else {
          const groupBy = threshold.group_by ?? [];
          groupBy.forEach((field, i) => {
            if (groupBy.indexOf(field) < i) {
              ctx.report(error('detection/threshold-fields', doc.spanAt([...path, 'threshold', 'group_by', i]), `${quote(field)} is listed twice in threshold group_by. Remove the repeat.`));
            }
          });
          const cardinality = threshold.cardinality?.field;
          if (cardinality !== undefined && groupBy.includes(cardinality)) {
            ctx.report(
              error(
                'detection/threshold-fields',
                doc.spanAt([...path, 'threshold', 'cardinality', 'field']),
                `The cardinality field ${quote(cardinality)} is also in group_by, so each group has exactly one value of it and the cardinality can never exceed 1. Count the distinct values of another field, or remove it from group_by.`,
              ),
            );
          }
        }
        if (variant.periods.value.test === 'single-event') {
          ctx.report(
            error(
              'periods/test-window-required',
              doc.spanAt(['periods', 'test']),
              'A threshold detection counts events within the test window, so `periods.test` must be a duration (e.g. `10m`), not single-event.',
            ),
          );
        }
      }
    }
  },
};
