// The site's index: one row per rule and variation, with what the client-side search and filters
// need carried in the row itself (data attributes), so the page works from file:// without fetching.

import type { Library, Rule } from '../../compiler/ir.ts';
import { fieldsUsed } from './fields-used.ts';
import { detectionTypeLabel, severityLabel, severityOrder, tacticLabel, techniqueName } from './labels.ts';
import { distinctTactics, distinctTechniques } from './rule-page.ts';

export interface IndexRow {
  readonly id: string;
  readonly name: string;
  /** From the site root: the base rule's page, with the variation's anchor for a variation. */
  readonly sitePath: string;
  readonly variationOf?: string;
  readonly severity: string;
  readonly severityLabel: string;
  readonly severityRank: number;
  readonly tactics: readonly { readonly id: string; readonly name: string; readonly shortname: string }[];
  readonly tacticIds: string;
  readonly techniques: readonly { readonly id: string; readonly name: string }[];
  readonly dataSource: string;
  readonly dataSourceTitle: string;
  readonly type: string;
  readonly typeLabel: string;
  readonly status: string;
  /** Lower-case text the search box matches: name, description, technique ids and names, fields. */
  readonly search: string;
}

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface Filter {
  readonly name: string;
  readonly label: string;
  readonly options: readonly FilterOption[];
}

export interface RulesIndex {
  readonly rows: readonly IndexRow[];
  readonly filters: readonly Filter[];
}

export function rulePagePath(rule: Rule, slugs: ReadonlyMap<string, string>): string {
  if (rule.variationOf) {
    return `rules/${slugs.get(rule.variationOf.id) ?? rule.variationOf.id}.html#${slugs.get(rule.id) ?? rule.id}`;
  }
  return `rules/${slugs.get(rule.id) ?? rule.id}.html`;
}

export function indexRow(rule: Rule, slugs: ReadonlyMap<string, string>): IndexRow {
  const tactics = distinctTactics(rule);
  const techniques = distinctTechniques(rule);
  const fields = fieldsUsed(rule);
  const search = [
    rule.name,
    rule.description,
    ...techniques.flatMap((t) => [t.id, techniqueName(t)]),
    ...tactics.map(tacticLabel),
    ...fields.flatMap((f) => [f.name, f.splunk, f.elastic]),
  ]
    .join(' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return {
    id: rule.id,
    name: rule.name,
    sitePath: rulePagePath(rule, slugs),
    ...(rule.variationOf ? { variationOf: rule.variationOf.name } : {}),
    severity: rule.severity,
    severityLabel: severityLabel(rule.severity),
    severityRank: severityOrder.indexOf(rule.severity),
    tactics: tactics.map((t) => ({ id: t.id, name: t.name, shortname: t.shortname })),
    tacticIds: tactics.map((t) => t.shortname).join(' '),
    techniques: techniques.map((t) => ({ id: t.id, name: techniqueName(t) })),
    dataSource: rule.dataSource.name,
    dataSourceTitle: rule.dataSource.title,
    type: rule.detection.type,
    typeLabel: detectionTypeLabel(rule.detection.type),
    status: rule.status,
    search,
  };
}

/** Rows by severity (critical first), then name, then id; filters list only values that occur. */
export function buildRulesIndex(library: Library, slugs: ReadonlyMap<string, string>): RulesIndex {
  const rows = library.rules
    .map((rule) => indexRow(rule, slugs))
    .sort((a, b) => a.severityRank - b.severityRank || compare(a.name, b.name) || compare(a.id, b.id));
  const present = (pick: (row: IndexRow) => readonly string[]) => new Set(rows.flatMap(pick));
  const tactics = present((r) => r.tactics.map((t) => t.shortname));
  const severities = present((r) => [r.severity]);
  const types = present((r) => [r.type]);
  const statuses = present((r) => [r.status]);
  const dataSources = present((r) => [r.dataSource]);
  const filters: Filter[] = [
    {
      name: 'tactic',
      label: 'Tactic',
      options: library.attack.tactics.filter((t) => tactics.has(t.shortname)).map((t) => ({ value: t.shortname, label: t.name })),
    },
    {
      name: 'severity',
      label: 'Severity',
      options: severityOrder.filter((s) => severities.has(s)).map((s) => ({ value: s, label: severityLabel(s) })),
    },
    {
      name: 'source',
      label: 'Data source',
      options: library.dataSources.filter((d) => dataSources.has(d.name)).map((d) => ({ value: d.name, label: d.title })),
    },
    {
      name: 'type',
      label: 'Type',
      options: (['query', 'new_terms', 'threshold'] as const)
        .filter((t) => types.has(t))
        .map((t) => ({ value: t, label: detectionTypeLabel(t) })),
    },
    {
      name: 'status',
      label: 'Status',
      options: (['stable', 'test', 'experimental', 'deprecated'] as const)
        .filter((s) => statuses.has(s))
        .map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) })),
    },
  ];
  return { rows, filters };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
