// The library root: the one folder whose files detc may read. Rules, data sources and detc.yml
// are read only when their real path (symbolic links followed) lies inside it and outside its
// hidden folders (.git, .github …), so a committed link such as `rules/x.yml -> /proc/self/environ`
// or `-> ../.git/config` is refused with a diagnostic, never read.

import { lstat, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { generationNumber, isStateFolderName, MARKER_FILE } from '../output-names.ts';

/**
 * The library root for a run of detc in `cwd`. Today: the folder detc runs in, where detc.yml is.
 * (Finding it by walking up to detc.yml changes this function only.)
 */
export function libraryRoot(cwd: string): string {
  return path.resolve(cwd);
}

/** Where a path leads, once its links are followed. */
export type Resolved =
  | { readonly kind: 'inside'; readonly real: string; readonly stats: Stats }
  /** The real path is outside the root, or (through a link) inside one of its hidden folders. */
  | { readonly kind: 'outside'; readonly viaLink: boolean; readonly hidden?: string }
  /** A link to nothing, or a chain of links that loops. */
  | { readonly kind: 'broken'; readonly reason: 'dangling' | 'loop' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly cause: NodeJS.ErrnoException };

export class LibraryRoot {
  /** The root as given (absolute). */
  readonly path: string;
  /** The root with its own links followed (/tmp may itself be a link), for containment tests. */
  private readonly real: string;

  private constructor(rootPath: string, real: string) {
    this.path = rootPath;
    this.real = real;
  }

  static async at(rootPath: string): Promise<LibraryRoot> {
    const absolute = path.resolve(rootPath);
    const real = await realpath(absolute).catch(() => absolute);
    return new LibraryRoot(absolute, real);
  }

  /** Follows the links of `absolute` and says whether detc may read what it leads to. */
  async resolve(absolute: string): Promise<Resolved> {
    const link = await lstat(absolute).catch((e: NodeJS.ErrnoException) => e);
    if (link instanceof Error) return link.code === 'ENOENT' || link.code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'error', cause: link };
    const real = await realpath(absolute).catch((e: NodeJS.ErrnoException) => e);
    if (real instanceof Error) {
      if (real.code === 'ELOOP') return { kind: 'broken', reason: 'loop' };
      if (real.code === 'ENOENT' || real.code === 'ENOTDIR') return { kind: 'broken', reason: 'dangling' };
      return { kind: 'error', cause: real };
    }
    const written = this.relative(path.resolve(absolute), this.path);
    const actual = this.relative(real, this.real);
    const viaLink = written !== actual;
    if (actual === undefined) return { kind: 'outside', viaLink };
    // A link may not lead into a hidden folder (the walk never enters one): .git/config holds
    // credentials on CI runners.
    const hidden = viaLink ? await this.hiddenSegment(actual) : undefined;
    if (hidden !== undefined) return { kind: 'outside', viaLink, hidden };
    const stats = await stat(real).catch((e: NodeJS.ErrnoException) => e);
    if (stats instanceof Error) return { kind: 'error', cause: stats };
    return { kind: 'inside', real, stats };
  }

  /**
   * The first hidden folder on a path inside the root, except a detc output's state folder at a
   * generation (`imported` → `.imported.detc/g-3`, what `detc import sigma --out imported`
   * writes): that is detc's own output, marked as such, and reading it is the point.
   */
  private async hiddenSegment(inside: string): Promise<string | undefined> {
    const segments = inside.split(path.sep);
    const index = segments.findIndex((segment) => segment.startsWith('.') && segment !== '.');
    if (index === -1) return undefined;
    const hidden = segments[index]!;
    const generation = segments[index + 1];
    const isOutput =
      isStateFolderName(hidden) &&
      generation !== undefined &&
      generationNumber(generation) !== undefined &&
      !segments.slice(index + 2).some((segment) => segment.startsWith('.')) &&
      (await stat(path.join(this.real, ...segments.slice(0, index + 2), MARKER_FILE)).then((s) => s.isFile(), () => false));
    return isOutput ? undefined : hidden;
  }

  /** `absolute` relative to `base` when inside it ('' for base itself), else undefined. */
  private relative(absolute: string, base: string): string | undefined {
    const relative = path.relative(base, absolute);
    if (relative === '') return '';
    if (relative.startsWith('..') && (relative === '..' || relative.startsWith(`..${path.sep}`))) return undefined;
    if (path.isAbsolute(relative)) return undefined; // another drive on Windows
    return relative;
  }
}
