import { describe, expect, it } from 'vitest';
import { readEventTime } from '../../compiler/language/event-time.ts';

describe('readEventTime', () => {
  it.each([
    ['2026-03-08T01:55:00Z', '2026-03-08T01:55:00.000Z'],
    ['2026-03-08T01:55:00-05:00', '2026-03-08T06:55:00.000Z'],
    ['2026-03-08T03:05:00-04:00', '2026-03-08T07:05:00.000Z'],
    ['2026-03-08T01:55:00+0530', '2026-03-07T20:25:00.000Z'],
    ['2026-03-08T01:55Z', '2026-03-08T01:55:00.000Z'],
    ['2024-02-29T23:59:59.9999Z', '2024-02-29T23:59:59.999Z'],
    ['2024-01-01T00:00:00.07+00:00', '2024-01-01T00:00:00.070Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('%s is %s, whatever the local zone', (text, utc) => {
    const reading = readEventTime(text);
    expect(reading.ok && new Date(reading.ms).toISOString()).toBe(utc);
  });

  it.each([
    ['2026-03-08T01:55:00', 'without-offset', '2026-03-08T01:55:00Z'],
    ['2026-03-08T01:55', 'without-offset', '2026-03-08T01:55:00Z'],
    ['2026-03-08', 'without-offset', '2026-03-08T00:00:00Z'],
    ['2023-02-29T00:00:00Z', 'invalid', undefined],
    ['2024-13-01T00:00:00Z', 'invalid', undefined],
    ['2024-01-01T00:60:00Z', 'invalid', undefined],
    ['2024-01-01T00:00:00+24:00', 'invalid', undefined],
    ['2024-01-01 00:00:00Z', 'invalid', undefined],
    ['2024-01-01T00:00:00z', 'invalid', undefined],
    ['Sun, 08 Mar 2026 01:55:00 GMT', 'invalid', undefined],
  ])('%s is refused (%s)', (text, problem, suggestion) => {
    expect(readEventTime(text)).toMatchObject({ ok: false, problem, ...(suggestion ? { suggestion } : {}) });
  });

  it.each([1772934900, null, true, { at: 'now' }])('%j is not a time', (value) => {
    expect(readEventTime(value)).toMatchObject({ ok: false, problem: 'invalid' });
  });
});
