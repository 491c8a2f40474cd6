// The marker that proves a folder is detc's: `.detc-output.json`, written inside every output
// generation and inside the state folder beside it (docs/output.md). detc replaces or deletes
// only what carries the marker of the same command. Its text never changes between runs, so
// the output stays byte-identical.

import { MARKER_FILE } from '../compiler/output-names.ts';

export { MARKER_FILE };

/** The commands that own an output folder. A folder written by one is not replaced by the other. */
export type OutputCommand = 'build' | 'import sigma';

export function markerText(command: OutputCommand): string {
  const marker = {
    generator: 'detc',
    command: `detc ${command}`,
    note: `detc replaces this whole folder on every \`detc ${command}\`: do not keep your own files here. See docs/output.md.`,
  };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

export type MarkerVerdict = { readonly kind: 'same' } | { readonly kind: 'other-command'; readonly command: string } | { readonly kind: 'not-a-marker' };

/** Reads a marker's text: the same command's marker, another detc command's, or not a marker at all. */
export function readMarker(text: string, command: OutputCommand): MarkerVerdict {
  if (text === markerText(command)) return { kind: 'same' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'not-a-marker' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'not-a-marker' };
  const { generator, command: other } = parsed as { generator?: unknown; command?: unknown };
  if (generator !== 'detc' || typeof other !== 'string') return { kind: 'not-a-marker' };
  return other === `detc ${command}` ? { kind: 'same' } : { kind: 'other-command', command: other };
}
