import { describe, expect, it } from 'vitest';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { cronSchedule, relativeTime } from '../../targets/splunk/schedule.ts';
import { library, minutes, span, suspiciousImagePulling } from './fixtures.ts';

const duration = (seconds: number) => ({ kind: 'duration' as const, text: `${seconds}s`, seconds, span: span() });

describe('schedule', () => {
  it.each([
    [60, '* * * * *'],
    [300, '*/5 * * * *'],
    [900, '*/15 * * * *'],
    [1800, '*/30 * * * *'],
    [3600, '0 * * * *'],
    [7200, '0 */2 * * *'],
    [21600, '0 */6 * * *'],
    [86400, '0 0 * * *'],
  ])('every %is is cron %s', (seconds, cron) => {
    expect(cronSchedule(duration(seconds))).toBe(cron);
  });

  it.each([[90], [420], [2700], [5400], [18000], [172800]])('every %is has no cron form', (seconds) => {
    expect(cronSchedule(duration(seconds))).toBeUndefined();
  });

  it('relative times snap to the minute', () => {
    expect(relativeTime(70 * 60)).toBe('-70m@m');
    expect(relativeTime(0)).toBe('now');
    expect(relativeTime(90)).toBe('-90s');
  });

  it('warns when each run reads less than an interval, at the window', () => {
    const rule = { ...suspiciousImagePulling, schedule: { interval: minutes(15), lookback: { ...minutes(5), span: span(31, 40) }, delay: minutes(0) } };
    const result = emitSplunk(library([rule]));
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.span.start.line, d.span.start.column])).toEqual([['splunk/window-gap', 'warning', 31, 40]]);
  });

  it('refuses an interval cron cannot express, at the interval', () => {
    const rule = { ...suspiciousImagePulling, schedule: { interval: { ...minutes(7), span: span(30, 23) }, lookback: minutes(7), delay: minutes(0) } };
    const result = emitSplunk(library([rule]));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'splunk/unsupported-interval', severity: 'error', span: expect.objectContaining({ start: expect.objectContaining({ line: 30, column: 23 }) }) }),
    ]);
    expect((result.files.find((f) => f.path.endsWith('savedsearches.conf'))!.contents as string)).not.toContain('[detc - Kubernetes');
  });
});
