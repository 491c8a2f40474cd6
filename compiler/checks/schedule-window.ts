// A scheduled search runs every `interval` over the last `lookback` (ending `delay` ago). With a
// lookback shorter than the interval, the events between two windows are never searched. With a
// lookback of two intervals or more, every event is searched by several runs, so the same
// activity alerts again on each run unless deduplication covers the overlap. (A smaller overlap,
// like Elastic's customary extra minute of look-back for late events, is a margin, not a design.)

import { error, warning } from '../diagnostics.ts';
import { durationSeconds } from '../lower/duration.ts';
import type { Check } from './check.ts';

export const scheduleWindow: Check = {
  name: 'schedule-window',
  codes: ['schedule/zero-interval', 'schedule/lookback-shorter-than-interval', 'schedule/overlapping-runs'],
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
      } else if (lookback >= 2 * interval) {
        const overlap = lookback - interval;
        const deduplication = durationSeconds(source.periods?.deduplication ?? '0s') ?? 0;
        if (deduplication < overlap) {
          const runs = Math.ceil(lookback / interval);
          ctx.report(
            warning(
              'schedule/overlapping-runs',
              doc.spanAt(['schedule', 'lookback']),
              `The lookback (${source.schedule.lookback}) spans ${runs} intervals of ${source.schedule.interval}, so each event is searched by up to ${runs} runs and the same activity can alert on each of them. Set periods.deduplication to at least ${formatSeconds(overlap)} (the overlap), or the lookback to ${source.schedule.interval}.`,
            ),
          );
        }
      }
    }
  },
};

/** `2700` → `45m`: the largest unit that divides the duration. */
function formatSeconds(seconds: number): string {
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
