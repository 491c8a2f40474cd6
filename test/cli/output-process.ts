// Helpers for the output tests that run the real CLI as a process (`node bin/detc.js …`):
// running and stopping it, and snapshots of folders that prove what was (not) touched.

import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
const DETC = join(repoRoot, 'bin/detc.js');

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Run as another user (when the tests run as root, file permissions only bind other users). */
  readonly uid?: number;
  readonly gid?: number;
}

export function spawnDetc(args: readonly string[], options: RunOptions = {}): ChildProcess {
  return spawn(process.execPath, [DETC, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, DETC_TEST_OUTPUT_HOOK: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
}

/** Resolves when the process has exited (and been reaped), with everything it printed. */
export function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

export function runDetc(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return finished(spawnDetc(args, options));
}

/** Resolves once the process has printed `text` on stderr (a test hook's "stopped at" line). */
export function printed(child: ChildProcess, text: string): Promise<void> {
  let seen = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        child.stderr!.off('data', onData);
        done();
      }
    };
    child.stderr!.on('data', onData);
    child.on('close', () => fail(new Error(`exited before printing ${JSON.stringify(text)}; stderr: ${seen}`)));
  });
}

/**
 * Every entry under a folder, by relative path: file contents, link targets, `<dir>` for folders.
 * Links are not followed, so a snapshot shows exactly what is on disk.
 */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  async function walk(at: string, prefix: string): Promise<void> {
    for (const name of (await readdir(at)).sort()) {
      const path = join(at, name);
      const key = prefix + name;
      const info = await lstat(path);
      if (info.isSymbolicLink()) entries.set(key, `<link ${await readlink(path)}>`);
      else if (info.isDirectory()) {
        entries.set(key, '<dir>');
        await walk(path, `${key}/`);
      } else entries.set(key, (await readFile(path)).toString('base64'));
    }
  }
  await walk(dir, '');
  return entries;
}

/** The files an output holds (through its link), with their bytes. */
export async function outputFiles(out: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  async function walk(at: string, prefix: string): Promise<void> {
    for (const entry of (await readdir(at, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) await walk(join(at, entry.name), `${prefix}${entry.name}/`);
      else files.set(prefix + entry.name, (await readFile(join(at, entry.name))).toString('base64'));
    }
  }
  await walk(out, '');
  return files;
}
