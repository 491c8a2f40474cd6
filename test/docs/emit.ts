// Runs the docs target and formats its files the way `detc build` writes them.

import { formatOutputFile } from '../../driver/format-output.ts';
import type { Library } from '../../compiler/ir.ts';
import { docsTarget } from '../../targets/docs/index.ts';
import { loadTargets } from '../../targets/index.ts';
import type { QueryPreview } from '../../targets/target.ts';

export type Queries = ReadonlyMap<string, ReadonlyMap<string, QueryPreview>>;

export async function emitDocsFiles(library: Library, queries: Queries = new Map()): Promise<Map<string, string>> {
  const result = await docsTarget.emit(library, { targets: [...queries.keys(), 'docs'], queries });
  const files = new Map<string, string>();
  for (const file of result.files) {
    const formatted = await formatOutputFile(file);
    files.set(formatted.path, String(formatted.contents));
  }
  return files;
}

export function fileAt(files: ReadonlyMap<string, string>, path: string): string {
  const text = files.get(path);
  if (text === undefined) throw new Error(`docs did not write ${path}; it wrote ${[...files.keys()].join(', ')}`);
  return text;
}

/** The queries of the targets listed before docs in targets/index.ts, as `detc build` hands them to docs. */
export async function queriesOfEarlierTargets(library: Library): Promise<Queries> {
  const queries = new Map<string, ReadonlyMap<string, QueryPreview>>();
  const targets = await loadTargets();
  const names = targets.map((t) => t.name);
  for (const target of targets) {
    if (target.name === 'docs') break;
    const result = await target.emit(library, { targets: names, queries });
    if (result.queries) queries.set(target.name, result.queries);
  }
  return queries;
}

/**
 * Every `href`/`src` of the HTML files that is not an https address must be a relative path to a
 * file that was written (and, with a fragment, to an element with that id). Returns the broken ones.
 */
export function brokenLinks(files: ReadonlyMap<string, string>): string[] {
  const broken: string[] = [];
  for (const [path, html] of files) {
    if (!path.endsWith('.html')) continue;
    const dir = path.split('/').slice(0, -1);
    for (const [, attr, target = ''] of html.matchAll(/\b(href|src)="([^"]*)"/g)) {
      if (/^https:\/\//.test(target)) continue;
      if (/^(\/|[a-z]+:)/i.test(target)) {
        broken.push(`${path} ${attr} → ${target} (not relative)`);
        continue;
      }
      const [file, fragment] = target.split('#');
      const resolved = file ? resolvePath(dir, file) : path;
      if (!files.has(resolved)) broken.push(`${path} → ${target}`);
      else if (fragment && !files.get(resolved)!.includes(`id="${fragment}"`)) broken.push(`${path} → ${target} (no such anchor)`);
    }
  }
  return broken;
}

function resolvePath(dir: readonly string[], relative: string): string {
  const parts = [...dir];
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}
