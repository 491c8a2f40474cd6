// How IR values read on a page: severities, detection types, ATT&CK names.

import { assertNever, type Detection, type Severity, type Tactic, type Technique } from '../../compiler/ir.ts';

export const severityOrder: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

export function severityLabel(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

export function detectionTypeLabel(type: Detection['type']): string {
  switch (type) {
    case 'query':
      return 'Query';
    case 'new_terms':
      return 'New terms';
    case 'threshold':
      return 'Threshold';
    default:
      return assertNever(type, 'detection type');
  }
}

/** "Execution (TA0002)" */
export function tacticLabel(tactic: Tactic): string {
  return `${tactic.name} (${tactic.id})`;
}

/** A technique's full name: "User Execution: Malicious Image" for a sub-technique, as ATT&CK shows it. */
export function techniqueName(technique: Technique): string {
  return technique.parent ? `${technique.parent.name}: ${technique.name}` : technique.name;
}

/** "User Execution: Malicious Image (T1204.003)" */
export function techniqueLabel(technique: Technique): string {
  return `${techniqueName(technique)} (${technique.id})`;
}

/** Human name of a target's query, for the "beyond Cortex" section. */
export function queryTitle(target: string): string {
  switch (target) {
    case 'splunk':
      return 'Splunk search';
    case 'elastic':
      return 'Elastic query';
    default:
      return `${target} query`;
  }
}
