// A Kibana rule alerts on documents, never on their absence. Every rule object detc emits (the
// shipped library, a sample of the imported Sigma corpus) has its query parsed by our
// Kibana-faithful grammars — so a keyword cut short, or anything else Kibana would reject, fails
// here on real rules — and is run by the rule-type model of kql-rule-run.ts on no documents: no
// run may alert. For query rules that is immediate; it matters for threshold rules without
// group fields, whose one bucket is counted even when empty. So that "never alerts" cannot pass
// by a model that never alerts, the same runs on each shipped rule's own test events must alert
// exactly when the reference evaluator does.

import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule, fieldValues } from '../../compiler/evaluate.ts';
import type { Library, Rule, TestEvent } from '../../compiler/ir.ts';
import { emitElastic } from '../../targets/elastic/index.ts';
import { corpusSample } from '../support/corpus-sample.ts';
import { compileFixture } from '../support/compile.ts';
import { parseKql, type KqlAst } from './kql-ast.ts';
import type { Doc, Mapping } from './kql-evaluator.ts';
import { alertsOfRun, ruleSelector, type KibanaRule } from './kql-rule-run.ts';

interface EmittedRule {
  readonly rule: Rule;
  readonly json: KibanaRule;
  readonly mapping: Mapping;
}

function emittedRules(library: Library): EmittedRule[] {
  const result = emitElastic(library);
  const rules = new Map(library.rules.map((rule) => [rule.id, rule]));
  return result.files
    .filter((file) => /^elastic\/rules\/[^/]+\.json$/.test(file.path))
    .map((file) => {
      const json = JSON.parse(String(file.contents)) as KibanaRule;
      const rule = rules.get(String(json.rule_id))!;
      return { rule, json, mapping: new Map([...rule.dataSource.fields.values()].map((f) => [f.elastic, f.type])) };
    });
}

/** A test event as a document of the data source's index: native names, and the data source filter's values. */
function document(rule: Rule, event: TestEvent): Doc {
  const doc: Record<string, unknown> = { ...filterValues(rule) };
  for (const field of rule.dataSource.fields.values()) {
    const values = fieldValues(event, field.name);
    if (values.length > 0) doc[field.elastic] = values;
  }
  return doc;
}

/** The field values a document of the data source carries so that its `elastic.filter` (phrases joined by and) selects it. */
function filterValues(rule: Rule): Record<string, string> {
  const filter = rule.dataSource.elastic.filter.trim();
  if (filter === '') return {};
  const clauses = (ast: KqlAst): Record<string, string> => {
    if (ast.type === 'and') return Object.assign({}, ...ast.operands.map(clauses));
    if (ast.type === 'is' && ast.value.type !== 'wildcard') return { [ast.field]: ast.value.text };
    throw new Error(`filter shape not modelled: ${filter}`);
  };
  return clauses(parseKql(filter));
}

function neverAlertsOnNothing(rules: readonly EmittedRule[]): void {
  const alerting = rules.filter(({ json, mapping }) => alertsOfRun(json, [], [], mapping) > 0).map(({ json }) => json.name);
  expect(alerting).toEqual([]);
}

describe('the rule-type model', () => {
  const mapping: Mapping = new Map([['k', 'keyword']]);
  const base = { language: 'kuery', query: 'k:*' };
  it('counts the one bucket of a threshold rule without fields even when it is empty', () => {
    expect(alertsOfRun({ ...base, type: 'threshold', threshold: { field: [], value: 1 } }, [], [], mapping)).toBe(0);
    expect(alertsOfRun({ ...base, type: 'threshold', threshold: { field: [], value: 0 } }, [], [], mapping)).toBe(1);
    expect(alertsOfRun({ ...base, type: 'threshold', threshold: { field: ['k'], value: 2 } }, [{ k: ['a', 'b'] }, { k: 'a' }], [], mapping)).toBe(1);
  });

  it('raises one new_terms alert per new combination, none for one seen in the history', () => {
    const rule = { ...base, type: 'new_terms', new_terms_fields: ['k'] };
    expect(alertsOfRun(rule, [{ k: 'a' }, { k: 'a' }, { k: 'b' }], [{ k: 'b' }], mapping)).toBe(1);
    expect(alertsOfRun(rule, [{}], [], mapping)).toBe(0);
  });
});

describe('no emitted rule alerts when there are no documents', () => {
  let shipped: EmittedRule[];
  let sample: EmittedRule[];
  beforeAll(async () => {
    shipped = emittedRules(await compileFixture('rules'));
    sample = emittedRules(await corpusSample());
  }, 300_000); // importing and compiling a few hundred Sigma rules on a shared machine

  it('the shipped library (query, new_terms and threshold rules; every query parses)', () => {
    expect(new Set(shipped.map(({ json }) => json.type))).toEqual(new Set(['query', 'new_terms', 'threshold']));
    for (const { json, mapping } of shipped) expect(() => ruleSelector(json, mapping), String(json.name)).not.toThrow();
    neverAlertsOnNothing(shipped);
  });

  it('a sample of the imported Sigma corpus (every query parses)', () => {
    expect(sample.length).toBeGreaterThan(250);
    const unparsable = sample.flatMap(({ json, mapping }) => {
      try {
        ruleSelector(json, mapping);
        return [];
      } catch (e) {
        return [`${String(json.name)}: ${(e as Error).message}\n${String(json.query)}`];
      }
    });
    expect(unparsable).toEqual([]);
    neverAlertsOnNothing(sample);
  });

  it('while the same runs alert on each shipped rule’s test events exactly when the reference evaluator does', () => {
    let alerted = 0;
    let checked = 0;
    for (const { rule, json, mapping } of shipped) {
      for (const test of rule.tests) {
        // One run sees every event; a threshold test compares only when its events fit in one test window.
        if (rule.detection.type === 'threshold' && !fitsOneWindow(rule, test.events)) continue;
        const expected = evaluateRule(rule, { events: test.events, history: test.history }).length > 0;
        const alerts = alertsOfRun(json, test.events.map((e) => document(rule, e)), test.history.map((e) => document(rule, e)), mapping) > 0;
        expect({ rule: rule.name, test: test.name, alerts }).toEqual({ rule: rule.name, test: test.name, alerts: expected });
        checked++;
        if (expected) alerted++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(alerted).toBeGreaterThan(5);
    expect(checked - alerted).toBeGreaterThan(5);
  });
});

function fitsOneWindow(rule: Rule, events: readonly TestEvent[]): boolean {
  if (rule.periods.test === 'single-event') return true;
  const times = events.map((e) => Date.parse(String(e['_time']))).filter((t) => !Number.isNaN(t));
  return times.length === 0 || Math.max(...times) - Math.min(...times) < rule.periods.test.seconds * 1000;
}
