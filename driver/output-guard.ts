// Refusals that depend only on where an output path is, checked before anything is read or
// written: an empty path (an unset CI variable), the current folder or one above it, the home
// folder or one above it, a path that is, holds or lies inside an input. Paths are compared
// where they really are (output-paths.ts), so links cannot hide an overlap.

import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics.ts';
import { refusal } from './output-diagnostics.ts';
import { entryLocation, followedLocation, isWithin, shownPath } from './output-paths.ts';

export interface PathRequest {
  /** The path as given on the command line. */
  readonly path: string;
  /** The option that gave it, for messages: `--out`, `--report`. */
  readonly option: string;
  readonly cwd: string;
  /** The command's inputs as given (files and folders, relative to cwd): never written over. */
  readonly inputs: readonly string[];
}

interface Place {
  /** Where its directory entry is. */
  readonly entry: string;
  /** Where it leads when followed. */
  readonly followed: string;
}

async function placeOf(absolute: string): Promise<Place> {
  return { entry: await entryLocation(absolute), followed: await followedLocation(absolute) };
}

/** An output folder (`--out`): undefined when its place allows it. */
export async function checkOutputFolderPath(request: PathRequest): Promise<Diagnostic | undefined> {
  const { path, option, cwd } = request;
  if (path === '') return emptyPath(option, cwd);
  const absolute = resolve(cwd, path);
  const shown = shownPath(absolute, cwd);
  const out = await placeOf(absolute);

  const here = await placeOf(cwd);
  if (isWithin(here.followed, out.entry) || isWithin(resolve(cwd), absolute)) {
    return refusal(
      'output/encloses-working-folder',
      shown,
      `${option} "${path}" is the current folder or a folder above it; detc replaces the whole output folder, so it would delete your project. Name a folder of its own, e.g. ${option} dist.`,
    );
  }
  const homePath = homeFolder();
  const home = homePath === undefined ? undefined : await placeOf(homePath);
  if (homePath !== undefined && home !== undefined && (isWithin(home.followed, out.entry) || isWithin(homePath, absolute))) {
    return refusal(
      'output/encloses-home',
      shown,
      `${option} "${path}" is your home folder or a folder above it; detc replaces the whole output folder. Name a folder of its own, e.g. ${option} dist.`,
    );
  }
  for (const input of request.inputs) {
    const place = await placeOf(resolve(cwd, input));
    const shownInput = shownPath(resolve(cwd, input), cwd);
    if (isWithin(place.entry, out.entry) || isWithin(place.followed, out.entry) || isWithin(place.followed, out.followed)) {
      return refusal(
        'output/overlaps-input',
        shown,
        `${option} "${path}" is or contains the input "${shownInput}"; replacing it would delete the input. Write the output to a folder of its own, outside the inputs.`,
      );
    }
    if (isWithin(out.entry, place.followed) || isWithin(out.entry, place.entry)) {
      return refusal(
        'output/overlaps-input',
        shown,
        `${option} "${path}" is inside the input folder "${shownInput}"; its output would be read as input next time. Write the output to a folder outside the inputs.`,
      );
    }
  }
  return undefined;
}

/** A single output file (`--report`): refused when empty, an input, or inside an input folder. */
export async function checkOutputFilePath(request: PathRequest & { readonly outFolder?: string }): Promise<Diagnostic | undefined> {
  const { path, option, cwd } = request;
  if (path === '') return emptyPath(option, cwd);
  const absolute = resolve(cwd, path);
  const shown = shownPath(absolute, cwd);
  const file = await placeOf(absolute);
  for (const input of request.inputs) {
    const place = await placeOf(resolve(cwd, input));
    const shownInput = shownPath(resolve(cwd, input), cwd);
    if (isWithin(file.entry, place.entry) || isWithin(file.entry, place.followed) || isWithin(file.followed, place.followed)) {
      const what = file.followed === place.followed || file.entry === place.entry ? `is the input "${shownInput}"` : `is inside the input folder "${shownInput}"`;
      return refusal('output/overlaps-input', shown, `${option} "${path}" ${what}; detc does not write over its inputs. Write it outside the inputs.`);
    }
  }
  if (request.outFolder !== undefined) {
    const out = await placeOf(resolve(cwd, request.outFolder));
    if (isWithin(file.entry, out.entry) || isWithin(file.followed, out.followed) || isWithin(out.entry, file.entry)) {
      return refusal(
        'output/report-inside-output',
        shown,
        `${option} "${path}" is inside the output folder "${request.outFolder}", which detc replaces as a whole on the next run. Write it beside the output folder instead.`,
      );
    }
  }
  return undefined;
}

/** The home folder, when there is one (HOME unset and no passwd entry: none). */
function homeFolder(): string | undefined {
  try {
    const home = homedir();
    return home === '' ? undefined : resolve(home);
  } catch {
    return undefined;
  }
}

function emptyPath(option: string, cwd: string): Diagnostic {
  return refusal(
    'output/empty-path',
    shownPath(cwd, cwd),
    `${option} is empty (an unset variable in a script?); detc will not take it for the current folder. Give a path, e.g. ${option} dist.`,
  );
}
