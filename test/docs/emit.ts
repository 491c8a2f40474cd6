// Runs the docs target and formats its files the way `detc build` writes them.

import { formatOutputFile } from '../../compiler/build/format-output.ts';
import type { Library } from '../../compiler/ir.ts';
import { docsTarget } from '../../targets/docs/index.ts';
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
