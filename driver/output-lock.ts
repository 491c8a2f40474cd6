// An exclusive lock for one output folder, held for a whole build or import, so that two runs
// into one folder never interleave their writes (docs/output.md, "Locking").
//
// The lock is a file holding the owner's host, pid and process start time. It is created whole:
// the content goes to a candidate file first, which is then hard-linked to the lock's name
// (link fails when the name exists, like O_EXCL, and the lock is never seen half-written). A
// lock whose process is gone (or whose pid now belongs to a newer process) is stale and broken.

import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  readonly host: string;
  readonly pid: number;
  /** The process's start (Linux: clock ticks after boot), so a reused pid is not taken for the owner. */
  readonly start: string | null;
}

export type LockResult =
  | { readonly kind: 'acquired'; release(): Promise<void> }
  | { readonly kind: 'busy'; readonly holder: LockHolder | undefined };

export interface LockOptions {
  /** How long to wait for another run to finish before giving up. */
  readonly waitMs: number;
  /** Called once when the lock is held by someone else and this run starts waiting. */
  readonly onWait?: (holder: LockHolder | undefined) => void;
}

const POLL_MS = 100;

export async function acquireLock(lockPath: string, options: LockOptions): Promise<LockResult> {
  const me: LockHolder = { host: hostname(), pid: process.pid, start: processStart(process.pid)?.start ?? null };
  const text = `${JSON.stringify(me)}\n`;
  const candidate = `${lockPath}-${process.pid}.tmp`;
  const deadline = Date.now() + options.waitMs;
  let waiting = false;
  await writeFile(candidate, text);
  try {
    for (;;) {
      const taken = await takeLock(candidate, lockPath, text);
      if (taken) return { kind: 'acquired', release: () => releaseLock(lockPath, text) };
      const held = await readFile(lockPath, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : null));
      if (held === undefined) continue; // released meanwhile: try again
      const holder = held === null ? undefined : parseHolder(held);
      if (held !== null && (!holder || isStale(holder)) && (await breakStaleLock(lockPath, held))) continue;
      // A live holder, or a lock this run can neither read nor break: wait for it, within the budget.
      if (Date.now() >= deadline) return { kind: 'busy', holder };
      if (!waiting) options.onWait?.(holder);
      waiting = true;
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  } finally {
    await unlink(candidate).catch(() => {});
  }
}

/** Tries once to create the lock with our content; false when another lock exists. */
async function takeLock(candidate: string, lockPath: string, text: string): Promise<boolean> {
  try {
    await link(candidate, lockPath);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') {
      await writeFile(candidate, text); // our candidate was removed as litter: write it again
      return false;
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
  }
  // A file system without hard links: create the lock exclusively and write it in place.
  try {
    await writeFile(lockPath, text, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

async function releaseLock(lockPath: string, text: string): Promise<void> {
  const held = await readFile(lockPath, 'utf8').catch(() => undefined);
  if (held === text) await unlink(lockPath).catch(() => {});
}

/**
 * Moves a stale lock aside (false when it cannot), then checks that what was moved is the lock judged stale: if another
 * run broke it and took the lock in between, its lock is put back.
 */
async function breakStaleLock(lockPath: string, staleText: string): Promise<boolean> {
  const aside = `${lockPath}-stale-${process.pid}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'; // gone already: another run broke it
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== undefined && moved !== staleText) await link(aside, lockPath).catch(() => {});
  await unlink(aside).catch(() => {});
  return true;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.host === 'string' && Number.isSafeInteger(value.pid) && (typeof value.start === 'string' || value.start === null)) {
      return value as LockHolder;
    }
  } catch {
    // not a lock written by detc: a lock is never seen half-written, so it is no live run's
  }
  return undefined;
}

/** The holder's process has ended. A lock of another host is never judged stale: its pid says nothing here. */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  if (!isAlive(holder.pid)) return true;
  const now = processStart(holder.pid);
  if (!now) return false; // no /proc: the pid is alive, trust it
  return now.state === 'Z' || (holder.start !== null && now.start !== holder.start);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: the state (`Z` for a zombie) and start time of a process, from /proc/<pid>/stat. */
function processStart(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces; fields 3… follow it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const start = fields[19]; // field 22, starttime
    return state && start ? { state, start } : undefined;
  } catch {
    return undefined;
  }
}
