// Finds the YAML files of a rule library: the files named on the command line, and every
// `.yml`/`.yaml` file under the folders named there. Missing paths are diagnostics, not throws.
//
// Nothing outside the library root is read (library-root.ts): a named path or a symbolic link
// whose real path is outside it gives `load/outside-root`, naming the path and never what it
// leads to; a dangling or looping link, or a link to the folder it sits in (or one above), gives
// `load/broken-link`. Links that stay inside the root are followed, folders included; a folder or
// file reached under two names is read once.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, fileSpan, type Diagnostic } from '../diagnostics.ts';
import type { LibraryRoot, Resolved } from './library-root.ts';

export const YAML_EXTENSIONS: readonly string[] = ['.yml', '.yaml'];

export interface FoundFile {
  /** The file's real path (links followed), for reading. */
  readonly absolute: string;
  /** Path relative to cwd with `/` separators, as written or walked (not the link's target), for messages and spans. */
  readonly display: string;
}

/** Every YAML file under `paths`, each once, sorted by display name. */
export async function findYamlFiles(
  paths: readonly string[],
  cwd: string,
  root: LibraryRoot,
): Promise<{ files: FoundFile[]; diagnostics: Diagnostic[] }> {
  const walker = new Walker(cwd, root);
  for (const written of paths) await walker.named(path.resolve(cwd, written));
  // One entry per real file; when two names lead to it, the first in sorted order names it.
  const byReal = new Map<string, FoundFile>();
  for (const file of [...walker.files].sort((a, b) => compare(a.display, b.display))) {
    if (!byReal.has(file.absolute)) byReal.set(file.absolute, file);
  }
  return { files: [...byReal.values()], diagnostics: walker.diagnostics };
}

class Walker {
  readonly files: FoundFile[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Real paths of the folders walked, so a link back to an enclosing folder cannot loop. */
  private readonly walked = new Set<string>();

  constructor(
    private readonly cwd: string,
    private readonly root: LibraryRoot,
  ) {}

  /** A path given on the command line: a YAML file or a folder to walk. */
  async named(absolute: string): Promise<void> {
    const shown = displayPath(absolute, this.cwd);
    const resolved = await this.root.resolve(absolute);
    if (resolved.kind !== 'inside') {
      this.diagnostics.push(refusal(shown, resolved));
    } else if (resolved.stats.isDirectory()) {
      await this.walk(absolute, resolved.real);
    } else if (!isYaml(absolute)) {
      this.diagnostics.push(
        error('load/not-yaml', fileSpan(shown), `"${shown}" is not a YAML file; rules and data sources are .yml or .yaml files`),
      );
    } else {
      this.file(absolute, resolved);
    }
  }

  /** YAML files under a folder, recursively; hidden entries (`.git`, `.github` …) are skipped. */
  private async walk(directory: string, real: string): Promise<void> {
    if (this.walked.has(real)) return;
    this.walked.add(real);
    const entries = await readdir(directory, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => e);
    if (entries instanceof Error) {
      this.diagnostics.push(notReadable(displayPath(directory, this.cwd), entries));
      return;
    }
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        await this.walk(full, path.join(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        await this.link(full, real);
      } else if (!isYaml(entry.name)) {
        continue;
      } else if (entry.isFile()) {
        // A plain entry of a folder already inside the root: its real path is known.
        this.files.push({ absolute: path.join(real, entry.name), display: displayPath(full, this.cwd) });
      } else {
        this.file(full, await this.root.resolve(full));
      }
    }
  }

  /** A link met in a walk: followed when it stays inside the root; refused when it is named like a rule or leads to a folder. */
  private async link(full: string, parentReal: string): Promise<void> {
    const resolved = await this.root.resolve(full);
    if (resolved.kind === 'inside') {
      if (resolved.stats.isDirectory()) {
        // A link to the folder it sits in, or to one above, would be walked for ever.
        const ancestor = parentReal === resolved.real || parentReal.startsWith(resolved.real + path.sep);
        if (ancestor) this.diagnostics.push(refusal(displayPath(full, this.cwd), { kind: 'broken', reason: 'loop' }));
        else await this.walk(full, resolved.real);
      } else if (isYaml(full)) {
        this.file(full, resolved);
      }
      return;
    }
    // Any other link is not part of the library, wherever it leads.
    if (isYaml(full) || (resolved.kind === 'outside' && (await leadsToFolder(full)))) {
      this.diagnostics.push(refusal(displayPath(full, this.cwd), resolved));
    }
  }

  private file(absolute: string, resolved: Resolved): void {
    const shown = displayPath(absolute, this.cwd);
    if (resolved.kind !== 'inside') {
      this.diagnostics.push(refusal(shown, resolved));
    } else if (!resolved.stats.isFile()) {
      // A FIFO or a device would block or never end; only regular files are rules.
      this.diagnostics.push(
        error(
          'load/not-regular-file',
          fileSpan(shown),
          `"${shown}" is not a regular file (a pipe, socket or device); rules and data sources are plain .yml files: remove it`,
        ),
      );
    } else {
      this.files.push({ absolute: resolved.real, display: shown });
    }
  }
}

async function leadsToFolder(link: string): Promise<boolean> {
  return stat(link).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The diagnostic for a path detc does not read. Never says what an outside link leads to. */
export function refusal(shown: string, resolved: Exclude<Resolved, { kind: 'inside' }>): Diagnostic {
  switch (resolved.kind) {
    case 'outside':
      return error(
        'load/outside-root',
        fileSpan(shown),
        resolved.hidden !== undefined
          ? `"${shown}" is a symbolic link into the hidden folder ${resolved.hidden}, which detc never reads; replace the link with the file itself, or remove it`
          : resolved.viaLink
            ? `"${shown}" is a symbolic link to something outside the library root (the folder detc runs in); detc reads only files inside it: replace the link with the file itself, or remove it`
            : `"${shown}" is outside the library root (the folder detc runs in); detc reads only files inside it: run detc from a folder that contains it`,
      );
    case 'broken':
      return error(
        'load/broken-link',
        fileSpan(shown),
        resolved.reason === 'loop'
          ? `"${shown}" is a symbolic link that leads back to itself or to a folder that contains it (a loop); point it elsewhere, or remove it`
          : `"${shown}" is a symbolic link to something that does not exist; point it at an existing file, or remove it`,
      );
    case 'missing':
      return notReadable(shown, Object.assign(new Error('missing'), { code: 'ENOENT' }));
    case 'error':
      return notReadable(shown, resolved.cause);
  }
}

export function notReadable(shown: string, cause: NodeJS.ErrnoException): Diagnostic {
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
