// How an owned output is laid out on disk (docs/output.md, "Layout"):
//
//   dist                 a symbolic link (a junction on Windows) to the current generation
//   .dist.detc/          the state folder, beside it: detc's, and only detc's
//     .detc-output.json  the marker
//     g-7/               the current generation: the whole output, with its own marker
//     lock               while a build runs (output-lock.ts)
//
// A new build writes g-8 beside g-7, then swaps the link in one rename, then removes g-7. At
// every moment `dist` names a complete generation.

import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { generationName, generationNumber, stateFolderName } from '../compiler/output-names.ts';

export { generationName, generationNumber, stateFolderName };

export interface OutputLayout {
  /** The output as the user named it (absolute): the link. */
  readonly out: string;
  readonly parent: string;
  /** The state folder beside it. */
  readonly state: string;
}

export function layoutOf(out: string): OutputLayout {
  return { out, parent: dirname(out), state: join(dirname(out), stateFolderName(basename(out))) };
}


export const LOCK_FILE = 'lock';


/**
 * The link's text for a generation. Relative on POSIX, so the output and its state folder can be
 * moved together; Windows junctions only hold absolute targets.
 */
export function linkText(layout: OutputLayout, generation: string, platform = process.platform): string {
  return platform === 'win32' ? join(layout.state, generation) : `${stateFolderName(basename(layout.out))}/${generation}`;
}

/** The generation a link's text names, when it is one detc writes for this output; else undefined. */
export function linkedGeneration(layout: OutputLayout, text: string): string | undefined {
  const state = stateFolderName(basename(layout.out));
  if (isAbsolute(text)) {
    // A junction reads back absolute, sometimes with the \\?\ prefix.
    const target = normalize(text.replace(/^\\\\\?\\/, ''));
    return dirname(target) === layout.state && generationNumber(basename(target)) !== undefined ? basename(target) : undefined;
  }
  const [folder, generation, ...rest] = text.split('/');
  return folder === state && rest.length === 0 && generation !== undefined && generationNumber(generation) !== undefined ? generation : undefined;
}
