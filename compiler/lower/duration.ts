// Durations are written `<number><unit>` with units s, m, h, d (the schema enforces the shape).

import type { Span } from '../diagnostics.ts';
import type { Duration } from '../ir.ts';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** Seconds in a duration text such as `10m`; undefined when the text is not a duration. */
export function durationSeconds(text: string): number | undefined {
  const match = /^([0-9]+)([smhd])$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

export function lowerDuration(text: string, span: Span): Duration {
  return { kind: 'duration', text, seconds: durationSeconds(text) ?? 0, span };
}
