// Crash-safe replacement and locking (issue 10 item 7, docs/output.md): a build killed with
// SIGKILL at any moment leaves under the output's name the complete old output or the complete
// new one, never a mix and never nothing; the next build succeeds and removes the litter. Two
// builds into one folder take turns.
//
// The points between the steps of a swap are forced: the writer's test hook stops the process
// (SIGSTOP) at a named step and the test kills it there. Random points are added with kills
// after a pseudo-random delay (seeded, so a failure can be replayed).

import { mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, outputFiles, printed, runDetc, spawnDetc } from './output-process.ts';

const scratch = mkdtempSync(join(tmpdir(), 'detc-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Two builds of the same rules that differ in their files, so the old and new output can be told apart.
const OLD = ['build', 'test/fixtures/cli/library', '--target', 'navigator'];
const NEW = ['build', 'test/fixtures/cli/library', '--target', 'navigator,splunk'];
let oldFiles: Map<string, string>;
let newFiles: Map<string, string>;

beforeAll(async () => {
  const [a, b] = await Promise.all([runDetc([...OLD, '--out', join(scratch, 'ref-old')]), runDetc([...NEW, '--out', join(scratch, 'ref-new')])]);
  expect(a.code, a.stdout).toBe(0);
  expect(b.code, b.stdout).toBe(0);
  oldFiles = await outputFiles(join(scratch, 'ref-old'));
  newFiles = await outputFiles(join(scratch, 'ref-new'));
  expect(newFiles.size).toBeGreaterThan(oldFiles.size);
}, 240_000);

/** Starts a build stopped at `step` by the test hook, and kills it there with SIGKILL. */
async function killedAt(args: readonly string[], step: string): Promise<void> {
  const child = spawnDetc(args, { env: { DETC_TEST_OUTPUT_HOOK: `stop:${step}` } });
  const done = finished(child);
  await printed(child, `detc-test-hook: stopped at ${step.replace(/@\d+$/, '')}\n`);
  child.kill('SIGKILL');
  const run = await done;
  expect(run.signal).toBe('SIGKILL');
}

const stateOf = async (parent: string, name: string) => (await readdir(join(parent, `.${name}.detc`))).sort();

describe('a build killed with SIGKILL', () => {
  it('between any two steps leaves the complete old output before the swap and the complete new one after it', async () => {
    const parent = join(scratch, 'steps');
    await mkdir(parent);
    const out = join(parent, 'dist');
    expect((await runDetc([...OLD, '--out', out])).code).toBe(0);
    let current: 'old' | 'new' = 'old';
    const steps: [step: string, swapped: boolean][] = [
      ['locked', false],
      ['write-file@1', false],
      ['write-file@5', false],
      ['staged', false],
      ['link-created', false],
      ['swapped', true],
      ['remove-old', true],
    ];
    for (const [step, swapped] of steps) {
      const next: 'old' | 'new' = current === 'old' ? 'new' : 'old';
      await killedAt([...(next === 'old' ? OLD : NEW), '--out', out], step);
      if (swapped) current = next;
      expect(await outputFiles(out), `killed at ${step}`).toEqual(current === 'old' ? oldFiles : newFiles);
      // Each run removes the litter of the killed one before it (after taking the lock).
      const litter = await stateOf(parent, 'dist');
      expect(litter, `killed at ${step}`).toContain('lock');
      if (step === 'link-created') expect(litter.some((name) => /^link-g-\d+$/.test(name))).toBe(true);
      if (step === 'staged' || step === 'remove-old') expect(litter.filter((name) => name.startsWith('g-')).length).toBe(2);
    }
    // The next build, not stopped, removes the litter of the last one: it breaks the stale lock (its process is dead) and succeeds.
    const next = await runDetc([...NEW, '--out', out]);
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(await outputFiles(out)).toEqual(newFiles);
    const state = await stateOf(parent, 'dist');
    expect(state).toHaveLength(2);
    expect(state[0]).toBe('.detc-output.json');
    expect(state[1]).toMatch(/^g-\d+$/);
    expect((await readdir(parent)).sort()).toEqual(['.dist.detc', 'dist']);
  }, 600_000);

  it('at random moments always leaves a complete old or new output', async () => {
    const parent = join(scratch, 'random');
    await mkdir(parent);
    const out = join(parent, 'dist');
    expect((await runDetc([...OLD, '--out', out])).code).toBe(0);
    let seed = 20260308;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5; i++) {
      const child = spawnDetc([...(i % 2 === 0 ? NEW : OLD), '--out', out]);
      const done = finished(child);
      const delay = Math.floor(random() * 6000);
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await done;
      clearTimeout(timer);
      expect([oldFiles, newFiles], `killed after ${delay} ms`).toContainEqual(await outputFiles(out));
    }
    const next = await runDetc([...OLD, '--out', out]);
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(await outputFiles(out)).toEqual(oldFiles);
    expect(await stateOf(parent, 'dist')).toHaveLength(2);
  }, 600_000);

  it('during a first build leaves no output, or the complete one; the next build succeeds', async () => {
    const parent = join(scratch, 'first');
    await mkdir(parent);
    await killedAt([...NEW, '--out', join(parent, 'a')], 'link-created');
    expect((await readdir(parent)).sort()).toEqual(['.a.detc']); // no output yet: nothing under the name
    await killedAt([...NEW, '--out', join(parent, 'b')], 'swapped');
    expect(await outputFiles(join(parent, 'b'))).toEqual(newFiles);
    // An empty folder is removed just before the link takes its name: killed there, the name is free.
    await mkdir(join(parent, 'c'));
    await killedAt([...NEW, '--out', join(parent, 'c')], 'empty-folder-removed');
    expect((await readdir(parent)).sort()).toEqual(['.a.detc', '.b.detc', '.c.detc', 'b']);
    const runs = await Promise.all(['a', 'c'].map((name) => runDetc([...OLD, '--out', join(parent, name)])));
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await outputFiles(join(parent, 'a'))).toEqual(oldFiles);
    expect(await outputFiles(join(parent, 'c'))).toEqual(oldFiles);
    expect(await stateOf(parent, 'a')).toEqual(['.detc-output.json', 'g-1']);
  }, 600_000);
});

