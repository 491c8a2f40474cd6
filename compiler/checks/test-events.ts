// Rule tests give events as maps of logical field names (unknown names are unknown-field.ts's).
// Two more things can make a test silently mean something else:
// - `_time` is the event's timestamp and must be an RFC 3339 date-time with its UTC offset
//   (threshold windows are computed from it, and a time without an offset would be read in the
//   zone of whoever runs the tests: compiler/language/event-time.ts);
// - `history` is the training data of a new_terms detection; any other detection ignores it.

import { error, warning } from '../diagnostics.ts';
import { readEventTime } from '../language/event-time.ts';
import type { Check } from './check.ts';
import { ruleVariants } from './support/rule-variants.ts';
import { isPlainObject, TIME_KEY } from './support/test-event-keys.ts';

export const testEvents: Check = {
  name: 'test-events',
  codes: ['test/invalid-time', 'test/time-without-offset', 'test/history-unused'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const { doc } = rule;
      for (const variant of ruleVariants(rule)) {
        const { value: tests, path } = variant.tests;
        tests.forEach((test, t) => {
          for (const list of ['events', 'history'] as const) {
            (test[list] ?? []).forEach((event, e) => {
              if (!isPlainObject(event) || !(TIME_KEY in event)) return;
              const reading = readEventTime(event[TIME_KEY]);
              if (reading.ok) return;
              const at = doc.spanAt([...path, t, list, e, TIME_KEY]);
              ctx.report(
                reading.problem === 'without-offset'
                  ? error('test/time-without-offset', at, `_time ${reading.reason}. Write the offset: "${reading.suggestion}" for UTC, or e.g. "+02:00" instead of Z.`)
                  : error(
                      'test/invalid-time',
                      at,
                      `_time is the event's timestamp and must be an RFC 3339 date-time with its UTC offset, in quotes, such as "2024-05-01T10:00:00Z"; ${reading.reason}.`,
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
