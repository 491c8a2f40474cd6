// Finds the YAML files of a rule library: the files named on the command line, and every
// `.yml`/`.yaml` file under the folders named there. Missing paths are diagnostics, not throws.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, fileSpan, type Diagnostic } from '../diagnostics.ts';

export const YAML_EXTENSIONS: readonly string[] = ['.yml', '.yaml'];

export interface FoundFile {
  /** Absolute path, for reading. */
  readonly absolute: string;
  /** Path relative to cwd with `/` separators, for messages and spans. */
  readonly display: string;
}

/** Every YAML file under `paths`, each once, sorted by display name. */
export async function findYamlFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ files: FoundFile[]; diagnostics: Diagnostic[] }> {
  const found = new Map<string, FoundFile>();
  const diagnostics: Diagnostic[] = [];
  const add = (absolute: string) => found.set(absolute, { absolute, display: displayPath(absolute, cwd) });

  for (const written of paths) {
    const absolute = path.resolve(cwd, written);
    const shown = displayPath(absolute, cwd);
    const stats = await stat(absolute).catch((e: NodeJS.ErrnoException) => e);
    if (stats instanceof Error) {
      diagnostics.push(notReadable(shown, stats));
    } else if (stats.isDirectory()) {
      const walked = await walk(absolute, cwd, diagnostics);
      walked.forEach(add);
    } else if (isYaml(absolute)) {
      add(absolute);
    } else {
      diagnostics.push(
        error('load/not-yaml', fileSpan(shown), `"${shown}" is not a YAML file; rules and data sources are .yml or .yaml files`),
      );
    }
  }
  const files = [...found.values()].sort((a, b) => compare(a.display, b.display));
  return { files, diagnostics };
}

/** YAML files under a folder, recursively; hidden entries (`.git`, `.github` …) are skipped. */
async function walk(directory: string, cwd: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => e);
  if (entries instanceof Error) {
    diagnostics.push(notReadable(displayPath(directory, cwd), entries));
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full, cwd, diagnostics)));
    else if ((entry.isFile() || entry.isSymbolicLink()) && isYaml(entry.name)) files.push(full);
  }
  return files;
}

function notReadable(shown: string, cause: NodeJS.ErrnoException): Diagnostic {
  if (cause.code === 'ENOENT' || cause.code === 'ENOTDIR') {
    return error(
      'load/not-found',
      fileSpan(shown),
      `"${shown}" does not exist; check the path (relative paths start at the current folder)`,
    );
  }
  return error(
    'load/unreadable',
    fileSpan(shown),
    `"${shown}" cannot be read (${cause.code ?? cause.message}); check its permissions`,
  );
}

export function isYaml(file: string): boolean {
  return YAML_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** `rules/data-sources/k8s.yml`: relative to cwd, `/`-separated on every platform. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** Plain code-unit order, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
