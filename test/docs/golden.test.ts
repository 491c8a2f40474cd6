// Golden pages: the Markdown and HTML page of a rule with variations and of one without. The
// files under test/fixtures/docs/ are reviewed like code; `npx vitest run test/docs -u` rewrites them.

import { describe, expect, it } from 'vitest';
import { emitDocsFiles, fileAt } from './emit.ts';
import { exampleLibrary, exampleQueries } from './fixtures.ts';

const files = await emitDocsFiles(exampleLibrary, exampleQueries);

describe('golden rule pages', () => {
  const pages = [
    ['rule with variations', 'kubernetes-pod-creation-using-common-debug-or-base-images', 'rule-with-variations'],
    ['rule without variations', 'privileged-container-started', 'rule-without-variations'],
  ] as const;
  for (const [label, slug, golden] of pages) {
    it(`${label}: Markdown`, async () => {
      await expect(fileAt(files, `docs/md/${slug}.md`)).toMatchFileSnapshot(`../fixtures/docs/${golden}.md`);
    });
    it(`${label}: HTML`, async () => {
      await expect(fileAt(files, `docs/site/rules/${slug}.html`)).toMatchFileSnapshot(`../fixtures/docs/${golden}.html`);
    });
  }
});
