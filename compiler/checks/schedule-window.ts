// A scheduled search runs every `interval` over the last `lookback` (ending `delay` ago). With a
// lookback shorter than the interval, the events between two windows are never searched.

import { error } from '../diagnostics.ts';
import { durationSeconds } from '../lower/duration.ts';
import type { Check } from './check.ts';

export const scheduleWindow: Check = {
  name: 'schedule-window',
  codes: ['schedule/zero-interval', 'schedule/lookback-shorter-than-interval'],
  run(ctx) {
    for (const { doc, source } of ctx.rules) {
      const interval = durationSeconds(source.schedule?.interval ?? '');
      const lookback = durationSeconds(source.schedule?.lookback ?? '');
      if (interval === undefined || lookback === undefined) continue; // the schema reports bad durations
      if (interval === 0) {
        ctx.report(error('schedule/zero-interval', doc.spanAt(['schedule', 'interval']), 'A schedule interval of 0 never runs: use a positive duration such as 5m or 1h.'));
      } else if (lookback < interval) {
        ctx.report(
          error(
            'schedule/lookback-shorter-than-interval',
            doc.spanAt(['schedule', 'lookback']),
            `The lookback (${source.schedule.lookback}) is shorter than the interval (${source.schedule.interval}), so events between two runs are never searched. Set lookback to at least ${source.schedule.interval}.`,
          ),
        );
      }
    }
  },
};
