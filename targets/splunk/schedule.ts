// Schedule → cron_schedule and dispatch window.
//
// A search that runs every `interval` looks at [now - (lookback + delay), now - delay], both
// snapped to the minute (`@m`) so that consecutive runs tile time without gaps when
// lookback = interval. Cron can only express intervals that divide an hour (every N minutes) or
// a day (every N hours); any other interval is refused with a diagnostic.

import type { Duration } from '../../compiler/ir.ts';

export function cronSchedule(interval: Duration): string | undefined {
  const seconds = interval.seconds;
  if (seconds <= 0 || seconds % 60 !== 0) return undefined;
  const minutes = seconds / 60;
  if (minutes < 60) return 60 % minutes === 0 ? (minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`) : undefined;
  if (minutes % 60 !== 0) return undefined;
  const hours = minutes / 60;
  if (hours < 24) return 24 % hours === 0 ? (hours === 1 ? '0 * * * *' : `0 */${hours} * * *`) : undefined;
  return hours === 24 ? '0 0 * * *' : undefined;
}

/** A relative time `seconds` ago: `-70m@m` for whole minutes, `-90s` otherwise, `now` for 0. */
export function relativeTime(seconds: number): string {
  if (seconds === 0) return 'now';
  return seconds % 60 === 0 ? `-${seconds / 60}m@m` : `-${seconds}s`;
}
