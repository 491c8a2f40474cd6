// The ATT&CK matrix page model: the Enterprise tactics as columns in matrix order, each with its
// techniques (by name, as ATT&CK shows them). A parent technique counts the rules that cover it or
// any of its sub-techniques, and says how many come through sub-techniques; covered sub-techniques
// are listed under their parent with their own counts.

import type { AttackCatalogInfo, Library, Rule } from '../../compiler/ir.ts';
import { buildCoverage, coverageKey, coverageLevel, type Coverage } from './coverage.ts';
import { severityLabel } from './labels.ts';
import { compare, rulePagePath } from './rules-index.ts';

export interface RuleLink {
  readonly name: string;
  readonly sitePath: string;
  readonly severity: string;
  readonly severityLabel: string;
}

export interface SubtechniqueCell {
  readonly anchor: string;
  readonly id: string;
  readonly name: string;
  readonly count: number;
  readonly level: number;
}

export interface TechniqueCell {
  readonly anchor: string;
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** Distinct rules covering the technique directly or through a sub-technique. */
  readonly count: number;
  readonly countLabel: string;
  /** Rules that reach the technique only through a sub-technique. */
  readonly viaSubtechniques: number;
  readonly level: number;
  readonly subtechniques: readonly SubtechniqueCell[];
  readonly subtechniqueTotal: number;
}

export interface MatrixColumn {
  readonly id: string;
  readonly name: string;
  readonly shortname: string;
  readonly url: string;
  readonly covered: number;
  readonly techniques: readonly TechniqueCell[];
}

/** The list a click on a covered cell shows (a `:target` section of the page). */
export interface CoveragePanel {
  readonly anchor: string;
  readonly title: string;
  readonly tactic: string;
  readonly url: string;
  readonly rules: readonly RuleLink[];
}

export interface Matrix {
  readonly columns: readonly MatrixColumn[];
  readonly panels: readonly CoveragePanel[];
  readonly coveredTechniques: number;
  readonly totalTechniques: number;
}

type CatalogTechnique = AttackCatalogInfo['techniques'][number];

export function buildMatrix(library: Library, slugs: ReadonlyMap<string, string>): Matrix {
  const coverage = buildCoverage(library);
  const link = (rule: Rule): RuleLink => ({
    name: rule.name,
    sitePath: rulePagePath(rule, slugs),
    severity: rule.severity,
    severityLabel: severityLabel(rule.severity),
  });
  const panels: CoveragePanel[] = [];
  const subsByParent = new Map<string, CatalogTechnique[]>();
  for (const t of library.attack.techniques) {
    if (t.isSubtechnique && t.parent) subsByParent.set(t.parent.id, [...(subsByParent.get(t.parent.id) ?? []), t]);
  }
  let coveredTechniques = 0;
  const counted = new Set<string>();
  const columns = library.attack.tactics.map((tactic): MatrixColumn => {
    const parents = library.attack.techniques
      .filter((t) => !t.isSubtechnique && t.tactics.includes(tactic.shortname))
      .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    const techniques = parents.map((parent): TechniqueCell => {
      const direct = rulesAt(coverage, tactic.shortname, parent.id);
      const subs = (subsByParent.get(parent.id) ?? []).filter((s) => s.tactics.includes(tactic.shortname));
      const subCells: SubtechniqueCell[] = [];
      const all = new Set<Rule>(direct);
      for (const sub of subs) {
        const rules = rulesAt(coverage, tactic.shortname, sub.id);
        if (rules.length === 0) continue;
        rules.forEach((r) => all.add(r));
        const anchor = anchorFor(tactic.shortname, sub.id);
        subCells.push({ anchor, id: sub.id, name: sub.name, count: rules.length, level: coverageLevel(rules.length) });
        panels.push({ anchor, title: `${parent.name}: ${sub.name} (${sub.id})`, tactic: tactic.name, url: sub.url, rules: sortRules(rules).map(link) });
      }
      const count = all.size;
      const anchor = anchorFor(tactic.shortname, parent.id);
      if (count > 0) {
        panels.push({ anchor, title: `${parent.name} (${parent.id})`, tactic: tactic.name, url: parent.url, rules: sortRules([...all]).map(link) });
        if (!counted.has(parent.id)) {
          counted.add(parent.id);
          coveredTechniques++;
        }
      }
      return {
        anchor,
        id: parent.id,
        name: parent.name,
        url: parent.url,
        count,
        countLabel: count === 1 ? '1 rule' : `${count} rules`,
        viaSubtechniques: count - direct.length,
        level: coverageLevel(count),
        subtechniques: subCells,
        subtechniqueTotal: subs.length,
      };
    });
    return {
      id: tactic.id,
      name: tactic.name,
      shortname: tactic.shortname,
      url: tactic.url,
      covered: techniques.filter((t) => t.count > 0).length,
      techniques,
    };
  });
  const totalTechniques = library.attack.techniques.filter((t) => !t.isSubtechnique).length;
  return { columns, panels, coveredTechniques, totalTechniques };
}

function rulesAt(coverage: Coverage, tactic: string, techniqueId: string): readonly Rule[] {
  return coverage.get(coverageKey(tactic, techniqueId)) ?? [];
}

function sortRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
}

/** A fragment id for a (tactic, technique) cell, e.g. `cov-execution-T1204-003`. */
export function anchorFor(tactic: string, techniqueId: string): string {
  return `cov-${tactic}-${techniqueId.replace('.', '-')}`;
}
