// One Sigma rule → one detc rule (or a refusal with a precise reason). The caller reads the file
// and collects data sources; this file decides what each Sigma key becomes.

import { createHash } from 'node:crypto';
import type { AstExpr } from '../../compiler/language/ast.ts';
import type { DetectionSource, RuleSource } from '../../compiler/load/source-types.ts';
import { attackFromTags } from './attack-tags.ts';
import { MAX_NESTING_DEPTH, scanNesting } from '../../compiler/language/nesting-depth.ts';
import { countProblem, windowProblem } from './bounds.ts';
import { layoutMatch } from './match-layout.ts';
import { parseCondition, type Aggregation } from './condition.ts';
import { conditionToMatch } from './detection.ts';
import { describeLogsource, type DataSourceRegistry, type SigmaLogsource } from './logsource.ts';
import { cleanLine, cleanText, dateOf, isUrl, RISK_BY_LEVEL, severityOf, statusOf, textList, urlOf } from './metadata.ts';
import { or } from './ast-build.ts';
import { Refusal, refuse } from './refusal.ts';

export type RuleImport =
  | { readonly kind: 'imported'; readonly rule: RuleSource; readonly warnings: readonly string[] }
  | { readonly kind: 'refused'; readonly code: string; readonly reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `file` is the path shown in reports; it also seeds the id of a rule that has none. */
export function importRule(sigma: unknown, file: string, dataSources: DataSourceRegistry): RuleImport {
  try {
    return convert(sigma, file, dataSources);
  } catch (e) {
    if (e instanceof Refusal) return { kind: 'refused', code: e.code, reason: e.message };
    throw e;
  }
}

function convert(sigma: unknown, file: string, dataSources: DataSourceRegistry): RuleImport {
  if (!isRecord(sigma)) refuse('sigma/not-a-rule', 'The document is not a YAML map, so it is not a Sigma rule.');
  if (sigma.correlation !== undefined) refuse('sigma/correlation', 'A correlation rule needs the rule it correlates; put both in one file (see docs/sigma.md).');
  if (sigma.filter !== undefined && sigma.detection === undefined) refuse('sigma/meta-filter', 'Sigma filters (meta rules that add exclusions to other rules) have no detc equivalent; fold the exclusion into the rules as an allowlist.');
  const title = typeof sigma.title === 'string' && cleanLine(sigma.title) ? cleanLine(sigma.title) : refuse('sigma/missing-title', 'The rule has no title, which the Sigma specification requires.');
  const detection = isRecord(sigma.detection) ? sigma.detection : refuse('sigma/missing-detection', 'The rule has no detection map, which the Sigma specification requires.');
  const logsource: SigmaLogsource = isRecord(sigma.logsource) ? pickLogsource(sigma.logsource) : refuse('sigma/missing-logsource', 'The rule has no logsource, which the Sigma specification requires.');

  const warnings: string[] = [];
  const { name: dataSource, generatedWarning } = dataSources.forLogsource(logsource);
  if (generatedWarning) warnings.push(generatedWarning);
  const added = new Set<string>();
  const fields = dataSources.resolver(dataSource, added);

  const { condition: conditionValue, timeframe, ...identifiers } = detection;
  const match = matchOf(conditionValue, identifiers, fields);
  const detectionSource = detectionOf(match.expr, match.aggregation, timeframe, fields);

  const level = severityOf(sigma.level, warnings);
  const tags = attackFromTags(textList(sigma.tags));
  warnings.push(...tags.warnings);
  const references = textList(sigma.references);
  const badReferences = references.filter((r) => !isUrl(r));
  if (badReferences.length) warnings.push(`references that are not URLs were dropped: ${badReferences.map((r) => JSON.stringify(r)).join(', ')}.`);
  const shownFields = textList(sigma.fields).map((f) => fields.resolve(f, 'text').name);
  if (added.size) warnings.push(`fields not in the \`${dataSource}\` mapping, added with native names equal to the Sigma names: ${[...added].sort().join(', ')}.`);

  const id = typeof sigma.id === 'string' && UUID.test(sigma.id.toLowerCase()) ? sigma.id.toLowerCase() : derivedId(file, warnings, sigma.id);
  const written = typeof sigma.description === 'string' ? tidy(sigma.description) : '';
  const description = written !== '' ? written : (warnings.push('description is missing; the title is used instead.'), title);

  const rule: RuleSource = {
    id,
    name: title,
    version: 1,
    status: statusOf(sigma.status, warnings),
    severity: level,
    risk: { score: RISK_BY_LEVEL[level] },
    description,
    data_source: dataSource,
    detection: detectionSource,
    periods: detectionSource.type === 'threshold' ? { test: durationOf(timeframe), deduplication: '1h' } : { test: 'single-event', deduplication: '1h' },
    // A threshold window must fit in one run's search range (periods/test-window-exceeds-lookback).
    schedule: { interval: '5m', lookback: detectionSource.type === 'threshold' ? durationOf(timeframe) : '5m' },
    attack: tags.attack,
    message: messageOf(title),
    required_data: [`Sigma log source: ${describeLogsource(logsource)}${typeof sigma.logsource === 'object' && isRecord(sigma.logsource) && typeof sigma.logsource.definition === 'string' ? ` (${tidy(sigma.logsource.definition)})` : ''}`],
  };
  if (shownFields.length) rule.fields = [...new Set(shownFields)];
  const falsePositives = textList(sigma.falsepositives);
  if (falsePositives.length) rule.false_positives = falsePositives;
  const urls = references.map(urlOf).filter((u): u is string => u !== undefined);
  if (urls.length) rule.references = [...new Set(urls)];
  if (typeof sigma.author === 'string' && cleanLine(sigma.author)) rule.author = cleanLine(sigma.author);
  const created = dateOf(sigma.date, 'date', warnings);
  if (created) rule.created = created;
  const modified = dateOf(sigma.modified, 'modified', warnings);
  if (modified) rule.modified = modified;
  const allTags = [...tags.tags, ...relatedTags(sigma.related)];
  if (allTags.length) rule.tags = allTags;
  return { kind: 'imported', rule, warnings };
}

function matchOf(condition: unknown, identifiers: Record<string, unknown>, fields: ReturnType<DataSourceRegistry['resolver']>): { expr: AstExpr; aggregation?: Aggregation } {
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (conditions.length === 0 || !conditions.every((c) => typeof c === 'string' && c.trim())) {
    refuse('sigma/missing-condition', 'detection.condition must be a condition text (or a list of them).');
  }
  const parsed = (conditions as string[]).map((text) => {
    const result = parseCondition(text);
    return 'condition' in result ? result.condition : refuse(result.code, result.error);
  });
  const aggregations = parsed.filter((p) => p.aggregation);
  if (aggregations.length && parsed.length > 1) refuse('sigma/aggregation-list', 'A list of conditions with an aggregation has no single threshold equivalent; split the rule.');
  const expr = or(parsed.map((p) => conditionToMatch(p.expression, identifiers, fields)));
  return aggregations[0]?.aggregation ? { expr, aggregation: aggregations[0].aggregation } : { expr };
}

/** Query, or threshold for the deprecated `| count() by x > N` pipe. */
function detectionOf(expr: AstExpr, aggregation: Aggregation | undefined, timeframe: unknown, fields: ReturnType<DataSourceRegistry['resolver']>): DetectionSource {
  const match = layoutMatch(expr);
  // Selections and modifiers add levels to the condition's: refuse rather than write a rule that fails match/too-deep.
  if (scanNesting(match).tooDeep) {
    refuse('sigma/too-deep', `The match expression this detection becomes nests parentheses and "not" more than ${MAX_NESTING_DEPTH} levels deep, the most detc reads. Flatten the condition or its selections.`);
  }
  if (!aggregation) return { type: 'query', match };
  if (aggregation.fn !== 'count') refuse('sigma/aggregation-function', `The aggregation \`${aggregation.fn}()\` has no detc equivalent; only count() becomes a threshold rule.`);
  if (aggregation.op !== '>' && aggregation.op !== '>=') refuse('sigma/aggregation-operator', `\`count() ${aggregation.op} ${aggregation.value}\` alerts on few events; detc thresholds alert on at least N events (\`>\` or \`>=\`).`);
  if (timeframe === undefined) refuse('sigma/aggregation-timeframe', 'An aggregation without `timeframe` has no window; add detection.timeframe (e.g. 10m).');
  durationOf(timeframe);
  const condition = `\`count(${aggregation.field ?? ''}) ${aggregation.op} ${aggregation.value}\``;
  const atLeast = aggregation.op === '>' ? aggregation.value + 1 : aggregation.value;
  const groupBy = aggregation.groupBy ? [fields.resolve(aggregation.groupBy, 'text').name] : [];
  if (aggregation.field) {
    return { type: 'threshold', match, threshold: { group_by: groupBy, value: 1, cardinality: { field: fields.resolve(aggregation.field, 'text').name, value: countOf(atLeast, condition) } } };
  }
  // A group exists only with at least one event, so "at least 0" is "at least 1".
  return { type: 'threshold', match, threshold: { group_by: groupBy, value: countOf(Math.max(1, atLeast), condition) } };
}

function durationOf(timeframe: unknown): string {
  const problem = windowProblem(timeframe, 'timeframe');
  return problem ? refuse('sigma/timeframe', problem) : String(timeframe);
}

/** A threshold count within detc's bounds, or a refusal. */
function countOf(value: number, condition: string): number {
  const problem = countProblem(value, condition);
  return problem ? refuse('sigma/aggregation-count', problem) : value;
}

/**
 * The alert message: the title, with its `$` removed. In a detc message `$name$` is a field
 * token (Splunk's syntax), and a Sigma title means none: "$MFT$ access" would name a field MFT
 * and fail message/unknown-token, while a lone `$` could pair with a later one. The message
 * language has no escape for `$`, so the title reads "MFT access" there (the name keeps it).
 */
function messageOf(title: string): string {
  const message = title.replaceAll('$', '').replace(/\s+/g, ' ').trim();
  return message === '' ? 'Sigma rule matched' : message;
}

/** `related` entries become tags `sigma.related.<type>.<id>` (they are rule ids, not URLs). */
function relatedTags(related: unknown): string[] {
  if (!Array.isArray(related)) return [];
  return related.filter(isRecord).filter((r) => typeof r.id === 'string' && typeof r.type === 'string').map((r) => `sigma.related.${r.type}.${r.id}`);
}

function derivedId(file: string, warnings: string[], given: unknown): string {
  // A name-based UUID (version 5 layout) of the file path: stable run to run.
  const hex = createHash('sha1').update(`detc-sigma:${file}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
  warnings.push(`id ${given === undefined ? 'is missing' : `${JSON.stringify(given)} is not a UUID`}; derived ${id} from the file path.`);
  return id;
}

function pickLogsource(logsource: Record<string, unknown>): SigmaLogsource {
  const out: { product?: string; category?: string; service?: string } = {};
  for (const key of ['product', 'category', 'service'] as const) {
    if (typeof logsource[key] === 'string') out[key] = logsource[key];
  }
  return out;
}

function tidy(text: string): string {
  return cleanText(text).trim().replace(/[ \t]+\n/g, '\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
