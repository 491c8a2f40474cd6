// The shape of compiler/attack/enterprise-attack.json: the compact ATT&CK Enterprise table that
// scripts/generate-attack.ts derives from MITRE's data. Shared by the generator (which writes it)
// and the catalog (which reads it), so the two cannot drift apart.

export interface AttackTable {
  /** ATT&CK release, e.g. `18.1`. */
  readonly version: string;
  /** Release date-time as MITRE publishes it. */
  readonly modified: string;
  /** MITRE's copyright designation: it must travel with the data wherever we ship it. */
  readonly copyright: string;
  /** In matrix order, Reconnaissance to Impact. */
  readonly tactics: readonly AttackTableTactic[];
  /** Techniques and sub-techniques, sorted by id (`T1204` before `T1204.001`). */
  readonly techniques: readonly AttackTableTechnique[];
}

export interface AttackTableTactic {
  readonly id: string; // TA0002
  readonly name: string; // Execution
  readonly shortname: string; // execution
  readonly url: string;
}

export interface AttackTableTechnique {
  readonly id: string; // T1204.003
  /** A sub-technique's own name (`Malicious Image`), not `Parent: Sub`. */
  readonly name: string;
  /** Tactic shortnames, in matrix order. */
  readonly tactics: readonly string[];
  /** The parent technique's id for a sub-technique, else null. */
  readonly parent: string | null;
  readonly deprecated: boolean;
  readonly revoked: boolean;
  /** Only on revoked entries: the id that revoked it, and the active id at the end of the chain (or null). */
  readonly revoked_by?: string;
  readonly current_id?: string | null;
}

/** ATT&CK's page for a technique: `T1204.003` → `https://attack.mitre.org/techniques/T1204/003`. */
export function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace('.', '/')}`;
}
