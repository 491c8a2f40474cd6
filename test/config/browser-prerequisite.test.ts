// Without Chromium, `npm test` says so once and leaves out only the browser tests; under CI a
// missing Chromium is not skipped (the browser tests run and fail). Runs vitest's own listing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';

function listTests(env: Record<string, string | undefined>): { files: string[]; stderr: string } {
  const { CI: _ci, ...rest } = process.env;
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'list', '--filesOnly', 'test/browser', 'test/config'], {
    cwd: repoRoot,
    env: { ...rest, DETC_CHROMIUM: '/nonexistent/chromium', ...env },
    encoding: 'utf8',
  });
  return { files: result.stdout.split('\n').filter((line) => line.endsWith('.test.ts')), stderr: result.stderr };
}

describe('the browser-test prerequisite', () => {
  it('without Chromium and outside CI: one note, browser tests left out, the rest kept', () => {
    const { files, stderr } = listTests({});
    expect(files.some((f) => f.includes('test/browser/'))).toBe(false);
    expect(files.some((f) => f.includes('test/config/browser-prerequisite.test.ts'))).toBe(true);
    expect(stderr.match(/browser tests \(test\/browser\/\) do not run/g)).toHaveLength(1);
  });

  it('under CI a missing Chromium does not skip them', () => {
    const { files, stderr } = listTests({ CI: 'true' });
    expect(files.some((f) => f.includes('test/browser/site.test.ts'))).toBe(true);
    expect(stderr).not.toContain('do not run');
  });
});
