// Every semantic check, in the order they run. Adding a check: one file in this folder, one
// line here, one test in test/checks/.

import type { Diagnostic } from '../diagnostics.ts';
import { allowlistNames } from './allowlist-names.ts';
import type { Check } from './check.ts';
import type { CheckContext } from './context.ts';
import { catastrophicRegex } from './catastrophic-regex.ts';
import { contradiction } from './contradiction.ts';
import { deprecatedTechnique } from './deprecated-technique.ts';
import { duplicateAttackMapping } from './duplicate-attack-mapping.ts';
import { duplicateId } from './duplicate-id.ts';
import { duplicateName } from './duplicate-name.ts';
import { duplicateValue } from './duplicate-value.ts';
import { durationBounds } from './duration-bounds.ts';
import { emptyList } from './empty-list.ts';
import { emptyPattern } from './empty-pattern.ts';
import { entityFields } from './entity-fields.ts';
import { invalidCidr } from './invalid-cidr.ts';
import { invalidRegex } from './invalid-regex.ts';
import { lowerNeedsLowercase } from './lower-needs-lowercase.ts';
import { lowercaseField } from './lowercase-field.ts';
import { messageTokenFields } from './message-tokens.ts';
import { newTermsFields } from './new-terms-fields.ts';
import { periodsConsistency } from './periods-consistency.ts';
import { revokedTechnique } from './revoked-technique.ts';
import { scheduleWindow } from './schedule-window.ts';
import { subtechniqueWithParent } from './subtechnique-with-parent.ts';
import { techniqueNotInTactic } from './technique-not-in-tactic.ts';
import { testEventValues } from './test-event-values.ts';
import { testEvents } from './test-events.ts';
import { thresholdFields } from './threshold-fields.ts';
import { typeMismatch } from './type-mismatch.ts';
import { unknownDataSource } from './unknown-data-source.ts';
import { unknownField } from './unknown-field.ts';
import { unknownTactic } from './unknown-tactic.ts';
import { unknownTechnique } from './unknown-technique.ts';
import { unusedDetectionSettings } from './unused-detection-settings.ts';
import { variationChanges } from './variation-changes.ts';
import { variationIdentity } from './variation-identity.ts';

export type { Check } from './check.ts';

export const checks: readonly Check[] = [
  // The library: ids, names, data sources.
  duplicateId,
  duplicateName,
  variationIdentity,
  variationChanges,
  unknownDataSource,
  // Fields and match expressions.
  unknownField,
  typeMismatch,
  invalidRegex,
  catastrophicRegex,
  invalidCidr,
  emptyList,
  emptyPattern,
  duplicateValue,
  contradiction,
  lowerNeedsLowercase,
  lowercaseField,
  allowlistNames,
  // Detection types, periods and schedule.
  newTermsFields,
  thresholdFields,
  unusedDetectionSettings,
  scheduleWindow,
  periodsConsistency,
  durationBounds,
  // Alert content.
  entityFields,
  messageTokenFields,
  // ATT&CK.
  unknownTactic,
  unknownTechnique,
  revokedTechnique,
  deprecatedTechnique,
  techniqueNotInTactic,
  subtechniqueWithParent,
  duplicateAttackMapping,
  // Tests.
  testEvents,
  testEventValues,
];

/**
 * Runs every check over the library. A value a variation inherits from its base rule is seen once
 * per rule that uses it; the same diagnostic at the same place is reported only once.
 */
export function runChecks(ctx: CheckContext): void {
  const reported = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = JSON.stringify([d.code, d.span.file, d.span.start.offset, d.span.end.offset, d.message]);
    if (reported.has(key)) return;
    reported.add(key);
    ctx.report(d);
  };
  const context: CheckContext = { rules: ctx.rules, dataSources: ctx.dataSources, report };
  for (const check of checks) check.run(context);
}
