// The corpus acceptance bar: at least 90% of the SigmaHQ rules import without refusal, and the
// imported library (rules plus the data sources the importer writes) passes the whole compiler
// pipeline (`detc validate`) with no error. Every refusal carries a stable code and a reason.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputAtomically } from '../../driver/write-output.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { importCorpus } from './corpus.ts';

const scratch = await mkdtemp(join(tmpdir(), 'detc-sigma-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('importing the SigmaHQ corpus', () => {
  it('imports at least 90% of the rules, and refuses the rest with a code and a reason', async () => {
    const { report } = await importCorpus();
    const { rules, imported, importedWithWarnings, refused } = report.counts;
    expect(rules).toBe(3780);
    expect(imported + importedWithWarnings + refused).toBe(rules);
    expect((imported + importedWithWarnings) / rules).toBeGreaterThanOrEqual(0.9);
    for (const entry of report.files) {
      if (entry.status !== 'refused') continue;
      expect(entry.code).toMatch(/^sigma\/[a-z0-9-]+$/);
      expect(entry.reason.length).toBeGreaterThan(40);
    }
  }, 300_000); // importing 3,780 files on a shared machine

  it('writes a library that passes detc validate with no error', async () => {
    const { files, report } = await importCorpus();
    const out = join(scratch, 'imported');
    await writeOutputAtomically(out, [...files].map(([path, contents]) => ({ path, contents })));
    const result = await compileLibrary({ paths: [out], cwd: scratch });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.file}:${d.span.start.line}: ${d.code} ${d.message}`);
    expect(errors.slice(0, 10)).toEqual([]);
    expect(result.library?.rules.length).toBe(report.counts.imported + report.counts.importedWithWarnings);
  }, 300_000); // compiling 3,600 rules on a shared machine
});
