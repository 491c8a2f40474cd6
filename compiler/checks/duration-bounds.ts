// Every duration has a largest sensible value, so an absurd one (`lookback: 99999999999999999999999d`
// became `dispatch.earliest_time = -8.6e+27s`) is an error at the value instead of a search no
// SIEM can run. The bounds, per key (docs/rule-format.md, "periods" and "schedule"):
// - windows over past data (schedule.lookback, periods.training, periods.test) and the periods
//   that follow alerts (periods.activation, periods.deduplication): at most 366 days, a year of
//   data, beyond what detection indexes are commonly kept for;
// - schedule.interval and schedule.delay: at most 7 days; a rule that runs less than weekly, or
//   reports a week late, is a report rather than a detection (Splunk's cron form already stops at
//   one day, splunk/unsupported-interval).
// Periods and schedule always come from the base rule (variations inherit them).

import { error } from '../diagnostics.ts';
import { durationSeconds } from '../lower/duration.ts';
import type { Check } from './check.ts';

const DAY = 86_400;

/** [section, key, largest value in seconds, that value as written in the message]. */
const BOUNDS = [
  ['periods', 'activation', 366 * DAY, '366d'],
  ['periods', 'training', 366 * DAY, '366d'],
  ['periods', 'test', 366 * DAY, '366d'],
  ['periods', 'deduplication', 366 * DAY, '366d'],
  ['schedule', 'interval', 7 * DAY, '7d'],
  ['schedule', 'lookback', 366 * DAY, '366d'],
  ['schedule', 'delay', 7 * DAY, '7d'],
] as const;

export const durationBounds: Check = {
  name: 'duration-bounds',
  codes: ['periods/duration-too-long', 'schedule/duration-too-long'],
  run(ctx) {
    for (const { doc, source } of ctx.rules) {
      for (const [section, key, limit, written] of BOUNDS) {
        const values: Readonly<Record<string, string | undefined>> | undefined = source[section];
        const text = values?.[key];
        const seconds = text === undefined ? undefined : durationSeconds(text);
        if (seconds === undefined || seconds <= limit) continue; // absent, single-event, or the schema's to report
        ctx.report(
          error(
            `${section}/duration-too-long`,
            doc.spanAt([section, key]),
            `${section}.${key} is ${text}, longer than the ${written} detc allows for it (${section === 'schedule' && key !== 'lookback' ? 'a rule that runs or reports that rarely is a report, not a detection' : 'a year of data, more than a detection index keeps'}). Use at most ${written}.`,
          ),
        );
      }
    }
  },
};
