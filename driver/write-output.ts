// Owned, crash-safe output folders (docs/output.md). `openOutput` checks that detc may replace
// the folder (output-guard.ts, output-ownership.ts) before anything is touched, then holds the
// output's lock (output-lock.ts) until `close`. `write` puts the new tree in a fresh generation
// beside the current one and swaps the output link to it with a single rename (output-layout.ts),
// so that whatever moment the process dies at, the output is the complete old tree or the
// complete new one. Leftovers of killed runs are removed by the next run that holds the lock.
//
// Nothing here throws for a problem of the file system: each becomes a diagnostic naming the
// path and the operating system's reason.

import { mkdir, readdir, rename, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics.ts';
import type { OutputFile } from '../targets/target.ts';
import { leftover, locked, refusal, writeFailed } from './output-diagnostics.ts';
import { checkOutputFolderPath } from './output-guard.ts';
import { generationName, generationNumber, layoutOf, linkText, LOCK_FILE, type OutputLayout } from './output-layout.ts';
import { acquireLock, isAlive, type LockResult } from './output-lock.ts';
import { MARKER_FILE, markerText, type OutputCommand } from './output-marker.ts';
import { inspectOutput, type InspectContext, type OutputState } from './output-ownership.ts';
import { shownPath } from './output-paths.ts';
import { hooksFromEnvironment, type OutputHooks } from './output-test-hooks.ts';

export interface OpenOutputRequest {
  /** The output folder as given on the command line. */
  readonly out: string;
  readonly cwd: string;
  readonly command: OutputCommand;
  /** The command's inputs (files and folders, relative to cwd): the output may not overlap them. */
  readonly inputs: readonly string[];
  /** How long to wait for another run holding the lock; default DETC_LOCK_WAIT_SECONDS, else 60 s. */
  readonly lockWaitMs?: number;
  /** Told once when another run holds the lock and this one waits. */
  readonly onWait?: (message: string) => void;
  readonly hooks?: OutputHooks;
}

export type OpenResult =
  | { readonly kind: 'open'; readonly output: OwnedOutput }
  | { readonly kind: 'refused'; readonly diagnostics: readonly Diagnostic[]; readonly exitCode: 1 | 2 };

export interface WriteResult {
  /** Warnings (leftovers), or the error that kept the old output in place. */
  readonly diagnostics: readonly Diagnostic[];
  /** The output now holds the new files. */
  readonly written: boolean;
}

export interface OwnedOutput {
  /** The output folder, absolute. */
  readonly path: string;
  write(files: readonly OutputFile[]): Promise<WriteResult>;
  /** Releases the lock; removes what opening created when nothing was written. */
  close(): Promise<void>;
}

const DEFAULT_LOCK_WAIT_SECONDS = 60;

export async function openOutput(request: OpenOutputRequest): Promise<OpenResult> {
  const placed = await checkOutputFolderPath({ path: request.out, option: '--out', cwd: request.cwd, inputs: request.inputs });
  if (placed) return { kind: 'refused', diagnostics: [placed], exitCode: 2 };
  const layout = layoutOf(resolve(request.cwd, request.out));
  const context: InspectContext = {
    command: request.command,
    shown: shownPath(layout.out, request.cwd),
    shownState: shownPath(layout.state, request.cwd),
  };
  const hooks = request.hooks ?? hooksFromEnvironment();
  // A run that wrote nothing removes the state folder it created; one waiting in it then starts over.
  for (let attempt = 1; ; attempt++) {
    const opened = await openOnce(request, layout, context, hooks);
    if (opened !== 'state-folder-vanished') return opened;
    if (attempt === 3) {
      return { kind: 'refused', exitCode: 1, diagnostics: [writeFailed(context.shown, `lock "${context.shownState}/${LOCK_FILE}"`, 'the folder keeps disappearing', 'Nothing was written.')] };
    }
  }
}

async function openOnce(request: OpenOutputRequest, layout: OutputLayout, context: InspectContext, hooks: OutputHooks): Promise<OpenResult | 'state-folder-vanished'> {
  const before = await inspectOutput(layout, context);
  if (!before.ok) return { kind: 'refused', diagnostics: [before.diagnostic], exitCode: before.exitCode };

  const created: Created = { parents: [], stateFolder: false };
  let lock: LockResult;
  try {
    const first = await mkdir(layout.parent, { recursive: true });
    if (first !== undefined) created.parents.push(...foldersBetween(first, layout.parent));
    if (before.stateFolder === 'missing') created.stateFolder = await createStateFolder(layout, request.command);
    lock = await acquireLock(join(layout.state, LOCK_FILE), {
      waitMs: request.lockWaitMs ?? lockWaitFromEnvironment(),
      onWait: (holder) => request.onWait?.(`detc: waiting for another detc run${holder ? ` (pid ${holder.pid})` : ''} to finish writing ${context.shown}\n`),
    });
  } catch (e) {
    await removeCreated(layout, created);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !created.stateFolder) return 'state-folder-vanished';
    return { kind: 'refused', exitCode: 1, diagnostics: [writeFailed(context.shown, `create the output "${context.shown}"`, e, 'Nothing was written.')] };
  }
  if (lock.kind === 'busy') {
    const who = lock.holder ? `detc (pid ${lock.holder.pid} on ${lock.holder.host})` : 'another run';
    return {
      kind: 'refused',
      exitCode: 1,
      diagnostics: [
        locked(
          context.shown,
          `${who} is writing "${context.shown}" and still holds ${context.shownState}/${LOCK_FILE}; nothing was written. Run again when it has finished; if no detc runs, delete the lock file yourself.`,
        ),
      ],
    };
  }

  // Under the lock: the output may have changed while this run waited.
  hooks.at('locked');
  const now = await inspectOutput(layout, context);
  if (!now.ok) {
    await lock.release();
    return { kind: 'refused', diagnostics: [now.diagnostic], exitCode: now.exitCode };
  }
  const warnings = await removeStaleEntries(layout, now.output, request.cwd, hooks);
  return { kind: 'open', output: new Output(layout, now.output, context, request, hooks, warnings, created, lock.release) };
}

