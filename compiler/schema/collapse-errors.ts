// ajv with `allErrors` reports every failed branch of `oneOf`/`anyOf` and a summary error for
// each `if`. A rule author needs one error per mistake, so before writing messages we keep, for
// each `oneOf`/`anyOf`, only the errors of the branch that came closest to matching, and drop the
// bookkeeping errors that merely say "some branch failed".
//
// Branch errors are recognised by their schemaPath starting with the oneOf's. That holds for
// keywords written inside the branch; an inlined `$ref` inside a branch would report the
// referenced schema's path instead, so the schemas keep oneOf branches free of `$ref`.

import type { ErrorObject } from 'ajv';

export interface CollapsedError {
  readonly error: ErrorObject;
  /** The `oneOf`/`anyOf` error whose closest branch this error comes from, if any. */
  readonly alternative?: ErrorObject;
}

export function collapseErrors(errors: readonly ErrorObject[]): CollapsedError[] {
  let result = [...errors];
  const alternativeOf = new Map<ErrorObject, ErrorObject>();
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
    const closest = closestBranch(branches, alternative.instancePath);
    for (const e of closest ?? []) if (!alternativeOf.has(e)) alternativeOf.set(e, alternative);
    result = result.filter((e) => {
      if (inBranches(e)) return closest?.includes(e) ?? false;
      // No branch reported anything when a oneOf matched several branches: keep its own error then.
      if (e === alternative) return closest === undefined;
      return true;
    });
  }
  // `if` errors only say that `then`/`else` failed, and `propertyNames` errors that a key name
  // failed its schema; the failures themselves are reported.
  return result
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames')
    .map((e) => {
      const alternative = alternativeOf.get(e);
      return alternative ? { error: e, alternative } : { error: e };
    });
}

/** The branch with the fewest errors (a type mismatch weighs more); among equals, the first one. */
function closestBranch(branches: ReadonlyMap<string, ErrorObject[]>, instancePath: string): ErrorObject[] | undefined {
  // A type mismatch of the value itself means the author did not write this form at all.
  const weight = (errors: readonly ErrorObject[]) =>
    errors.reduce((total, e) => total + (e.keyword === 'type' && e.instancePath === instancePath ? 10 : 1), 0);
  let best: ErrorObject[] | undefined;
  for (const key of [...branches.keys()].sort((a, b) => Number(a) - Number(b))) {
    const errors = branches.get(key)!;
    if (best === undefined || weight(errors) < weight(best)) best = errors;
  }
  return best;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}
