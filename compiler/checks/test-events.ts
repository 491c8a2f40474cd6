// Rule tests give events as maps of logical field names (unknown names are unknown-field.ts's).
// Two more things can make a test silently mean something else:
// - `_time` is the event's timestamp and must be ISO 8601 text (threshold windows and new_terms
//   history are computed from it);
// - `history` is the training data of a new_terms detection; any other detection ignores it.

import { error, warning } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { ruleVariants } from './support/rule-variants.ts';
import { isPlainObject, TIME_KEY } from './support/test-event-keys.ts';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export const testEvents: Check = {
  name: 'test-events',
  codes: ['test/invalid-time', 'test/history-unused'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const { doc } = rule;
      for (const variant of ruleVariants(rule)) {
        const { value: tests, path } = variant.tests;
        tests.forEach((test, t) => {
          for (const list of ['events', 'history'] as const) {
            (test[list] ?? []).forEach((event, e) => {
              if (!isPlainObject(event) || !(TIME_KEY in event)) return;
              const time = event[TIME_KEY];
              if (typeof time === 'string' && ISO_8601.test(time) && Number.isFinite(Date.parse(time))) return;
              ctx.report(
                error(
                  'test/invalid-time',
                  doc.spanAt([...path, t, list, e, TIME_KEY]),
                  `_time is the event's timestamp and must be an ISO 8601 date-time in quotes, such as "2024-05-01T10:00:00Z"; ${JSON.stringify(time)} is not one.`,
                ),
              );
            });
          }
          if ((test.history?.length ?? 0) > 0 && variant.detection.value.type !== 'new_terms') {
            ctx.report(
              warning(
                'test/history-unused',
                doc.keySpanAt([...path, t, 'history']),
                `Only new_terms detections use a test's history; this is a ${variant.detection.value.type} detection, so the history is ignored. Move these events to \`events\`, or remove them.`,
              ),
            );
          }
        });
      }
    }
  },
};
