// What one run of a Kibana detection rule alerts on, for tests: the rule object as detc emits it
// (type, language, query, new_terms_fields, threshold) applied to the documents of the run's
// window, from Kibana's documented rule types, independently of the emitter:
//
// - query: one alert per document the query selects.
// - new_terms: one alert per combination of `new_terms_fields` values (every combination for
//   multi-value fields) that a selected document of the run bears and no selected document of
//   the history bears; a document missing one of the fields has no combination.
// - threshold: the selected documents are bucketed by `threshold.field` values (a terms
//   aggregation: a document missing a field is in no bucket, one with several values in each);
//   without fields, all selected documents form one bucket — counted even when empty. A bucket
//   alerts when it holds at least `threshold.value` documents and, with `cardinality`, at least
//   that many distinct values of the cardinality field.

import type { Doc, Mapping } from './kql-evaluator.ts';
import { evaluateKql } from './kql-evaluator.ts';
import { parseKql } from './kql-ast.ts';
import { evaluateLucene, parseLucene } from './lucene-ast.ts';

export type KibanaRule = Readonly<Record<string, unknown>>;

/** The rule's query as a predicate (parsing it with our grammars: a syntax error throws). */
export function ruleSelector(rule: KibanaRule, mapping: Mapping): (doc: Doc) => boolean {
  const query = String(rule.query);
  if (rule.language === 'kuery') {
    const ast = parseKql(query);
    return (doc) => evaluateKql(ast, doc, mapping);
  }
  if (rule.language === 'lucene') {
    const ast = parseLucene(query);
    return (doc) => evaluateLucene(ast, doc, mapping);
  }
  throw new Error(`language ${String(rule.language)} is not modelled`);
}

/** How many alerts one run raises on `docs` (and, for new_terms, the history's documents). */
export function alertsOfRun(rule: KibanaRule, docs: readonly Doc[], history: readonly Doc[], mapping: Mapping): number {
  const selects = ruleSelector(rule, mapping);
  const selected = docs.filter(selects);
  switch (rule.type) {
    case 'query':
      return selected.length;
    case 'new_terms': {
      const fields = rule.new_terms_fields as string[];
      const seen = new Set(history.filter(selects).flatMap((doc) => combinations(doc, fields)));
      return new Set(selected.flatMap((doc) => combinations(doc, fields)).filter((combination) => !seen.has(combination))).size;
    }
    case 'threshold': {
      const threshold = rule.threshold as { field: string[]; value: number; cardinality?: { field: string; value: number }[] };
      const buckets = new Map<string, Doc[]>();
      if (threshold.field.length === 0) buckets.set('', []);
      for (const doc of selected) {
        for (const key of threshold.field.length === 0 ? [''] : combinations(doc, threshold.field)) buckets.set(key, [...(buckets.get(key) ?? []), doc]);
      }
      const cardinality = threshold.cardinality?.[0];
      return [...buckets.values()].filter(
        (bucket) => bucket.length >= threshold.value && (!cardinality || new Set(bucket.flatMap((doc) => values(doc, cardinality.field).map(String))).size >= cardinality.value),
      ).length;
    }
    default:
      throw new Error(`rule type ${String(rule.type)} is not modelled`);
  }
}

function values(doc: Doc, field: string): unknown[] {
  if (!Object.hasOwn(doc, field)) return [];
  const value = doc[field];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined);
}

/** Every combination of one value per field, as a key; none when a field has no value. */
function combinations(doc: Doc, fields: readonly string[]): string[] {
  let result: string[][] = [[]];
  for (const field of fields) {
    const distinct = [...new Set(values(doc, field).map(String))];
    result = result.flatMap((prefix) => distinct.map((value) => [...prefix, value]));
  }
  return result.map((combination) => JSON.stringify(combination));
}
