// Builds the documentation site for the browser tests the way `detc build` does: the query
// targets run first (their queries are shown on the rule pages; rules a target refuses simply
// have no query there), then docs. Files are formatted and written under a temporary folder.

import type { Library } from '../../compiler/ir.ts';
import { targets } from '../../targets/index.ts';
import type { QueryPreview } from '../../targets/target.ts';
import { writeOutput } from './support.ts';

export async function buildSite(library: Library): Promise<string> {
  const queries = new Map<string, ReadonlyMap<string, QueryPreview>>();
  const names = targets.map((t) => t.name);
  for (const target of targets) {
    if (target.name === 'docs') break;
    const result = await target.emit(library, { targets: names, queries });
    if (result.queries) queries.set(target.name, result.queries);
  }
  const docs = targets.find((t) => t.name === 'docs');
  if (!docs) throw new Error('targets/index.ts does not list the docs target');
  const result = await docs.emit(library, { targets: names, queries });
  return writeOutput(result.files);
}
