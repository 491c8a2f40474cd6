// Where a path really is, for comparing an output path with the current folder, the home
// folder and the inputs: symbolic links in its parents are resolved, so `link/dist` with
// `link -> rules` is recognised as a folder inside rules/. Also how a path is shown in messages.

import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The place of the directory entry named by `path`: its parent resolved through symbolic links,
 * plus its own name. The entry itself is not followed (a link named `dist` stays `…/dist`).
 */
export async function entryLocation(path: string): Promise<string> {
  const absolute = resolve(path);
  const parent = dirname(absolute);
  if (parent === absolute) return absolute; // the root
  return resolve(await existingRealPath(parent), basename(absolute));
}

/** Where `path` leads when followed: its real path if it exists, else its entry location. */
export async function followedLocation(path: string): Promise<string> {
  return realpath(path).catch(() => entryLocation(path));
}

/** The real path of the longest existing prefix of `path`, with the rest appended. */
async function existingRealPath(path: string): Promise<string> {
  const found = await realpath(path).catch(() => undefined);
  if (found !== undefined) return found;
  const parent = dirname(path);
  if (parent === path) return path;
  return resolve(await existingRealPath(parent), basename(path));
}

/** `inner` is `outer` or lies below it. Both absolute and normalised. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A path for messages: relative to the current folder when inside it, else absolute; `/`-separated. */
export function shownPath(absolute: string, cwd: string): string {
  const shown = !isWithin(absolute, cwd) ? absolute : relative(cwd, absolute) || '.';
  return shown.split(sep).join('/');
}

/**
 * A path as it may be printed in a summary line: control characters (C0, DEL, C1), line and
 * paragraph separators and bidirectional controls as `\u{…}`, so a folder name cannot forge a
 * terminal or CI log line. (Diagnostics are escaped where they are printed.)
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`,
  );
}
