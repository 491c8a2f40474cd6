// The complete examples in docs/rule-format.md (the YAML blocks that start with a
// yaml-language-server modeline) must stay valid: a rule author copies them.

import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../compiler/evaluate/rule-tests.ts';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import {
  validateConfigDocument,
  validateDataSourceDocument,
  validateRuleDocument,
} from '../../compiler/schema/validate-schema.ts';
import { repoRoot } from '../support/compile.ts';

const markdown = readFileSync(path.join(repoRoot, 'docs/rule-format.md'), 'utf8');
// Excerpts (with "…" standing for the rest) are not complete files.
const blocks = [...markdown.matchAll(/```yaml\n(# yaml-language-server: \$schema=(\S+)\n[\s\S]*?)```/g)]
  .map((m) => ({ text: m[1]!, schema: path.basename(m[2]!) }))
  .filter((block) => !block.text.includes('…'));
const validators = {
  'rule.schema.json': validateRuleDocument,
  'data-source.schema.json': validateDataSourceDocument,
  'config.schema.json': validateConfigDocument,
} as const;

describe('docs/rule-format.md examples', () => {
  it('has a complete example of each file kind', () => {
    expect(blocks.map((b) => b.schema).sort()).toEqual(['config.schema.json', 'data-source.schema.json', 'rule.schema.json']);
  });

  it.each(blocks)('$schema example passes its schema', ({ text, schema }) => {
    const { document, diagnostics } = SourceDocument.parse('example.yml', text);
    expect(diagnostics).toEqual([]);
    expect(validators[schema as keyof typeof validators](document!)).toEqual([]);
  });

  it('the complete rule compiles against the shipped kubernetes_audit data source and passes its tests', async () => {
    const rule = blocks.find((b) => b.schema === 'rule.schema.json')!.text;
    const dir = await mkdtemp(path.join(tmpdir(), 'detc-docs-'));
    await mkdir(path.join(dir, 'data-sources'));
    await writeFile(path.join(dir, 'example.yml'), rule);
    await writeFile(
      path.join(dir, 'data-sources/kubernetes_audit.yml'),
      readFileSync(path.join(repoRoot, 'rules/data-sources/kubernetes_audit.yml')),
    );
    const result = await compileLibrary({ paths: ['.'], cwd: dir });
    await rm(dir, { recursive: true, force: true });
    expect(result.diagnostics).toEqual([]);
    const outcomes = result.library!.rules.flatMap(runRuleTests);
    expect(outcomes.map((o) => [o.test.name, o.passed, o.reason])).toEqual([
      ['a new identity creating a busybox pod alerts', true, undefined],
      ['an nginx pod does not alert', true, undefined],
    ]);
  });
});
