// Durations in words, the way Cortex's reference pages print them ("14 Days", "1 Day", "10 Minutes").
// The largest unit that divides the duration exactly wins, so 36h stays "36 Hours" rather than "1.5 Days".

import type { Duration, Periods } from '../../compiler/ir.ts';

const units: readonly { readonly seconds: number; readonly one: string; readonly many: string }[] = [
  { seconds: 86_400, one: 'Day', many: 'Days' },
  { seconds: 3_600, one: 'Hour', many: 'Hours' },
  { seconds: 60, one: 'Minute', many: 'Minutes' },
  { seconds: 1, one: 'Second', many: 'Seconds' },
];

export function durationInWords(seconds: number): string {
  for (const unit of units) {
    if (seconds >= unit.seconds && seconds % unit.seconds === 0) {
      const count = seconds / unit.seconds;
      return `${count} ${count === 1 ? unit.one : unit.many}`;
    }
  }
  return `${seconds} Seconds`;
}

/** Cortex's wording for the test period: a window, or "N/A (single event)" for single-event rules. */
export function testPeriodInWords(test: Periods['test']): string {
  return test === 'single-event' ? 'N/A (single event)' : durationInWords(test.seconds);
}

export function optionalDuration(duration: Duration | undefined): string | undefined {
  return duration === undefined ? undefined : durationInWords(duration.seconds);
}
