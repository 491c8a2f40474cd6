// The bounds detc puts on a rule's numbers (compiler/checks/duration-bounds.ts, the schema's
// integer maximum), applied to what a Sigma rule asks for: an imported rule must always
// validate, so a window or a count beyond them is refused, with the reason, instead of being
// written into a rule that then fails `detc validate`.

import { durationSeconds } from '../../compiler/lower/duration.ts';

const MAX_WINDOW_SECONDS = 366 * 86_400;
const MAX_COUNT = 2_147_483_647;

/** Why a Sigma `timeframe` / `timespan` cannot be a detc window (periods.test, schedule.lookback), or undefined. */
export function windowProblem(value: unknown, key: 'timeframe' | 'timespan'): string | undefined {
  const text = String(value ?? '');
  const seconds = /^[1-9]\d*[smhd]$/.test(text) ? durationSeconds(text) : undefined;
  if (seconds === undefined) return `${key} ${JSON.stringify(value)} is not a duration detc supports (a number and s, m, h or d), such as 10m, 1h or 2d.`;
  if (seconds > MAX_WINDOW_SECONDS) return `${key} ${text} is longer than 366 days, the longest window (periods.test, schedule.lookback) a detc rule may have.`;
  return undefined;
}

/** Why "at least `value`" cannot be a detc threshold value (a whole number from 1 to 2147483647), or undefined. */
export function countProblem(value: unknown, condition: string): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= MAX_COUNT) return undefined;
  return `${condition} is not "at least N" for a whole N from 1 to ${MAX_COUNT}, the thresholds a detc rule may have.`;
}
