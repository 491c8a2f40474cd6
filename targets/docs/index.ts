// The documentation target: Cortex-XDR-style reference pages as Markdown (docs/md/) and a static
// site (docs/site/) with a searchable rule index, an ATT&CK coverage matrix, and pages per tactic
// and per data source. Pure: the IR and the other targets' queries in, files out.

import { readFileSync } from 'node:fs';
import type { Library } from '../../compiler/ir.ts';
import { packageUrl } from '../../compiler/package-files.ts';
import type { EmitContext, EmitResult, OutputFile, Target } from '../target.ts';
import { buildMatrix } from './matrix.ts';
import { renderHtml, renderMarkdown } from './render.ts';
import { buildRulePage, type PageContext } from './rule-page.ts';
import { buildRulesIndex, compare } from './rules-index.ts';
import { buildDataSourcePages, buildTacticPages, dataSourceSlugs } from './section-pages.ts';
import { assignSlugs } from './slugs.ts';

const asset = (name: string) => readFileSync(packageUrl(`targets/docs/assets/${name}`), 'utf8');

export interface SiteInfo {
  readonly title: string;
  readonly copyright: string;
  readonly attackVersion: string;
  readonly ruleCount: number;
}

export function siteInfo(library: Library): SiteInfo {
  const title = library.config.docs['title'];
  return {
    title: typeof title === 'string' && title.length > 0 ? title : 'Detection rules',
    copyright: library.attack.copyright,
    attackVersion: library.attack.version,
    ruleCount: library.rules.length,
  };
}

/** The page context every rule page needs: slugs and the queries of the targets built before docs. */
export function pageContext(library: Library, context: EmitContext): PageContext {
  const queries = context.targets.flatMap((name) => {
    const byRule = context.queries.get(name);
    return byRule ? [[name, byRule] as const] : [];
  });
  return { slugs: assignSlugs(library.rules), dataSourceSlugs: dataSourceSlugs(library.dataSources), queries };
}

export function emitDocs(library: Library, context: EmitContext): EmitResult {
  const site = siteInfo(library);
  const pages = pageContext(library, context);
  const files: OutputFile[] = [];
  const html = (path: string, template: string, root: string, kind: string, title: string, data: object) =>
    files.push({ path: `docs/site/${path}`, contents: renderHtml(template, { ...data, root, kind, title, site }), prettier: 'html' });

  const index = buildRulesIndex(library, pages.slugs);
  html('index.html', 'index', '', 'index', 'Rules', index);

  for (const rule of library.rules.filter((r) => !r.variationOf)) {
    const page = buildRulePage(rule, pages);
    html(`rules/${page.slug}.html`, 'rule', '../', 'rule', page.name, { page });
    files.push({ path: `docs/md/${page.slug}.md`, contents: renderMarkdown('rule', { page, site }), prettier: 'markdown' });
  }

  const mdRows = index.rows.map((row) => ({ ...row, mdPath: row.sitePath.replace(/^rules\//, '').replace(/\.html(#.*)?$/, '.md') }));
  files.push({ path: 'docs/md/index.md', contents: renderMarkdown('index', { rows: mdRows, site }), prettier: 'markdown' });

  html('matrix.html', 'matrix', '', 'matrix', 'ATT&CK coverage', { matrix: buildMatrix(library, pages.slugs) });

  const tactics = buildTacticPages(library, pages.slugs);
  html('tactics/index.html', 'tactics-index', '../', 'tactics', 'The library by tactic', { tactics });
  for (const tactic of tactics) html(`tactics/${tactic.shortname}.html`, 'tactic', '../', 'tactics', tactic.name, { tactic });

  const sources = buildDataSourcePages(library, pages.slugs, pages.dataSourceSlugs);
  html('data-sources/index.html', 'data-sources-index', '../', 'data-sources', 'Data sources', { sources });
  for (const source of sources) html(`data-sources/${source.slug}.html`, 'data-source', '../', 'data-sources', source.title, { source });

  files.push({ path: 'docs/site/assets/style.css', contents: asset('style.css'), prettier: 'css' });
  files.push({ path: 'docs/site/assets/site.js', contents: asset('site.js'), prettier: 'babel' });
  files.push({ path: 'docs/site/assets/favicon.svg', contents: asset('favicon.svg') });

  return { files: files.sort((a, b) => compare(a.path, b.path)), diagnostics: [] };
}

export const docsTarget: Target = {
  name: 'docs',
  description: 'Cortex-style reference pages (Markdown and HTML) and a static site with an ATT&CK coverage matrix',
  emit: emitDocs,
};
