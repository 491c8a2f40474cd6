// Whether detc may replace what an output path names. Only three things qualify: nothing, an
// empty folder, or detc's own link into its marked state folder, written by the same command.
// Everything else is refused before anything is touched: an unmarked folder (even one that looks
// like an old detc output: outputs written before the marker existed are not recognised), a
// plain folder that carries a marker (a copy: detc never replaces a real folder's contents), a
// link detc did not make, a file.

import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics.ts';
import { refusal, writeFailed } from './output-diagnostics.ts';
import { linkedGeneration, type OutputLayout } from './output-layout.ts';
import { MARKER_FILE, readMarker, type MarkerVerdict, type OutputCommand } from './output-marker.ts';

export type OutputState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'empty-folder' }
  /** detc's link; `generation` is the folder it names in the state folder. */
  | { readonly kind: 'owned'; readonly generation: string };

export type StateFolder = 'missing' | 'owned';

export type Inspection =
  | { readonly ok: true; readonly output: OutputState; readonly stateFolder: StateFolder }
  | { readonly ok: false; readonly diagnostic: Diagnostic; readonly exitCode: 1 | 2 };

export interface InspectContext {
  readonly command: OutputCommand;
  /** The output path as shown in messages. */
  readonly shown: string;
  /** The state folder as shown in messages. */
  readonly shownState: string;
}

export async function inspectOutput(layout: OutputLayout, context: InspectContext): Promise<Inspection> {
  const stateFolder = await inspectStateFolder(layout, context);
  if ('ok' in stateFolder) return stateFolder;
  const { shown, command } = context;
  const notOwned = (message: string): Inspection => ({ ok: false, exitCode: 2, diagnostic: refusal('output/not-owned', shown, message) });

  const info = await lstat(layout.out).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    if (info.code === 'ENOENT') return { ok: true, output: { kind: 'missing' }, stateFolder: stateFolder.kind };
    if (info.code === 'ENOTDIR') {
      return { ok: false, exitCode: 2, diagnostic: refusal('output/not-a-folder', shown, `"${shown}" cannot be a folder: a part of its path is a file. Choose another --out.`) };
    }
    return { ok: false, exitCode: 1, diagnostic: writeFailed(shown, `look at "${shown}"`, info, 'Nothing was written.') };
  }

  if (info.isSymbolicLink()) {
    const text = await readlink(layout.out).catch(() => '');
    const generation = linkedGeneration(layout, text);
    if (generation === undefined || stateFolder.kind !== 'owned') {
      return notOwned(
        `"${shown}" is a symbolic link that detc did not create (it points to "${text}"); detc replaces only the links it made. Choose another --out, or remove the link yourself.`,
      );
    }
    // A link to a generation that is gone (deleted by hand) is still detc's: there is nothing to lose.
    const missing = (await lstat(join(layout.state, generation)).catch(() => undefined)) === undefined;
    const verdict = missing ? ({ kind: 'same' } as const) : await generationMarker(join(layout.state, generation), command);
    if (verdict.kind === 'other-command') return notOwned(otherCommand(shown, verdict.command, command));
    if (verdict.kind === 'not-a-marker') {
      return notOwned(`"${shown}" points to "${text}", which has no ${MARKER_FILE}: it was not written by detc. Choose another --out, or delete both yourself.`);
    }
    return { ok: true, output: { kind: 'owned', generation }, stateFolder: stateFolder.kind };
  }

  if (info.isDirectory()) {
    const entries = await readdir(layout.out).catch((e: NodeJS.ErrnoException) => e);
    if (entries instanceof Error) return { ok: false, exitCode: 1, diagnostic: writeFailed(shown, `read the folder "${shown}"`, entries, 'Nothing was written.') };
    if (entries.length === 0) return { ok: true, output: { kind: 'empty-folder' }, stateFolder: stateFolder.kind };
    if (entries.includes(MARKER_FILE)) {
      return notOwned(
        `"${shown}" is a plain folder with a ${MARKER_FILE} (a copy of a detc output?); detc replaces only the outputs it manages as a link into ${context.shownState}/. Choose another --out, or delete the folder yourself.`,
      );
    }
    return notOwned(
      `"${shown}" is a folder that detc did not create (it has no ${MARKER_FILE}), so detc will not replace it: that would delete everything in it. Choose another --out; if it is the output of an older detc, which wrote no marker, delete it yourself and run again.`,
    );
  }

  return { ok: false, exitCode: 2, diagnostic: refusal('output/not-a-folder', shown, `"${shown}" is a file, not a folder; detc will not replace it. Choose another --out.`) };
}

/** The state folder must be a real folder with detc's marker of the same command (or not exist, or be empty). */
async function inspectStateFolder(layout: OutputLayout, context: InspectContext): Promise<{ kind: StateFolder } | Inspection> {
  const { shown, shownState, command } = context;
  const notOwned = (message: string): Inspection => ({ ok: false, exitCode: 2, diagnostic: refusal('output/not-owned', shown, message) });
  const info = await lstat(layout.state).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error) {
    if (info.code === 'ENOENT' || info.code === 'ENOTDIR') return { kind: 'missing' };
    return { ok: false, exitCode: 1, diagnostic: writeFailed(shown, `look at "${shownState}"`, info, 'Nothing was written.') };
  }
  if (!info.isDirectory()) {
    return notOwned(`"${shownState}", where detc keeps the generations of "${shown}", is not a folder detc created. Choose another --out, or remove it yourself.`);
  }
  const verdict = await generationMarker(layout.state, command);
  if (verdict.kind === 'same') return { kind: 'owned' };
  if (verdict.kind === 'other-command') return notOwned(otherCommand(shown, verdict.command, command));
  const entries = await readdir(layout.state).catch(() => [MARKER_FILE]);
  if (entries.length === 0) return { kind: 'missing' }; // an empty folder holds nothing to lose: detc takes its place
  return notOwned(`"${shownState}", where detc keeps the generations of "${shown}", has no ${MARKER_FILE}: detc did not create it. Choose another --out, or delete it yourself.`);
}

async function generationMarker(folder: string, command: OutputCommand): Promise<MarkerVerdict> {
  const info = await lstat(folder).catch(() => undefined);
  if (!info?.isDirectory()) return { kind: 'not-a-marker' };
  const text = await readFile(join(folder, MARKER_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? { kind: 'not-a-marker' } : readMarker(text, command);
}

function otherCommand(shown: string, other: string, command: OutputCommand): string {
  return `"${shown}" holds the output of \`${other}\`, not of \`detc ${command}\`; one command does not replace the other's output. Choose another --out.`;
}
