// The ATT&CK lookups the importer needs, from the compiler's catalog (compiler/attack/catalog.ts),
// behind three small functions so the tag mapping reads in Sigma's terms.

import { attackCatalogInfo, findTactic, findTechnique, type CatalogTechnique } from '../../compiler/attack/catalog.ts';

/** A tactic's shortname (`defense-evasion`) when the catalog has that tactic. */
export function tacticByShortname(shortname: string): string | undefined {
  const tactic = findTactic(shortname);
  return tactic && tactic.shortname === shortname ? tactic.shortname : undefined;
}

/** A technique or sub-technique by id (`T1059.001`), including revoked and deprecated ones. */
export function techniqueById(id: string): CatalogTechnique | undefined {
  return findTechnique(id);
}

export function attackVersion(): string {
  return attackCatalogInfo().version;
}
