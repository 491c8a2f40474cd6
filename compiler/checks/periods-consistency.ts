// Cortex-style periods must agree with the detection type and the schedule:
// - training (new_terms history) must reach further back than the search window, or every value
//   in the window has also been "seen" in the history and nothing is ever new;
// - a threshold's test window is the counting window; a search that looks back less than that
//   cannot count it, and other detection types have no use for a window;
// - deduplication shorter than the interval suppresses nothing (the next run is later anyway).

import { error, warning } from '../diagnostics.ts';
import { durationSeconds } from '../lower/duration.ts';
import type { Check } from './check.ts';
import { ruleVariants } from './support/rule-variants.ts';

export const periodsConsistency: Check = {
  name: 'periods-consistency',
  codes: [
    'periods/zero-duration',
    'periods/training-shorter-than-lookback',
    'periods/test-window-exceeds-lookback',
    'periods/test-window-unused',
    'periods/deduplication-shorter-than-interval',
  ],
  run(ctx) {
    for (const rule of ctx.rules) {
      const { doc, source } = rule;
      const periods = source.periods ?? { test: 'single-event' };
      const seconds = (text: string | undefined) => (text === undefined ? undefined : durationSeconds(text));
      const interval = seconds(source.schedule?.interval);
      const lookback = seconds(source.schedule?.lookback);
      const training = seconds(periods.training);
      const test = periods.test === 'single-event' ? undefined : seconds(periods.test);
      const deduplication = seconds(periods.deduplication);
      const types = new Set(ruleVariants(rule).map((v) => v.detection.value.type));

      for (const [key, value] of [['training', training], ['test', test]] as const) {
        if (value === 0) {
          ctx.report(error('periods/zero-duration', doc.spanAt(['periods', key]), `periods.${key} of 0 is an empty window: use a positive duration such as ${key === 'training' ? '14d' : '10m'}.`));
        }
      }
      if (types.has('new_terms') && training && lookback !== undefined && training <= lookback) {
        ctx.report(
          error(
            'periods/training-shorter-than-lookback',
            doc.spanAt(['periods', 'training']),
            `The training window (${periods.training}) must be longer than the schedule lookback (${source.schedule.lookback}): otherwise every value in the searched window is also in the history and no term is ever new. Use a training window of days or weeks, e.g. 14d.`,
          ),
        );
      }
      if (test) {
        if (!types.has('threshold')) {
          ctx.report(
            warning(
              'periods/test-window-unused',
              doc.spanAt(['periods', 'test']),
              `Only threshold detections count events over a test window; this rule alerts on single events, so ${periods.test} is ignored. Write \`test: single-event\`.`,
            ),
          );
        } else if (lookback !== undefined && test > lookback) {
          ctx.report(
            warning(
              'periods/test-window-exceeds-lookback',
              doc.spanAt(['periods', 'test']),
              `The threshold counts events over ${periods.test}, but each run searches only the last ${source.schedule.lookback} (schedule lookback). Set the lookback to at least ${periods.test}, or shorten the test window.`,
            ),
          );
        }
      }
      if (deduplication !== undefined && deduplication > 0 && interval !== undefined && deduplication < interval) {
        ctx.report(
          warning(
            'periods/deduplication-shorter-than-interval',
            doc.spanAt(['periods', 'deduplication']),
            `Deduplication (${periods.deduplication}) is shorter than the schedule interval (${source.schedule.interval}), so it suppresses nothing: the next run starts after it ends. Use at least ${source.schedule.interval}, or remove it.`,
          ),
        );
      }
    }
  },
};
