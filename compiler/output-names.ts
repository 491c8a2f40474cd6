// The names of detc's own output on disk (docs/output.md, "Layout"): `dist` is a link to
// `.dist.detc/g-7/`, and both folders carry the marker file. The writer (driver/output-*.ts)
// makes them; the loader recognises them, so a library detc imported (`imported` → its hidden
// state folder) can be read although links into hidden folders are refused.

export const MARKER_FILE = '.detc-output.json';

export function stateFolderName(outName: string): string {
  return `.${outName}.detc`;
}

const GENERATION = /^g-(\d{1,15})$/;

export function generationName(n: number): string {
  return `g-${n}`;
}

/** The number of a generation folder's name, or undefined when the name is not one. */
export function generationNumber(name: string): number | undefined {
  const match = GENERATION.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Whether `stateFolder` (a folder name) is the state folder of some output `X` (`.X.detc`). */
export function isStateFolderName(stateFolder: string): boolean {
  return /^\..+\.detc$/.test(stateFolder);
}
