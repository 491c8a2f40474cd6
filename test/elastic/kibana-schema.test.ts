// Every emitted rule against our JSON Schema of Kibana's detection rule API
// (kibana-rule.schema.json, written from Kibana's documentation), plus the ndjson line format.
// The schema itself is checked to reject what Kibana rejects, so a pass means something.

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../compiler/ir.ts';
import { emitElastic } from '../../targets/elastic/index.ts';
import { T1204_003, TA0002, dur, eq, f, libraryOf, like, seedRule, str } from './fixtures.ts';

const schema = JSON.parse(readFileSync(new URL('./kibana-rule.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

function errorsOf(rule: unknown): string[] {
  return validate(rule) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const base: Rule = { ...seedRule, id: '00000000-0000-4000-8000-00000000000a', detection: { type: 'query', match: eq(f('verb'), str('create')), allowlists: [] } };
const variety: Rule[] = [
  seedRule,
  base,
  {
    ...base,
    id: '00000000-0000-4000-8000-00000000000b',
    severity: 'informational',
    risk: { score: 3 },
    attack: [{ tactic: TA0002, techniques: [T1204_003], span: base.span }],
    periods: { test: 'single-event', deduplication: dur('1d', 86400) },
    entities: [{ field: f('user'), type: 'user', role: 'victim', span: base.span }],
    schedule: { interval: dur('1h', 3600), lookback: dur('70m', 4200), delay: dur('5m', 300) },
    targets: { splunk: {}, elastic: { building_block: true, setup: 'Enable audit logging.' } },
  },
  {
    ...base,
    id: '00000000-0000-4000-8000-00000000000c',
    detection: { type: 'threshold', match: like(f('image'), '*:latest'), allowlists: [], groupBy: [], value: 100 },
    periods: { test: dur('1h', 3600), deduplication: dur('2h', 7200) },
  },
];

describe('emitted rules against the Kibana rule API schema', () => {
  const result = emitElastic(libraryOf(variety, { author: ['detc'], license: 'Apache-2.0', enabled: true }));

  it('emits every rule without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files).toHaveLength(variety.length + 1);
  });

  it.each(variety.map((r) => [r.id]))('rule %s is valid', (id) => {
    const file = result.files.find((x) => x.path === `elastic/rules/${id}.json`)!;
    expect(errorsOf(JSON.parse(String(file.contents)))).toEqual([]);
  });

  it('writes ndjson: one valid compact rule object per line, a trailing newline, nothing else', () => {
    const ndjson = String(result.files.find((x) => x.path === 'elastic/rules.ndjson')!.contents);
    expect(ndjson.endsWith('\n')).toBe(true);
    const lines = ndjson.split('\n').slice(0, -1);
    expect(lines).toHaveLength(variety.length);
    for (const line of lines) {
      expect(line).not.toMatch(/^\s|\s$/);
      const rule = JSON.parse(line);
      expect(JSON.stringify(rule)).toBe(line);
      expect(errorsOf(rule)).toEqual([]);
    }
  });
});

describe('the schema rejects what Kibana rejects', () => {
  const good = JSON.parse(String(emitElastic(libraryOf([seedRule])).files[0]!.contents));
  it.each<[string, (r: any) => void]>([
    ['severity informational', (r) => (r.severity = 'informational')],
    ['risk score over 100', (r) => (r.risk_score = 101)],
    ['a missing rule_id', (r) => delete r.rule_id],
    ['an interval without a unit', (r) => (r.interval = '5')],
    ['a from that is not date math', (r) => (r.from = '6 minutes ago')],
    ['four new_terms fields', (r) => (r.new_terms_fields = ['a', 'b', 'c', 'd'])],
    ['new_terms without a history window', (r) => delete r.history_window_start],
    ['a flattened sub-technique', (r) => r.threat[0].technique.push({ id: 'T1204.003', name: 'Malicious Image', reference: 'https://attack.mitre.org/techniques/T1204/003/' })],
    ['suppression in days', (r) => (r.alert_suppression = { group_by: ['user.name'], duration: { value: 1, unit: 'd' } })],
    ['an unknown key', (r) => (r.severity_level = 'low')],
    ['an unknown language', (r) => (r.language = 'kql')],
  ])('%s', (_name, breakIt) => {
    const rule = structuredClone(good);
    expect(errorsOf(rule)).toEqual([]);
    breakIt(rule);
    expect(errorsOf(rule)).not.toEqual([]);
  });
});
