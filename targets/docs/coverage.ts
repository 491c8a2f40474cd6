// ATT&CK coverage: which rules cover which (tactic, technique) pair. The matrix page, the tactic
// pages and the Navigator layer all count from here, so they agree with each other.

import type { Library, Rule } from '../../compiler/ir.ts';

/** `${tacticShortname} ${techniqueId}` → the rules mapping that technique under that tactic (every rule and variation, by id). */
export type Coverage = ReadonlyMap<string, readonly Rule[]>;

export function coverageKey(tacticShortname: string, techniqueId: string): string {
  return `${tacticShortname} ${techniqueId}`;
}

export function buildCoverage(library: Library): Coverage {
  const coverage = new Map<string, Rule[]>();
  for (const rule of library.rules) {
    for (const mapping of rule.attack) {
      for (const technique of mapping.techniques) {
        const key = coverageKey(mapping.tactic.shortname, technique.id);
        const rules = coverage.get(key) ?? [];
        if (!rules.includes(rule)) rules.push(rule);
        coverage.set(key, rules);
      }
    }
  }
  return coverage;
}

/** Rules covering a tactic through any technique. */
export function rulesForTactic(library: Library, tacticShortname: string): Rule[] {
  return library.rules.filter((rule) => rule.attack.some((m) => m.tactic.shortname === tacticShortname));
}

/** Shade level of a cell: 0 (none), 1, 2, 3 (3–4 rules), 4 (5 or more). */
export function coverageLevel(count: number): number {
  return count <= 0 ? 0 : count === 1 ? 1 : count === 2 ? 2 : count <= 4 ? 3 : 4;
}
