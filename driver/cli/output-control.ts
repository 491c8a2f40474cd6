// What the diagnostic-printing commands show: `--quiet` keeps errors only, and a warning code
// repeated across many places is printed a few times and then summarised by code at the end
// (an imported library can raise the same warning thousands of times). The exit code is decided
// from every diagnostic, never from what was shown.

import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { locationText } from './format-diagnostics.ts';

/** A warning code seen more often than this is summarised. */
export const REPEATED_WARNING_THRESHOLD = 10;
/** How many of a summarised code's warnings are still printed in full (and listed in its summary line). */
export const REPEATED_WARNING_SHOWN = 3;

export interface ShownDiagnostics {
  /** Printed in full, in their original order. */
  readonly shown: readonly Diagnostic[];
  /** One line per summarised warning code, sorted by code. */
  readonly summaries: readonly string[];
}

export function chooseShown(diagnostics: readonly Diagnostic[], options: { quiet: boolean }): ShownDiagnostics {
  const kept = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const warningsByCode = new Map<string, Diagnostic[]>();
  for (const d of kept) {
    if (d.severity !== 'warning') continue;
    const list = warningsByCode.get(d.code) ?? [];
    list.push(d);
    warningsByCode.set(d.code, list);
  }
  const hidden = new Set<Diagnostic>();
  const summaries: string[] = [];
  for (const [code, list] of [...warningsByCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (list.length <= REPEATED_WARNING_THRESHOLD) continue;
    for (const d of list.slice(REPEATED_WARNING_SHOWN)) hidden.add(d);
    const first = list.slice(0, REPEATED_WARNING_SHOWN).map((d) => locationText(d.span)).join(', ');
    summaries.push(`warning ${code}: ${list.length} in all, ${list.length - REPEATED_WARNING_SHOWN} not shown (first at ${first}); --format json lists every one`);
  }
  return { shown: kept.filter((d) => !hidden.has(d)), summaries };
}

/** Exit 1 when there are errors, or more warnings than `--max-warnings` allows. */
export function failsOn(diagnostics: readonly Diagnostic[], maxWarnings: number | undefined): boolean {
  if (diagnostics.some((d) => d.severity === 'error')) return true;
  return maxWarnings !== undefined && diagnostics.filter((d) => d.severity === 'warning').length > maxWarnings;
}
