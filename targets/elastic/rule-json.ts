// One IR rule → one Kibana detection rule object, as the detection engine's create/import API
// takes it (see docs/targets.md "## Elastic" for every field). The key order is fixed so the
// JSON is stable and reads top-down: identity, what it detects, when it runs, context.

import { warning, type Diagnostic } from '../../compiler/diagnostics.ts';
import type { Rule, Severity } from '../../compiler/ir.ts';
import { investigationFieldNames, requiredFields } from './fields.ts';
import { investigationGuide, setupGuide } from './note.ts';
import { historyWindowStart, ruleWindow, suppressionDuration } from './schedule.ts';
import type { EffectiveSettings } from './settings.ts';
import { ruleTags } from './tags.ts';
import { threatEntries } from './threat.ts';

export type KibanaRule = Record<string, unknown>;

export type KibanaSeverity = 'low' | 'medium' | 'high' | 'critical';

/** Kibana has no "informational" severity; such rules are `low` (their risk score still says how little). */
export function kibanaSeverity(severity: Severity): KibanaSeverity {
  return severity === 'informational' ? 'low' : severity;
}

/** Kibana allows at most three fields in new_terms_fields and in alert_suppression.group_by. */
const MAX_GROUP_FIELDS = 3;

export function kibanaRule(rule: Rule, query: { language: 'kuery' | 'lucene'; text: string }, settings: EffectiveSettings, diagnostics: Diagnostic[]): KibanaRule {
  const detection = rule.detection;
  const window = ruleWindow(rule);
  const out: KibanaRule = {
    rule_id: rule.id,
    name: rule.name,
    description: rule.description.trim(),
    version: rule.version,
    author: [...settings.author],
    ...(settings.license !== undefined ? { license: settings.license } : {}),
    severity: kibanaSeverity(rule.severity),
    risk_score: rule.risk.score,
    type: detection.type,
    language: query.language,
    index: [...(settings.index ?? rule.dataSource.elastic.index)],
    query: query.text,
  };

  if (detection.type === 'new_terms') {
    out.new_terms_fields = detection.fields.map((f) => f.elastic);
    if (rule.periods.training) out.history_window_start = historyWindowStart(rule.periods.training);
  } else if (detection.type === 'threshold') {
    out.threshold = {
      field: detection.groupBy.map((f) => f.elastic),
      value: detection.value,
      ...(detection.cardinality ? { cardinality: [{ field: detection.cardinality.field.elastic, value: detection.cardinality.value }] } : {}),
    };
  }

  Object.assign(out, {
    interval: window.interval,
    from: window.from,
    ...(window.to ? { to: window.to } : {}),
    enabled: settings.enabled,
    max_signals: settings.maxSignals,
  });
  if (settings.buildingBlock) out.building_block_type = 'default';
  if (settings.timestampOverride) out.timestamp_override = settings.timestampOverride;

  const suppression = alertSuppression(rule, settings, diagnostics);
  if (suppression) out.alert_suppression = suppression;

  Object.assign(out, {
    tags: ruleTags(rule, settings),
    threat: threatEntries(rule.attack),
    references: [...rule.references],
    false_positives: [...rule.falsePositives],
    note: investigationGuide(rule),
    ...((settings.setup ?? setupGuide(rule)) ? { setup: settings.setup ?? setupGuide(rule) } : {}),
    required_fields: requiredFields(rule),
    related_integrations: rule.dataSource.elastic.integrations.map((i) => ({
      package: i.package,
      version: i.version,
      ...(i.integration ? { integration: i.integration } : {}),
    })),
  });
  const investigation = investigationFieldNames(rule);
  if (investigation.length > 0) out.investigation_fields = { field_names: investigation };
  return out;
}

/**
 * `periods.deduplication` → `alert_suppression`: alerts with the same entity field values are
 * suppressed for that long. Threshold rules already group by their fields, so Kibana takes only a
 * duration for them.
 */
function alertSuppression(rule: Rule, settings: EffectiveSettings, diagnostics: Diagnostic[]): KibanaRule | undefined {
  const dedup = rule.periods.deduplication;
  if (!dedup || dedup.seconds <= 0) return undefined;
  const duration = suppressionDuration(dedup.seconds);
  if (rule.detection.type === 'threshold') return { duration };

  const groupBy = [...new Set(rule.entities.map((e) => e.field.elastic))];
  if (groupBy.length === 0) {
    diagnostics.push(
      warning('elastic/suppression-without-entities', dedup.span, 'Kibana suppresses alerts per group of field values, and this rule names no entities; the deduplication period is not applied in Elastic. Add entities to the rule.'),
    );
    return undefined;
  }
  if (groupBy.length > MAX_GROUP_FIELDS) {
    diagnostics.push(
      warning(
        'elastic/suppression-too-many-entities',
        dedup.span,
        `Kibana suppresses alerts by at most ${MAX_GROUP_FIELDS} fields; alerts are grouped by the first ${MAX_GROUP_FIELDS} entities (${groupBy.slice(0, MAX_GROUP_FIELDS).join(', ')}). Order the entities so the most useful come first.`,
      ),
    );
  }
  return { group_by: groupBy.slice(0, MAX_GROUP_FIELDS), duration, missing_fields_strategy: settings.missingFieldsStrategy };
}
