// The Elastic target on real YAML compiled by the pipeline: our fixture library (golden ndjson)
// and the shipped rule library (every rule emitted, valid for Kibana's API, its query parsing
// back and agreeing with the reference evaluator on every event of the rule's own tests).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { evaluateExpr, fieldValues } from '../../compiler/evaluate.ts';
import type { Library, Rule, TestEvent } from '../../compiler/ir.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { emitElastic } from '../../targets/elastic/index.ts';
import { ruleQuery } from '../../targets/elastic/query.ts';
import { repoRoot } from '../support/compile.ts';
import { parseKql } from './kql-ast.ts';
import { evaluateKql } from './kql-evaluator.ts';
import { evaluateLucene, parseLucene } from './lucene-ast.ts';

const validate = new Ajv2020({ allErrors: true, strictRequired: false }).compile(JSON.parse(readFileSync(new URL('./kibana-rule.schema.json', import.meta.url), 'utf8')));

async function compile(cwd: string): Promise<Library> {
  const result = await compileLibrary({ paths: ['rules'], cwd });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.library!;
}

describe('the fixture library (test/fixtures/elastic/library)', () => {
  const cwd = resolve(repoRoot, 'test/fixtures/elastic/library');

  it('compiles to the golden ndjson, the same bytes every run', async () => {
    const first = emitElastic(await compile(cwd));
    const second = emitElastic(await compile(cwd));
    expect(first.diagnostics).toEqual([]);
    expect(second.files).toEqual(first.files);
    const ndjson = String(first.files.find((f) => f.path === 'elastic/rules.ndjson')!.contents);
    await expect(ndjson).toMatchFileSnapshot('../fixtures/elastic/library.ndjson');
    const languages = Object.fromEntries(ndjson.trim().split('\n').map((line) => JSON.parse(line)).map((r) => [r.name, [r.type, r.language]]));
    expect(languages).toEqual({
      'Kubernetes Pod Creation Using Common Debug or Base Images': ['new_terms', 'kuery'],
      'Kubernetes Pod Creation Using Common Debug Images in Production Namespaces': ['query', 'lucene'],
      'Kubernetes Secrets Listed Across Namespaces': ['threshold', 'lucene'],
    });
  });
});

describe('the shipped rule library (rules/)', async () => {
  const library = await compile(repoRoot);
  const result = emitElastic(library);

  it('emits every rule and variation, with no errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.queries?.size).toBe(library.rules.length);
  });

  it.each(library.rules.map((r) => [r.name, r.id]))('%s is a valid Kibana rule', (_name, id) => {
    const file = result.files.find((f) => f.path === `elastic/rules/${id}.json`)!;
    const rule = JSON.parse(String(file.contents));
    expect(validate(rule) ? [] : validate.errors).toEqual([]);
  });

  it.each(library.rules.filter((r) => r.tests.length > 0).map((r) => [r.name, r] as const))('%s: the query agrees with the reference evaluator on the rule tests', (_name, rule) => {
    const query = ruleQuery(withoutFilter(rule));
    expect(query.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mapping = new Map([...rule.dataSource.fields.values()].map((f) => [f.elastic, f.type]));
    const select =
      query.language === 'kuery'
        ? ((ast) => (doc: Record<string, unknown>) => evaluateKql(ast, doc, mapping))(parseKql(query.text!))
        : ((ast) => (doc: Record<string, unknown>) => evaluateLucene(ast, doc, mapping))(parseLucene(query.text!));
    for (const event of rule.tests.flatMap((t) => [...t.events, ...t.history])) {
      const expected = evaluateExpr(rule.detection.match, event) && rule.detection.allowlists.every((a) => !evaluateExpr(a.match, event));
      expect({ event, selected: select(nativeDocument(rule, event)) }).toEqual({ event, selected: expected });
    }
  });
});

/** The rule without its data source filter (test events carry only the rule's own fields). */
function withoutFilter(rule: Rule): Rule {
  return { ...rule, dataSource: { ...rule.dataSource, elastic: { ...rule.dataSource.elastic, filter: '' } } };
}

/** A test event (logical names, possibly nested) as an Elasticsearch document keyed by native names. */
function nativeDocument(rule: Rule, event: TestEvent): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const field of rule.dataSource.fields.values()) {
    const values = fieldValues(event, field.name);
    if (values.length > 0) doc[field.elastic] = values;
  }
  return doc;
}
