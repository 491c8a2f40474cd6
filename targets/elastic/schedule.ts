// Schedule and periods as Kibana date math.
//
// A rule's schedule says: run every `interval`, each run searching the last `lookback` (at least
// the interval, a check makes sure), ending `delay` ago. So a run covers
// [now - (lookback + delay), now - delay]:
// - interval 5m, lookback 6m → `interval: 5m`, `from: now-6m` (the extra minute overlaps the
//   previous run so that late-indexed events at the boundary are not missed; Kibana does not
//   alert twice on one event);
// - `delay` shifts the whole window back, for sources whose events arrive late: `to: now-<delay>`
//   (omitted when there is no delay; Kibana's default is `now`).
// Threshold rules count events within `periods.test`, so their window is that long instead:
// `from: now-<test + delay>`.

import type { Duration, Rule } from '../../compiler/ir.ts';

export interface RuleWindow {
  readonly interval: string;
  readonly from: string;
  readonly to?: string;
}

export function ruleWindow(rule: Rule): RuleWindow {
  const { interval, lookback, delay } = rule.schedule;
  const span =
    rule.detection.type === 'threshold' && rule.periods.test !== 'single-event'
      ? rule.periods.test.seconds
      : lookback.seconds;
  return {
    interval: durationText(interval.seconds),
    from: `now-${durationText(span + delay.seconds)}`,
    ...(delay.seconds > 0 ? { to: `now-${durationText(delay.seconds)}` } : {}),
  };
}

/** `now-<training>` for new_terms rules. */
export function historyWindowStart(training: Duration): string {
  return `now-${durationText(training.seconds)}`;
}

const UNITS = [
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
] as const;

/** Seconds in the largest unit that divides them exactly: 360 → `6m`, 86400 → `1d`, 90 → `90s`. */
export function durationText(seconds: number, units: readonly (readonly [string, number])[] = UNITS): string {
  for (const [unit, size] of units) {
    if (seconds > 0 && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Kibana's alert suppression accepts only s, m and h: 1d → `{ value: 24, unit: 'h' }`. */
export function suppressionDuration(seconds: number): { value: number; unit: 's' | 'm' | 'h' } {
  for (const [unit, size] of [['h', 3600], ['m', 60]] as const) {
    if (seconds % size === 0) return { value: seconds / size, unit };
  }
  return { value: Math.max(1, seconds), unit: 's' };
}