describe('two builds into one folder', () => {
  it('take turns: both succeed, the output is complete and is the last one written', async () => {
    const parent = join(scratch, 'concurrent');
    await mkdir(parent);
    const out = join(parent, 'dist');
    const order: string[] = [];
    const start = (name: string, args: readonly string[]) =>
      finished(spawnDetc([...args, '--out', out])).then((run) => {
        order.push(name);
        return run;
      });
    const [a, b] = await Promise.all([start('old', OLD), start('new', NEW)]);
    expect(a.code, a.stdout + a.stderr).toBe(0);
    expect(b.code, b.stdout + b.stderr).toBe(0);
    expect(a.stderr + b.stderr).not.toMatch(/ENOTEMPTY|EEXIST|Error/);
    expect(await outputFiles(out)).toEqual(order[1] === 'old' ? oldFiles : newFiles);
    expect(await stateOf(parent, 'dist')).toHaveLength(2);
  }, 600_000);

  it('a build that cannot wait refuses clearly while another holds the lock, and touches nothing', async () => {
    const parent = join(scratch, 'locked');
    await mkdir(parent);
    const out = join(parent, 'dist');
    expect((await runDetc([...OLD, '--out', out])).code).toBe(0);
    const holder = spawnDetc([...NEW, '--out', out], { env: { DETC_TEST_OUTPUT_HOOK: 'stop:locked' } });
    const held = finished(holder);
    await printed(holder, 'detc-test-hook: stopped at locked\n');

    const refused = await runDetc([...NEW, '--out', out], { env: { DETC_LOCK_WAIT_SECONDS: '0' } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`${out}:1:1: error output/locked: detc (pid ${holder.pid} on `);
    expect(refused.stdout).toContain(`is writing "${out}" and still holds ${join(parent, '.dist.detc')}/lock; nothing was written.`);
    expect(await outputFiles(out)).toEqual(oldFiles);

    holder.kill('SIGCONT');
    const run = await held;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await outputFiles(out)).toEqual(newFiles);
    expect(await stateOf(parent, 'dist')).toHaveLength(2);
  }, 600_000);
});
