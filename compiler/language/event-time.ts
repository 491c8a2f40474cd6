// A test event's `_time`: the one reading of it, for the test-event check and the evaluator.
//
// `_time` is an RFC 3339 date-time WITH its UTC offset: `2026-03-08T01:55:00Z`,
// `2026-03-08T01:55:00-05:00` (also `-0500`), seconds and a fraction optional. A time without an
// offset is refused rather than read in some zone: JavaScript's Date.parse reads
// `2026-03-08T01:55:00` as local time, so a threshold test could pass under one TZ and fail
// under another (around a daylight-saving change, two events ten minutes apart in New York are
// seventy minutes apart in UTC). The arithmetic here never consults the local zone.

export type EventTimeReading =
  | { readonly ok: true; readonly ms: number }
  /** `without-offset`: a date or date-time that names no offset; `invalid`: not a date-time at all. */
  | { readonly ok: false; readonly problem: 'without-offset' | 'invalid'; readonly reason: string; readonly suggestion?: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function readEventTime(value: unknown): EventTimeReading {
  if (typeof value !== 'string') return invalid(`${JSON.stringify(value) ?? String(value)} is not a date-time in quotes`);
  const match = DATE_TIME.exec(value);
  if (!match) return invalid(`${JSON.stringify(value)} is not an RFC 3339 date-time`);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const fields = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0) };
  // setUTC* (unlike Date.UTC, which reads years 0–99 as 19xx) rolls over a field out of range
  // (month 13, 30 February, hour 24), so such a field does not round-trip.
  const back = new Date(0);
  back.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  back.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  const local = back.getTime();
  if (
    back.getUTCFullYear() !== fields.year ||
    back.getUTCMonth() !== fields.month - 1 ||
    back.getUTCDate() !== fields.day ||
    back.getUTCHours() !== fields.hour ||
    back.getUTCMinutes() !== fields.minute ||
    back.getUTCSeconds() !== fields.second
  ) {
    return invalid(`${JSON.stringify(value)} is not a date-time that exists`);
  }
  if (offset === undefined) {
    const written = hour === undefined ? `${value}T00:00:00` : second === undefined ? `${value}:00` : value;
    return {
      ok: false,
      problem: 'without-offset',
      reason: `${JSON.stringify(value)} has no UTC offset, so it would be read in the time zone of whoever runs the tests`,
      suggestion: `${written}Z`,
    };
  }
  const offsetMinutes = offset === 'Z' ? 0 : offsetOf(offset);
  if (offsetMinutes === undefined) return invalid(`${JSON.stringify(value)} has an offset out of range (at most ±23:59)`);
  const milliseconds = Number(`${(fraction ?? '.').slice(1)}000`.slice(0, 3)); // digits beyond ms are dropped
  const ms = local + milliseconds - offsetMinutes * 60_000;
  return { ok: true, ms };
}

/** Milliseconds since the epoch of a valid `_time`, or undefined (a check reports the rest). */
export function eventTimeMs(value: unknown): number | undefined {
  const reading = readEventTime(value);
  return reading.ok ? reading.ms : undefined;
}

function offsetOf(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

function invalid(reason: string): EventTimeReading {
  return { ok: false, problem: 'invalid', reason };
}
