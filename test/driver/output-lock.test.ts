// The output lock (driver/output-lock.ts): one holder at a time, stale locks of dead processes
// (or of a pid now used by a newer process) broken, locks of other hosts and live processes kept.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, isStale } from '../../driver/output-lock.ts';

const scratch = await mkdtemp(join(tmpdir(), 'detc-lock-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let n = 0;
const lockPath = () => join(scratch, `lock-${++n}`);

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('acquireLock', () => {
  it('gives the lock to one holder at a time and writes who holds it', async () => {
    const path = lockPath();
    const first = await acquireLock(path, { waitMs: 0 });
    expect(first.kind).toBe('acquired');
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid });
    const second = await acquireLock(path, { waitMs: 0 });
    expect(second).toMatchObject({ kind: 'busy', holder: { pid: process.pid, host: hostname() } });
    if (first.kind === 'acquired') await first.release();
    expect(existsSync(path)).toBe(false);
    expect((await acquireLock(path, { waitMs: 0 })).kind).toBe('acquired');
  });

  it.each([
    ['a dead process', () => JSON.stringify({ host: hostname(), pid: deadPid(), start: null })],
    ['text that is no detc lock', () => 'garbage'],
    ['an empty file', () => ''],
  ])('breaks a lock of %s', async (_name, content) => {
    const path = lockPath();
    await writeFile(path, content());
    const result = await acquireLock(path, { waitMs: 0 });
    expect(result.kind).toBe('acquired');
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
  });

  it('keeps the lock of a live process and of another host', async () => {
    for (const holder of [
      { host: hostname(), pid: process.pid, start: null },
      { host: `not-${hostname()}`, pid: deadPid(), start: null },
    ]) {
      const path = lockPath();
      await writeFile(path, JSON.stringify(holder));
      expect(await acquireLock(path, { waitMs: 0 })).toEqual({ kind: 'busy', holder });
    }
  });

  it('release leaves a lock that is no longer its own', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, { waitMs: 0 });
    const other = JSON.stringify({ host: 'elsewhere', pid: 1, start: null });
    await writeFile(path, other);
    if (lock.kind === 'acquired') await lock.release();
    expect(await readFile(path, 'utf8')).toBe(other);
  });
});

describe('isStale', () => {
  it('a pid now used by a newer process is stale where the start time is known (Linux /proc)', () => {
    expect(isStale({ host: hostname(), pid: process.pid, start: 'not-its-start' })).toBe(existsSync('/proc/self/stat'));
    expect(isStale({ host: hostname(), pid: process.pid, start: null })).toBe(false);
    expect(isStale({ host: hostname(), pid: deadPid(), start: null })).toBe(true);
  });
});