class Output implements OwnedOutput {
  private written = false;
  private closed = false;

  constructor(
    private readonly layout: OutputLayout,
    private state: OutputState,
    private readonly context: InspectContext,
    private readonly request: OpenOutputRequest,
    private readonly hooks: OutputHooks,
    private readonly warnings: Diagnostic[],
    private readonly created: Created,
    private readonly release: () => Promise<void>,
  ) {}

  get path(): string {
    return this.layout.out;
  }

  async write(files: readonly OutputFile[]): Promise<WriteResult> {
    const warnings = this.warnings.splice(0);
    const unsafe = files.find((file) => !isSafeRelativePath(file.path));
    if (unsafe) {
      return {
        written: false,
        diagnostics: [
          ...warnings,
          refusal('output/unsafe-path', this.context.shown, `a target wrote the path ${JSON.stringify(unsafe.path)}, which is not a plain path inside the output; nothing was written. This is a detc bug: please report it.`),
        ],
      };
    }
    const { layout, context, hooks } = this;
    const previous = this.state.kind === 'owned' ? this.state.generation : undefined;
    const generation = generationName((previous ? generationNumber(previous)! : 0) + 1);
    const folder = join(layout.state, generation);
    const keepOld = `The previous output of "${context.shown}" is unchanged.`;

    try {
      await mkdir(folder);
      await writeFile(join(folder, MARKER_FILE), markerText(this.request.command), { flag: 'wx' });
      for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        hooks.at('write-file');
        const target = join(folder, ...file.path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.contents, { flag: 'wx' }); // never through something already there
      }
      hooks.at('staged');
    } catch (e) {
      await rm(folder, { recursive: true, force: true }).catch(() => {});
      return { written: false, diagnostics: [...warnings, writeFailed(context.shown, `write the new output of "${context.shown}"`, e, keepOld)] };
    }

    const link = join(layout.state, `link-${generation}`);
    try {
      await symlink(linkText(layout, generation), link, 'junction');
      hooks.at('link-created');
      if (this.state.kind === 'empty-folder') {
        await rmdir(layout.out); // fails when something was put there meanwhile: then it is not ours to replace
        hooks.at('empty-folder-removed');
      }
      await replaceLink(link, layout.out);
      hooks.at('swapped');
    } catch (e) {
      await unlink(link).catch(() => {});
      await rm(folder, { recursive: true, force: true }).catch(() => {});
      return { written: false, diagnostics: [...warnings, writeFailed(context.shown, `replace "${context.shown}" with its new output`, e, keepOld)] };
    }
    this.state = { kind: 'owned', generation };
    this.written = true;

    if (previous) {
      const old = join(layout.state, previous);
      try {
        hooks.at('remove-old');
        await rm(old, { recursive: true, force: true });
      } catch (e) {
        warnings.push(leftover(shownPath(old, this.request.cwd), `The previous output (now replaced) at "${shownPath(old, this.request.cwd)}"`, e));
      }
    }
    return { written: true, diagnostics: warnings };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A run that wrote nothing leaves no trace: the state folder it created goes again (unless
    // another run is waiting in it), and the parent folders it created.
    if (!this.written && this.created.stateFolder) {
      const entries = await readdir(this.layout.state).catch(() => [] as string[]);
      if (entries.every((name) => name === MARKER_FILE || name === LOCK_FILE)) {
        // Renamed away first, so no other run finds it half-removed; the lock goes with it.
        const aside = `${this.layout.state}.tmp-${process.pid}`;
        if (await rename(this.layout.state, aside).then(() => true, () => false)) {
          await rm(aside, { recursive: true, force: true }).catch(() => {});
          await removeCreated(this.layout, { parents: this.created.parents, stateFolder: false });
          return;
        }
      }
    }
    await this.release();
  }
}

