// Sigma correlation rules (Sigma correlation rules specification) → detc threshold rules.
// `event_count` (at least N events per group within the timespan) and `value_count` (at least N
// distinct values of a field per group) are exactly our threshold detection over the one rule they
// correlate; `temporal`, `temporal_ordered` and the value statistics (value_sum, value_avg,
// value_percentile, …) have no detc equivalent and are refused with the reason.

import type { RuleSource } from '../../compiler/load/source-types.ts';
import { countProblem, windowProblem } from './bounds.ts';
import { importRule, type RuleImport } from './import-rule.ts';
import type { DataSourceRegistry } from './logsource.ts';

const SUPPORTED = new Set(['event_count', 'value_count']);

/**
 * `documents` are the YAML documents of one file: a correlation rule and the rules it names
 * (by `name` or `id`). Returns the threshold rule, or a refusal.
 */
export function importCorrelation(documents: readonly Record<string, unknown>[], file: string, dataSources: DataSourceRegistry): RuleImport {
  const correlations = documents.filter((d) => d.correlation !== undefined);
  if (correlations.length !== 1) return refused('sigma/multi-document', `The file holds ${documents.length} YAML documents and ${correlations.length} correlation rules; detc imports one rule, or one correlation with the rules it uses, per file. Split the file.`);
  const correlationRule = correlations[0]!;
  const correlation = correlationRule.correlation as Record<string, unknown>;
  const type = String(correlation.type);
  if (!SUPPORTED.has(type)) {
    return refused('sigma/correlation-type', `Correlation type \`${type}\` has no detc equivalent: detc's threshold detection counts events (event_count) or distinct values (value_count) per group within a window; temporal and value-statistics correlations need an engine that joins rules.`);
  }
  const names = (Array.isArray(correlation.rules) ? correlation.rules : [correlation.rules]).map(String);
  if (names.length !== 1) return refused('sigma/correlation-rules', `The ${type} correlation counts events of ${names.length} rules; detc's threshold counts the events of one match expression. Correlate one rule, or merge the rules into one.`);
  const base = documents.find((d) => d !== correlationRule && (d.name === names[0] || d.id === names[0]));
  if (!base) return refused('sigma/correlation-missing-rule', `The correlation uses the rule \`${names[0]}\`, which is not in the same file; put the rule and its correlation in one file.`);
  const timespanProblem = windowProblem(correlation.timespan, 'timespan');
  if (timespanProblem) return refused('sigma/timespan', timespanProblem);
  const timespan = String(correlation.timespan);
  const condition = (correlation.condition ?? {}) as Record<string, unknown>;
  const atLeast = typeof condition.gte === 'number' ? condition.gte : typeof condition.gt === 'number' ? condition.gt + 1 : undefined;
  if (atLeast === undefined || Object.keys(condition).some((k) => k !== 'gte' && k !== 'gt' && k !== 'field')) {
    return refused('sigma/correlation-condition', `The correlation condition ${JSON.stringify(condition)} is not "at least N" (gte or gt); detc thresholds alert on at least N.`);
  }
  const countIssue = countProblem(atLeast, `The correlation condition ${JSON.stringify(condition)}`);
  if (countIssue) return refused('sigma/correlation-condition', countIssue);

  // The correlation's own metadata, over the base rule's log source and detection.
  const merged = { ...base, ...correlationRule, logsource: base.logsource, detection: base.detection };
  delete (merged as Record<string, unknown>).correlation;
  const imported = importRule(merged, file, dataSources);
  if (imported.kind === 'refused') return imported;
  const added = new Set<string>();
  const fields = dataSources.resolver(imported.rule.data_source, added);
  const groupBy = (Array.isArray(correlation['group-by']) ? correlation['group-by'] : []).map((f) => fields.resolve(String(f), 'text').name);
  // The window must fit in one run's search range (periods/test-window-exceeds-lookback).
  const rule: RuleSource = { ...imported.rule, periods: { ...imported.rule.periods, test: timespan }, schedule: { interval: '5m', lookback: timespan } };
  if (type === 'event_count') {
    rule.detection = { type: 'threshold', match: imported.rule.detection.match, threshold: { group_by: groupBy, value: atLeast } };
  } else {
    if (typeof condition.field !== 'string') return refused('sigma/correlation-condition', 'A value_count correlation needs condition.field, the field whose distinct values are counted.');
    rule.detection = { type: 'threshold', match: imported.rule.detection.match, threshold: { group_by: groupBy, value: 1, cardinality: { field: fields.resolve(condition.field, 'text').name, value: atLeast } } };
  }
  const warnings = [...imported.warnings];
  if (added.size) warnings.push(`fields not in the \`${rule.data_source}\` mapping, added with native names equal to the Sigma names: ${[...added].sort().join(', ')}.`);
  if (correlation.generate === true) warnings.push('`generate: true` asks for the base rule to alert on its own too; import it from a file of its own for that.');
  return { kind: 'imported', rule, warnings };
}

function refused(code: string, reason: string): RuleImport {
  return { kind: 'refused', code, reason };
}
