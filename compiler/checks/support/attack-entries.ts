// The ATT&CK mappings written in a rule file (the base rule's and each variation's own), with
// the catalog entries they resolve to, for the attack/* checks.

import type { CatalogTactic, CatalogTechnique } from '../../attack/catalog.ts';
import { findTactic, findTechnique } from '../../attack/catalog.ts';
import type { Path } from '../../load/source-document.ts';
import type { RuleDocument } from '../context.ts';
import { written } from './rule-variants.ts';

export interface AttackEntry {
  readonly rule: RuleDocument;
  /** Path of the `{tactic, techniques}` entry. */
  readonly path: Path;
  readonly tacticText: string;
  readonly tactic: CatalogTactic | undefined;
  readonly techniques: readonly { readonly text: string; readonly path: Path; readonly technique: CatalogTechnique | undefined }[];
}

export function attackEntries(rule: RuleDocument): AttackEntry[] {
  return written(rule, (v) => v.attack).flatMap(({ value, path }) =>
    value.map((entry, i): AttackEntry => {
      const at = [...path, i];
      const tacticText = typeof entry.tactic === 'string' ? entry.tactic : '';
      return {
        rule,
        path: at,
        tacticText,
        tactic: findTactic(tacticText),
        techniques: (entry.techniques ?? []).map((text, j) => ({
          text: String(text),
          path: [...at, 'techniques', j],
          technique: findTechnique(String(text)),
        })),
      };
    }),
  );
}

/** `T1204.003 (User Execution: Malicious Image)`, the way ATT&CK names sub-techniques. */
export function describeTechnique(technique: CatalogTechnique): string {
  const name = technique.parent ? `${technique.parent.name}: ${technique.name}` : technique.name;
  return `${technique.id} (${name})`;
}
