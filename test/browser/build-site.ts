// Builds the documentation site for the browser tests the way `detc build` does: the query
// targets run first (their queries are shown on the rule pages; rules a target refuses simply
// have no query there), then docs. Files are formatted and written under a temporary folder.

import type { Library } from '../../compiler/ir.ts';
import { docsTarget } from '../../targets/docs/index.ts';
import { queriesOfEarlierTargets } from '../docs/emit.ts';
import { writeOutput } from './support.ts';

export async function buildSite(library: Library): Promise<string> {
  const queries = await queriesOfEarlierTargets(library);
  const result = await docsTarget.emit(library, { targets: [...queries.keys(), 'docs'], queries });
  return writeOutput(result.files);
}
