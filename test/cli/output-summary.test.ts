// The honest build summary (issue 10 item 16, docs/output.md): after the totals, one line per
// target with the rules it emitted and the rules it left out, by code — with --skip-refused (the
// rules really are left out of the output) and without (the build stops and writes nothing).

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runDetc } from './output-process.ts';

const scratch = await mkdtemp(join(tmpdir(), 'detc-summary-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const PER_TARGET =
  '  splunk: 5 rules emitted, 1 left out (splunk/unsupported-interval 1)\n' +
  '  elastic: 3 rules emitted, 3 left out (elastic/text-field-unsupported 2, elastic/lucene-empty-value 1)\n' +
  '  docs: 6 rules emitted, 0 left out\n' +
  '  navigator: 6 rules emitted, 0 left out\n';

describe('the build summary', () => {
  it('with --skip-refused: the rules each target emitted and left out, by reason', async () => {
    const run = await runDetc(['build', 'test/fixtures/output-summary', '--out', join(scratch, 'skipped'), '--skip-refused']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`\\nbuilt 6 rules for splunk, elastic, docs, navigator: \\d+ files in ${join(scratch, 'skipped').replace(/[.]/g, '\\.')}\\n${escape(PER_TARGET)}$`));
    // Three warnings for elastic, one for splunk: the counts are the rules left out, not the files.
    expect(run.stdout.match(/warning elastic\//g)).toHaveLength(3);
  }, 120_000);

  it('without it: the same counts under "build failed", and nothing written', async () => {
    const run = await runDetc(['build', 'test/fixtures/output-summary', '--out', join(scratch, 'failed')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`\\nbuild failed: 4 errors; nothing written\\n${escape(PER_TARGET)}$`));
    expect(await readdir(scratch)).not.toContain('failed');
  }, 120_000);

  it('one target, nothing left out', async () => {
    const run = await runDetc(['build', 'test/fixtures/cli/library', '--out', join(scratch, 'one'), '--target', 'splunk']);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^built 1 rule for splunk: \d+ files in .*\n {2}splunk: 1 rule emitted, 0 left out\n$/);
  }, 120_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('the summary names the output printably', () => {
  it('escapes control characters of --out in the summary line', async () => {
    const { main } = await import('../../driver/cli/main.ts');
    let out = '';
    const code = await main(['build', 'test/fixtures/cli/library', '--target', 'navigator', '--out', join(scratch, 'x\n::error::forged')], {
      cwd: repoRoot,
      out: (t) => (out += t),
      err: (t) => (out += t),
    });
    expect(code).toBe(0);
    expect(out).toContain('x\\u{000A}::error::forged\n');
    expect(out.split('\n').some((line) => line.startsWith('::error'))).toBe(false);
  }, 120_000);
});
