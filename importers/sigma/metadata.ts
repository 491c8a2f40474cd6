// Sigma rule metadata → detc rule metadata: status, level → severity and risk score, dates,
// and the text fields whose shapes differ.

import type { RuleSource } from '../../compiler/load/source-types.ts';

/**
 * Sigma statuses → ours. `unsupported` (the rule cannot run as written, e.g. it needs a
 * correlation engine) becomes experimental with a warning: it is not retired, just unproven.
 */
export const STATUS_MAP: Readonly<Record<string, RuleSource['status']>> = {
  stable: 'stable',
  test: 'test',
  experimental: 'experimental',
  deprecated: 'deprecated',
  unsupported: 'experimental',
};

/** Risk score by level, the defaults Elastic uses for each severity (informational gets a low 15). */
export const RISK_BY_LEVEL: Readonly<Record<RuleSource['severity'], number>> = {
  informational: 15,
  low: 21,
  medium: 47,
  high: 73,
  critical: 99,
};

const LEVELS = new Set<string>(['informational', 'low', 'medium', 'high', 'critical']);

export function severityOf(level: unknown, warnings: string[]): RuleSource['severity'] {
  if (typeof level === 'string' && LEVELS.has(level)) return level as RuleSource['severity'];
  warnings.push(`level ${level === undefined ? 'is missing' : `${JSON.stringify(level)} is not a Sigma level`}; severity set to medium.`);
  return 'medium';
}

export function statusOf(status: unknown, warnings: string[]): RuleSource['status'] {
  const mapped = typeof status === 'string' ? STATUS_MAP[status] : undefined;
  if (status === 'unsupported') warnings.push('status `unsupported` (the rule needs more than a query to run) imported as experimental.');
  if (mapped) return mapped;
  if (status !== undefined) warnings.push(`status ${JSON.stringify(status)} is not a Sigma status; imported as experimental.`);
  return 'experimental';
}

/** Sigma dates are YYYY-MM-DD (older rules: YYYY/MM/DD); anything else is dropped with a warning. */
export function dateOf(value: unknown, key: string, warnings: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).replaceAll('/', '-');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) return text;
  warnings.push(`${key} ${JSON.stringify(value)} is not a date (YYYY-MM-DD); dropped.`);
  return undefined;
}

/** Text lists (falsepositives, references): non-empty strings only. */
export function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map((v) => (v === null || v === undefined ? '' : cleanText(String(v)).trim())).filter((v) => v !== '');
}

/** A reference as an RFC 3986 URL: characters URLs may not hold raw (`[`, `]` outside the host, `|`, …) percent-encoded. */
export function urlOf(text: string): string | undefined {
  if (!isUrl(text)) return undefined;
  const url = new URL(text);
  const host = `${url.protocol}//${url.host}`;
  const rest = text.slice(text.indexOf(url.host) + url.host.length);
  return host + rest.replace(/[\[\]|{}^`"<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function isUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// Characters no rule text should carry: C0 controls other than tab and newline, DEL, C1
// controls, and the bidirectional controls that make text display in another order than it
// reads (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069). detc reports them in rules; an
// imported rule must validate, so the importer leaves them out.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Multi-line text (descriptions): invisible characters removed, line separators as newlines. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE, '');
}

/** One-line text (titles): invisible characters removed, any run of whitespace one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}
