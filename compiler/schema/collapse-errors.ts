// ajv with `allErrors` reports every failed branch of `oneOf`/`anyOf` and a summary error for
// each `if`. A rule author needs one error per mistake, so before writing messages we keep, for
// each `oneOf`/`anyOf`, only the errors of the branch that came closest to matching, and drop the
// bookkeeping errors that merely say "some branch failed".
// Branch errors are recognised by their schemaPath starting with the oneOf's, which holds as long
// as a branch's own sub-schemas are inlined by ajv (small, non-recursive $refs are).

import type { ErrorObject } from 'ajv';

export function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let result = [...errors];
  // Innermost first, so that a oneOf nested in another oneOf's branch is settled before its parent.
  const alternatives = result
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => b.instancePath.length - a.instancePath.length || b.schemaPath.length - a.schemaPath.length);
  for (const alternative of alternatives) {
    if (!result.includes(alternative)) continue;
    const branchPrefix = `${alternative.schemaPath}/`;
    const inBranches = (e: ErrorObject) =>
      e !== alternative && isWithin(e.instancePath, alternative.instancePath) && e.schemaPath.startsWith(branchPrefix);
    const branches = new Map<string, ErrorObject[]>();
    for (const e of result.filter(inBranches)) {
      const branch = e.schemaPath.slice(branchPrefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const closest = closestBranch(branches);
    result = result.filter((e) => {
      if (inBranches(e)) return closest?.includes(e) ?? false;
      // No branch reported anything when a oneOf matched several branches: keep its own error then.
      if (e === alternative) return closest === undefined;
      return true;
    });
  }
  // `if` errors only say that `then`/`else` failed, and `propertyNames` errors that a key name
  // failed its schema; the failures themselves are reported.
  return result.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
}

/** The branch with the fewest errors (a type mismatch weighs more); among equals, the first one. */
function closestBranch(branches: ReadonlyMap<string, ErrorObject[]>): ErrorObject[] | undefined {
  let best: ErrorObject[] | undefined;
  for (const key of [...branches.keys()].sort((a, b) => Number(a) - Number(b))) {
    const errors = branches.get(key)!;
    if (best === undefined || score(errors) < score(best)) best = errors;
  }
  return best;
}

function score(errors: readonly ErrorObject[]): number {
  // A type mismatch means the author did not write this form at all.
  return errors.reduce((total, e) => total + (e.keyword === 'type' ? 10 : 1), 0);
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}