/**
 * Creates the state folder whole: a temporary folder with the marker, renamed into place, so the
 * state folder never exists without its marker. False when another run created it first.
 */
async function createStateFolder(layout: OutputLayout, command: OutputCommand): Promise<boolean> {
  const temporary = `${layout.state}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary);
  await writeFile(join(temporary, MARKER_FILE), markerText(command));
  try {
    await rename(temporary, layout.state); // also takes the place of an empty folder
    return true;
  } catch (e) {
    await rm(temporary, { recursive: true, force: true }).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false; // another run was first; it is checked under the lock
    throw e;
  }
}

/** Renames the new link over the output. One atomic step on POSIX; Windows cannot rename over a junction. */
async function replaceLink(link: string, out: string): Promise<void> {
  try {
    await rename(link, out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (process.platform !== 'win32' || (code !== 'EPERM' && code !== 'EEXIST' && code !== 'EISDIR' && code !== 'ENOTEMPTY')) throw e;
    await rmdir(out).catch(() => unlink(out));
    await rename(link, out);
  }
}

/**
 * Under the lock, whatever in the state folder is not the marker, the lock or the current
 * generation is a leftover of a killed run: an unfinished generation, an unused link, a stale
 * lock file. Entries of other names are left alone; so are the lock candidates of live runs.
 */
async function removeStaleEntries(layout: OutputLayout, state: OutputState, cwd: string, hooks: OutputHooks): Promise<Diagnostic[]> {
  const current = state.kind === 'owned' ? state.generation : undefined;
  const warnings: Diagnostic[] = [];
  const names = await readdir(layout.state).catch(() => [] as string[]);
  for (const name of names.sort()) {
    const stale =
      (generationNumber(name) !== undefined && name !== current) ||
      /^link-g-\d+$/.test(name) ||
      deadPidIn(name, /^lock-(\d+)\.tmp$/) ||
      deadPidIn(name, /^lock-stale-(\d+)$/);
    if (!stale) continue;
    const path = join(layout.state, name);
    try {
      hooks.at('remove-stale');
      await rm(path, { recursive: true, force: true });
    } catch (e) {
      const shown = shownPath(path, cwd);
      warnings.push(leftover(shown, `"${shown}", left by an earlier run,`, e));
    }
  }
  // A state folder a killed run was creating (or removing), beside the output.
  const prefix = `${basename(layout.state)}.tmp-`;
  for (const name of await readdir(layout.parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !deadPidIn(name.slice(prefix.length), /^(\d+)$/)) continue;
    const path = join(layout.parent, name);
    const inside = await readdir(path).catch(() => undefined);
    if (inside && inside.every((entry) => entry === MARKER_FILE)) await rm(path, { recursive: true, force: true }).catch(() => {});
  }
  return warnings;
}

function deadPidIn(name: string, pattern: RegExp): boolean {
  const match = pattern.exec(name);
  return match !== null && !isAlive(Number(match[1]));
}

/** `a/b` relative, `/`-separated, no `.`/`..`/empty segments, no backslash or NUL, not the marker. */
function isSafeRelativePath(path: string): boolean {
  if (path === MARKER_FILE || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..') && !/^[a-zA-Z]:/.test(path);
}

/** The folders `mkdir -p` created: from the first one it made down to `last`. */
function foldersBetween(first: string, last: string): string[] {
  const folders: string[] = [];
  for (let at = last; at.length >= first.length; at = dirname(at)) {
    folders.push(at);
    if (at === first || dirname(at) === at) break;
  }
  return folders; // deepest first
}

/** What opening an output created, so that a run that writes nothing can remove it again. */
interface Created {
  /** Parent folders, deepest first. */
  readonly parents: string[];
  stateFolder: boolean;
}

/** Removes the state folder this run created (holding only its marker) and the parent folders, each only when empty. */
async function removeCreated(layout: OutputLayout, created: Created): Promise<void> {
  if (created.stateFolder) {
    await unlink(join(layout.state, MARKER_FILE)).catch(() => {});
    await rmdir(layout.state).catch(() => {});
  }
  for (const folder of created.parents) {
    if (!(await rmdir(folder).then(() => true, () => false))) return;
  }
}

function lockWaitFromEnvironment(): number {
  const seconds = Number(process.env.DETC_LOCK_WAIT_SECONDS ?? DEFAULT_LOCK_WAIT_SECONDS);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_LOCK_WAIT_SECONDS * 1000;
}

/**
 * Writes a whole output in one call (for scripts and tests): open, write, close. Throws with the
 * diagnostics' messages when the folder is refused or cannot be written.
 */
export async function writeOutputAtomically(outDir: string, files: readonly OutputFile[], command: OutputCommand = 'build'): Promise<void> {
  const opened = await openOutput({ out: outDir, cwd: process.cwd(), command, inputs: [] });
  if (opened.kind === 'refused') throw new Error(opened.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  try {
    const result = await opened.output.write(files);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(errors.map((d) => `${d.code}: ${d.message}`).join('\n'));
  } finally {
    await opened.output.close();
  }
}
