// Pages that group rules: one per ATT&CK tactic (plus the "library by tactic" index) and one per
// data source (its fields and the rules that read it).

import type { DataSource, Library } from '../../compiler/ir.ts';
import { buildCoverage, coverageKey } from './coverage.ts';
import { techniqueName } from './labels.ts';
import { buildRulesIndex, compare, type IndexRow } from './rules-index.ts';
import { inlineCode, type Inline } from './inline-code.ts';
import { slugify } from './slugs.ts';

export interface TacticPage {
  readonly id: string;
  readonly name: string;
  readonly shortname: string;
  readonly url: string;
  readonly ruleCount: number;
  readonly rows: readonly IndexRow[];
  readonly techniques: readonly { readonly id: string; readonly name: string; readonly url: string; readonly count: number }[];
}

export function buildTacticPages(library: Library, slugs: ReadonlyMap<string, string>): TacticPage[] {
  const { rows } = buildRulesIndex(library, slugs);
  const coverage = buildCoverage(library);
  return library.attack.tactics.map((tactic) => {
    const tacticRows = rows.filter((row) => row.tactics.some((t) => t.shortname === tactic.shortname));
    const techniques = library.attack.techniques
      .filter((t) => t.tactics.includes(tactic.shortname))
      .map((t) => ({ id: t.id, name: techniqueName(t), url: t.url, count: coverage.get(coverageKey(tactic.shortname, t.id))?.length ?? 0 }))
      .filter((t) => t.count > 0)
      .sort((a, b) => compare(a.id, b.id));
    return { id: tactic.id, name: tactic.name, shortname: tactic.shortname, url: tactic.url, ruleCount: tacticRows.length, rows: tacticRows, techniques };
  });
}

export interface DataSourcePage {
  readonly slug: string;
  readonly name: string;
  readonly title: string;
  readonly description: readonly Inline[];
  readonly provenance: readonly Inline[];
  readonly splunk: { readonly macro: string; readonly definition: string };
  readonly elastic: { readonly index: string; readonly filter: string; readonly integrations: string };
  readonly fields: readonly {
    readonly name: string;
    readonly type: string;
    readonly multiValue: boolean;
    readonly lowercase: boolean;
    readonly splunk: string;
    readonly elastic: string;
    readonly description: readonly Inline[];
  }[];
  readonly rows: readonly IndexRow[];
}

export function dataSourceSlugs(dataSources: readonly DataSource[]): ReadonlyMap<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const source of dataSources) {
    let slug = slugify(source.name) || 'data-source';
    for (let n = 2; taken.has(slug); n++) slug = `${slugify(source.name) || 'data-source'}-${n}`;
    taken.add(slug);
    slugs.set(source.name, slug);
  }
  return slugs;
}

export function buildDataSourcePages(
  library: Library,
  slugs: ReadonlyMap<string, string>,
  sourceSlugs: ReadonlyMap<string, string>,
): DataSourcePage[] {
  const { rows } = buildRulesIndex(library, slugs);
  return library.dataSources.map((source) => ({
    slug: sourceSlugs.get(source.name) ?? source.name,
    name: source.name,
    title: source.title,
    description: inlineCode(source.description),
    provenance: inlineCode(source.provenance),
    splunk: source.splunk,
    elastic: {
      index: source.elastic.index.join(', '),
      filter: source.elastic.filter,
      integrations: source.elastic.integrations.map((i) => `${i.package} ${i.version}`).join(', '),
    },
    fields: [...source.fields.values()]
      .sort((a, b) => compare(a.name, b.name))
      .map((f) => ({
        name: f.name,
        type: f.type,
        multiValue: f.multiValue,
        lowercase: f.lowercase,
        splunk: f.splunk,
        elastic: f.elastic,
        description: inlineCode(f.description),
      })),
    rows: rows.filter((row) => row.dataSource === source.name),
  }));
}
