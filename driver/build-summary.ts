// The honest build summary (docs/output.md, "The build summary"): per target, how many rules it
// emitted and how many it left out, by the code of the refusal. A target reports a refusal as an
// error diagnostic at the construct concerned; this finds which rule each belongs to.
//
//   elastic: 2843 rules emitted, 198 left out (elastic/text-field-unsupported 150, elastic/regex-unsupported 48)
//
// A rule left out for two reasons counts under both; reasons are listed most frequent first,
// then by code.

import type { Diagnostic, Span } from '../compiler/diagnostics.ts';
import type { Library, Rule } from '../compiler/ir.ts';
import type { TargetOutcome } from './emit-all-targets.ts';

export interface TargetSummary {
  readonly target: string;
  readonly emitted: number;
  readonly leftOut: number;
  /** Codes and how many left-out rules each accounts for. */
  readonly reasons: readonly (readonly [code: string, rules: number])[];
}

/** A left-out rule whose refusal names no place in its file or its data source's (a detc bug if ever seen). */
export const UNATTRIBUTED = 'unattributed';

export function summarizeTargets(library: Library, outcomes: readonly TargetOutcome[]): TargetSummary[] {
  const byId = new Map(library.rules.map((rule) => [rule.id, rule] as const));
  return outcomes.map((outcome) => {
    const emitted = new Set(outcome.emitted);
    const leftOut = library.rules.filter((rule) => !emitted.has(rule.id));
    const counts = new Map<string, number>();
    for (const rule of leftOut) {
      for (const code of reasonsFor(rule, outcome.refusals, byId)) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const reasons = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { target: outcome.target, emitted: library.rules.length - leftOut.length, leftOut: leftOut.length, reasons };
  });
}

export function targetSummaryLine(summary: TargetSummary): string {
  const rules = `${summary.emitted} rule${summary.emitted === 1 ? '' : 's'} emitted, ${summary.leftOut} left out`;
  const reasons = summary.reasons.length > 0 ? ` (${summary.reasons.map(([code, n]) => `${code} ${n}`).join(', ')})` : '';
  return `${summary.target}: ${rules}${reasons}`;
}

/**
 * The codes of the refusals that concern a rule: those inside its own part of its file (a base
 * rule's file minus its variations' entries; a variation's entry plus what it inherits from the
 * base's part), else those in its data source's file.
 */
function reasonsFor(rule: Rule, refusals: readonly Diagnostic[], byId: ReadonlyMap<string, Rule>): Set<string> {
  const base = rule.variationOf ? byId.get(rule.variationOf.id) : rule;
  const inBasePart = (d: Diagnostic) =>
    base !== undefined && d.span.file === base.span.file && !base.variations.some((variation) => startsWithin(d, variation.span));
  const own = refusals.filter((d) => inBasePart(d) || (rule.variationOf !== undefined && startsWithin(d, rule.span)));
  const found = own.length > 0 ? own : refusals.filter((d) => d.span.file === rule.dataSource.span.file);
  return new Set(found.length > 0 ? found.map((d) => d.code) : [UNATTRIBUTED]);
}

function startsWithin(d: Diagnostic, span: Span): boolean {
  return d.span.file === span.file && d.span.start.offset >= span.start.offset && d.span.start.offset < span.end.offset;
}
