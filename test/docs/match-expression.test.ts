// Rule pages show the rule's own match expression (and each allowlist's), escaped like any rule text.

import { describe, expect, it } from 'vitest';
import { emitTargets } from '../../driver/emit-all-targets.ts';
import { compileFixture } from '../support/compile.ts';

describe('the match expression on rule pages', async () => {
  const library = await compileFixture('test/fixtures/docs-match');
  const { files, diagnostics } = await emitTargets(library, ['docs']);
  const page = (suffix: string) => String(files.find((f) => f.path.startsWith('docs/') && f.path.endsWith(suffix) && f.path.includes('script-tag'))?.contents);

  it('builds without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('is a fenced detc block in Markdown, as YAML reads it (a folded scalar is one line)', () => {
    expect(page('.md')).toContain('```detc\nurl contains "<script>" and not (user in ["scanner", "pentest`bot"])\n```');
  });

  it('is escaped in HTML, so the script tag is shown, not run', () => {
    const html = page('.html');
    expect(html).toContain('url contains &quot;&lt;script&gt;&quot;');
    expect(html).not.toContain('"<script>"');
    // prettier may break the tag across lines: `<code\n>url …</code\n>`.
    expect(html).toMatch(/<code\s*>url startswith &quot;https:\/\/scanner\.example\/&lt;b&gt;&quot;<\/code/);
  });

  it('shows each allowlist with its expression in Markdown as a code span', () => {
    expect(page('.md')).toContain('`proxy_allowed_probes`: Scanners we run ourselves. (`url startswith "https://scanner.example/<b>"`)');
  });
});
