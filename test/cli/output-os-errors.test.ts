// Operating-system errors while writing output (issue 10 item 6, build part): each is a
// diagnostic with the path and the OS reason, exit 1, and the output is the old complete one
// (or, when only the old generation could not be removed, the new one with a warning, exit 0).
//
// Permissions are real: when the tests run as root (who ignores them), the CLI runs as `nobody`.
// A full disk cannot be produced on demand, so ENOSPC is injected at a write by the writer's
// test hook (driver/output-test-hooks.ts).

import { chmod, chown, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputFiles, runDetc, type RunOptions } from './output-process.ts';

const asRoot = process.getuid?.() === 0;
const user: RunOptions = asRoot ? { uid: 65534, gid: 65534 } : {};
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'detc-oserr-'));
  if (asRoot) await chown(scratch, 65534, 65534);
});
afterAll(async () => {
  await chmodTree(scratch, 0o755);
  await rm(scratch, { recursive: true, force: true });
});

async function chmodTree(dir: string, mode: number): Promise<void> {
  await chmod(dir, mode).catch(() => {});
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) await chmodTree(join(dir, entry.name), mode);
  }
}

async function folderAs(name: string): Promise<string> {
  const dir = join(scratch, name);
  await mkdir(dir);
  if (asRoot) await chown(dir, 65534, 65534);
  return dir;
}

const build = (out: string, extra: { env?: Record<string, string>; target?: string } = {}) =>
  runDetc(['build', 'test/fixtures/cli/library', '--out', out, '--target', extra.target ?? 'navigator,splunk'], { ...user, ...(extra.env ? { env: extra.env } : {}) });

describe('writing output: OS errors', () => {
  it('a read-only parent folder: EACCES with the path, exit 1, nothing created', async () => {
    const parent = await folderAs('read-only');
    await chmod(parent, 0o555);
    const run = await build(join(parent, 'dist'));
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`${join(parent, 'dist')}:1:1: error output/write-failed: cannot create the output "${join(parent, 'dist')}": EACCES (permission denied) at ${join(parent, '.dist.detc')}`);
    expect(run.stdout).toMatch(/\.dist\.detc\S*\. Nothing was written\.\n/);
    expect(run.stdout).not.toContain('built ');
    expect(run.stderr).not.toMatch(/at \S+\.ts:\d+/); // no stack trace
    expect(await readdir(parent)).toEqual([]);
  }, 120_000);

  it('a full disk while the new output is written: ENOSPC, exit 1, the old output unchanged and no litter', async () => {
    const parent = await folderAs('full-disk');
    const out = join(parent, 'dist');
    expect((await build(out, { target: 'navigator' })).code).toBe(0);
    const old = await outputFiles(out);
    for (const nth of [1, 4]) {
      const run = await build(out, { env: { DETC_TEST_OUTPUT_HOOK: `fail-ENOSPC:write-file@${nth}` } });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toContain(`error output/write-failed: cannot write the new output of "${out}": ENOSPC (no space left on the device). The previous output of "${out}" is unchanged.`);
      expect(run.stdout).toContain(`build failed: ${out} could not be written; the previous output is unchanged`);
      expect(await outputFiles(out)).toEqual(old);
      expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual(['.detc-output.json', 'g-1']);
    }
  }, 240_000);

  it('a failure while swapping (EROFS, EIO): exit 1, the old output unchanged', async () => {
    const parent = await folderAs('swap');
    const out = join(parent, 'dist');
    expect((await build(out, { target: 'navigator' })).code).toBe(0);
    const old = await outputFiles(out);
    for (const hook of ['fail-EROFS:link-created', 'fail-EIO:staged']) {
      const run = await build(out, { env: { DETC_TEST_OUTPUT_HOOK: hook } });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toMatch(/error output\/write-failed: cannot (replace|write the new output of) .*: (EROFS \(read-only file system\)|EIO \(input\/output error\))\./);
      expect(await outputFiles(out)).toEqual(old);
      expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual(['.detc-output.json', 'g-1']);
    }
  }, 240_000);

  it('an old output that cannot be deleted after the swap: a warning, exit 0, the new output in place; the next build removes it', async () => {
    const parent = await folderAs('stuck-old');
    const out = join(parent, 'dist');
    expect((await build(out, { target: 'navigator' })).code).toBe(0);
    const stuck = join(parent, '.dist.detc/g-1');
    await chmod(stuck, 0o555); // its files cannot be deleted

    const run = await build(out);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`${stuck}:1:1: warning output/leftover-not-removed: The previous output (now replaced) at "${stuck}" could not be removed: EACCES (permission denied)`);
    expect(run.stdout).toMatch(/^built 1 rule for navigator, splunk: \d+ files in /m);
    expect([...(await outputFiles(out)).keys()]).toContain('attack-navigator.json');
    expect([...(await outputFiles(out)).keys()].some((p) => p.startsWith('splunk/'))).toBe(true);

    await chmod(stuck, 0o755);
    const next = await build(out);
    expect(next.code, next.stdout).toBe(0);
    expect(next.stdout).not.toContain('warning');
    expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual(['.detc-output.json', 'g-3']);
  }, 240_000);

  it('import sigma: a full disk leaves the old import and writes no report', async () => {
    const parent = await folderAs('import');
    const out = join(parent, 'imported');
    const report = join(parent, 'report.json');
    const importTo = (env?: Record<string, string>) =>
      runDetc(['import', 'sigma', 'test/fixtures/sigma/input/kubernetes_exec.yml', '--out', out, '--report', report], { ...user, ...(env ? { env } : {}) });
    expect((await importTo()).code).toBe(0);
    const old = await outputFiles(out);
    await rm(report);
    const run = await importTo({ DETC_TEST_OUTPUT_HOOK: 'fail-ENOSPC:write-file@2' });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('ENOSPC (no space left on the device)');
    expect(run.stdout).not.toContain('imported 1 of 1');
    expect(await outputFiles(out)).toEqual(old);
    expect((await readdir(parent)).sort()).toEqual(['.imported.detc', 'imported']);
  }, 240_000);
});
