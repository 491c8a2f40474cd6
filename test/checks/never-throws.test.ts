// Bad input never throws: whatever a schema-valid library holds (odd field names, unknown ids,
// inconsistent periods, strange test events, any expression that parses), runChecks reports
// diagnostics with registered codes and positions inside the file, and returns.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checks, runChecks } from '../../compiler/checks/index.ts';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { buildContext } from './support.ts';

const fieldName = fc.constantFrom('verb', 'image', 'user.name', 'user', 'source_ip', 'response_code', 'privileged', 'created_at', 'nope', 'Image', 'user.nme');
const literal = fc.oneof(
  fc.constantFrom('"create"', '"BusyBox*"', '"10.0.0.1/8"', '"::1"', '"200"', '"true"', '""', '"a\\\\b"'),
  fc.integer({ min: -5, max: 500 }).map(String),
  fc.constantFrom('true', 'false', '1.5'),
);
const list = fc.array(literal, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
const comparison = fc.oneof(
  fc.tuple(fieldName, fc.constantFrom('==', '!=', '<', '>=', 'like', 'contains', 'cidr'), literal).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc.tuple(fieldName, fc.constantFrom('in', 'like', 'startswith', 'cidr'), list).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc.tuple(fieldName, fc.constantFrom('/a(b/', '/(?=x)/', '/^ok$/i', '/[z-a]/')).map(([f, r]) => `${f} matches ${r}`),
  fc.tuple(fieldName, fc.constantFrom('==', 'in', 'like'), fc.oneof(literal, list)).map(([f, op, v]) => `lower(${f}) ${op} ${v}`),
  fieldName.map((f) => `${f} exists`),
);
const expression = fc.array(comparison, { minLength: 1, maxLength: 4 }).chain((parts) =>
  fc.array(fc.constantFrom(' and ', ' or ', ' and not '), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((ops) =>
    parts.map((p, i) => (i === 0 ? p : `${ops[i - 1]}${p}`)).join(''),
  ),
);
const duration = fc.constantFrom('0m', '1m', '5m', '1h', '14d', '30s');
const fieldList = fc.array(fieldName, { maxLength: 4 });
const eventValue = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
const event = fc.dictionary(fc.oneof(fieldName, fc.constantFrom('_time', 'user.name.first', 'a.b')), fc.oneof(eventValue, fc.dictionary(fc.constantFrom('name', 'group', 'x'), eventValue, { maxKeys: 2 })), { maxKeys: 4 });
const detection = fc.record(
  {
    type: fc.constantFrom('query', 'new_terms', 'threshold'),
    match: expression,
    new_terms: fc.record({ fields: fieldList }),
    threshold: fc.record({ group_by: fieldList, value: fc.integer({ min: 1, max: 9 }), cardinality: fc.record({ field: fieldName, value: fc.integer({ min: 1, max: 9 }) }) }, { requiredKeys: ['value'] }),
    allowlist: fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'shared'), match: expression }), { maxLength: 2 }),
  },
  { requiredKeys: ['type', 'match'] },
);
const attack = fc.array(
  fc.record({
    tactic: fc.constantFrom('TA0002', 'execution', 'Defense Evasion', 'TA0099', 'T1610', 'persistence'),
    techniques: fc.array(fc.constantFrom('T1610', 'T1204', 'T1204.003', 'T1073', 'T1064', 'T9999', 'TA0002', 'T1204.999'), { maxLength: 4 }),
  }),
  { maxLength: 3 },
);
const test = fc.record({
  name: fc.constant('t'),
  expect: fc.constantFrom('alert', 'no-alert'),
  events: fc.array(event, { maxLength: 2 }),
  history: fc.array(event, { maxLength: 2 }),
});
const id = fc.constantFrom('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');
const rule = fc.record(
  {
    id,
    name: fc.constantFrom('A', 'B', 'a'),
    data_source: fc.constantFrom('test_source', 'test_sourse'),
    detection,
    periods: fc.record({ training: duration, test: fc.oneof(fc.constant('single-event'), duration), deduplication: duration }, { requiredKeys: ['test'] }),
    schedule: fc.record({ interval: duration, lookback: duration, delay: duration }, { requiredKeys: ['interval', 'lookback'] }),
    attack,
    entities: fc.array(fc.record({ field: fieldName, type: fc.constant('user'), role: fc.constantFrom('victim', 'attacker') }), { maxLength: 2 }),
    fields: fieldList,
    message: fc.constantFrom('plain', '$image$ by $user.name$', '$nope$ $$ $', '$verb$'),
    variations: fc.array(fc.record({ id, name: fc.constantFrom('A', 'V'), detection, attack, fields: fieldList, tests: fc.array(test, { maxLength: 1 }) }, { requiredKeys: ['id', 'name'] }), { maxLength: 2 }),
    tests: fc.array(test, { maxLength: 2 }),
  },
  { requiredKeys: ['id', 'name', 'data_source', 'detection', 'periods', 'schedule', 'attack'] },
);

const codes = new Set(checks.flatMap((c) => c.codes));

describe('runChecks on generated libraries', () => {
  it('never throws, and reports only registered codes at positions inside the file', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 3 }), (rules) => {
        const files = Object.fromEntries(rules.map((r, i) => [`r${i}.yml`, stringify(r)]));
        const { ctx, diagnostics } = buildContext({ rules: files, skipUnparsedMatches: true });
        runChecks(ctx);
        const texts = new Map(ctx.rules.map((r) => [r.doc.file, r.doc.text]));
        for (const d of diagnostics as Diagnostic[]) {
          expect(codes).toContain(d.code);
          const text = texts.get(d.span.file);
          expect(text).toBeDefined();
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
          expect(d.span.start.offset).toBeLessThanOrEqual(d.span.end.offset);
          expect(d.span.end.offset).toBeLessThanOrEqual(text!.length);
          expect(d.message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });
});
