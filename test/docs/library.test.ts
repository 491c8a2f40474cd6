// The docs target on the shipped rule library (rules/, compiled by the real pipeline), with the
// queries of the Splunk and Elastic targets as `detc build` passes them.

import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compileFixture } from '../support/compile.ts';
import { brokenLinks, emitDocsFiles, queriesOfEarlierTargets } from './emit.ts';

describe('the shipped library as documentation', async () => {
  const library = await compileFixture('rules');
  const queries = await queriesOfEarlierTargets(library);
  const files = await emitDocsFiles(library, queries);
  const bases = library.rules.filter((r) => !r.variationOf);

  it('writes one Markdown and one HTML page per base rule', () => {
    expect([...files.keys()].filter((p) => /^docs\/md\/.+\.md$/.test(p) && !p.endsWith('/index.md'))).toHaveLength(bases.length);
    expect([...files.keys()].filter((p) => p.startsWith('docs/site/rules/'))).toHaveLength(bases.length);
  });

  it('shows every rule in the index and every variation on its base page', () => {
    const index = files.get('docs/site/index.html') ?? '';
    for (const rule of library.rules) expect(index, rule.name).toContain(`data-rule="${rule.id}"`);
    for (const rule of library.rules.filter((r) => r.variationOf)) {
      const base = library.rules.find((r) => r.id === rule.variationOf?.id)!;
      const page = [...files].find(([path, html]) => path.startsWith('docs/site/rules/') && squash(html).includes(`<h1 data-section="title">${squash(escape(base.name))}</h1>`));
      expect(page, base.name).toBeDefined();
      expect(squash(page![1]), rule.name).toContain(`<h3>${squash(escape(rule.name))}<span class="severity`);
    }
  });

  it('shows each compiled query on the rule page', () => {
    const pages = [...files].filter(([path]) => path.startsWith('docs/site/rules/')).map(([, html]) => html).join('\n');
    const shown = [...queries.values()].flatMap((byRule) => [...byRule.values()]);
    expect(shown.length).toBeGreaterThan(0);
    for (const query of shown) expect(pages).toContain(escape(query.text.split('\n')[0]!));
  });

  it('has no broken or absolute links', () => {
    expect(brokenLinks(files)).toEqual([]);
  });
});

const escape = (text: string) => Handlebars.Utils.escapeExpression(text);
/** Prettier may wrap an element's text; compare with whitespace runs squashed and trimmed inside tags. */
const squash = (html: string) => html.replace(/\s+/g, ' ').replace(/> /g, '>').replace(/ </g, '<');
