import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule, runRuleTests } from '../../compiler/evaluate.ts';
import type { Library, Rule, TestEvent } from '../../compiler/ir.ts';
import { compileFixture } from '../support/compile.ts';

let library: Library;
const rule = (name: string): Rule => {
  const found = library.rules.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};

beforeAll(async () => {
  library = await compileFixture('test/evaluate/fixtures');
});

const alertIndexes = (r: Rule, events: readonly TestEvent[], history: readonly TestEvent[] = []) =>
  evaluateRule(r, { events, history }).map((a) => a.eventIndex);

describe('query detection', () => {
  it.each<[string, TestEvent[], number[]]>([
    ['one alert per matching event', [{ verb: 'create', image: 'alpine' }, { verb: 'get', image: 'alpine' }, { verb: 'create', image: 'ALPINE:edge' }], [0, 2]],
    ['an allowlisted event never alerts', [{ verb: 'create', image: 'alpine', user: 'system:admin' }, { verb: 'create', image: 'alpine', user: 'bob' }], [1]],
    ['a missing field is not a match', [{ image: 'alpine' }], []],
  ])('%s', (_name, events, expected) => {
    expect(alertIndexes(rule('Eval Query Rule'), events)).toEqual(expected);
  });
});

describe('new_terms detection', () => {
  const history: TestEvent[] = [
    { verb: 'exec', user: 'alice', source_ip: '10.0.0.1' },
    { verb: 'get', user: 'carol', source_ip: '10.0.0.9' }, // not matching: does not make carol's pair known
    { verb: 'exec', user: 'scanner', source_ip: '10.0.0.5' }, // allowlisted: not in the history either
  ];
  it.each<[string, TestEvent[], number[]]>([
    ['a known combination does not alert', [{ verb: 'exec', user: 'alice', source_ip: '10.0.0.1' }], []],
    ['a new combination alerts', [{ verb: 'exec', user: 'alice', source_ip: '10.0.0.2' }], [0]],
    ['a non-matching history event does not count', [{ verb: 'exec', user: 'carol', source_ip: '10.0.0.9' }], [0]],
    ['a new combination alerts once', [{ verb: 'exec', user: 'bob', source_ip: '1.1.1.1' }, { verb: 'exec', user: 'bob', source_ip: '1.1.1.1' }], [0]],
    ['multi-value: any new combination alerts', [{ verb: 'exec', user: 'alice', source_ip: ['10.0.0.1', '10.0.0.3'] }], [0]],
    ['multi-value: all combinations known', [{ verb: 'exec', user: 'alice', source_ip: ['10.0.0.1'] }], []],
    ['an event missing a field never alerts', [{ verb: 'exec', user: 'dave' }, { verb: 'exec', source_ip: '9.9.9.9' }], []],
    ['an allowlisted event never alerts', [{ verb: 'exec', user: 'scanner', source_ip: '8.8.8.8' }], []],
    ['a non-matching event never alerts', [{ verb: 'get', user: 'erin', source_ip: '8.8.8.8' }], []],
  ])('%s', (_name, events, expected) => {
    expect(alertIndexes(rule('Eval New Terms Rule'), events, history)).toEqual(expected);
  });

  it('reports the new combination', () => {
    const [alert] = evaluateRule(rule('Eval New Terms Rule'), { events: [{ verb: 'exec', user: 'alice', source_ip: '10.0.0.2' }], history });
    expect(alert?.terms).toEqual(['alice', '10.0.0.2']);
  });
});

describe('threshold detection', () => {
  const at = (minute: number, extra: Record<string, unknown>): TestEvent => ({
    _time: `2026-01-01T00:${String(minute).padStart(2, '0')}:00Z`,
    verb: 'delete',
    ...extra,
  });
  it.each<[string, TestEvent[], number[]]>([
    ['three events in two repos within 10m alert', [at(0, { user: 'bob', repo: 'a' }), at(1, { user: 'bob', repo: 'a' }), at(2, { user: 'bob', repo: 'b' })], [2]],
    ['the cardinality condition must hold too', [at(0, { user: 'bob', repo: 'a' }), at(1, { user: 'bob', repo: 'a' }), at(2, { user: 'bob', repo: 'a' })], []],
    ['groups count separately', [at(0, { user: 'bob', repo: 'a' }), at(1, { user: 'eve', repo: 'b' }), at(2, { user: 'bob', repo: 'b' })], []],
    ['the window is half-open: 10m apart is outside', [at(0, { user: 'bob', repo: 'a' }), at(5, { user: 'bob', repo: 'a' }), at(10, { user: 'bob', repo: 'b' })], []],
    ['the window slides to any start event', [at(0, { user: 'bob', repo: 'a' }), at(20, { user: 'bob', repo: 'a' }), at(25, { user: 'bob', repo: 'b' }), at(29, { user: 'bob', repo: 'c' })], [3]],
    ['event order in the test does not matter: the alert is on the latest event', [at(2, { user: 'bob', repo: 'b' }), at(0, { user: 'bob', repo: 'a' }), at(1, { user: 'bob', repo: 'a' })], [0]],
    ['events missing the group field count nowhere', [at(0, { repo: 'a' }), at(1, { repo: 'b' }), at(2, { repo: 'c' })], []],
    ['non-matching events do not count', [at(0, { user: 'bob', repo: 'a' }), at(1, { user: 'bob', repo: 'b', verb: 'get' }), at(2, { user: 'bob', repo: 'b' })], []],
    ['untimed events are simultaneous with the earliest timed one', [{ verb: 'delete', user: 'bob', repo: 'a' }, at(0, { user: 'bob', repo: 'a' }), at(9, { user: 'bob', repo: 'b' })], [2]],
  ])('%s', (_name, events, expected) => {
    expect(alertIndexes(rule('Eval Threshold Rule'), events)).toEqual(expected);
  });

  it('without group_by counts every matching event; a multi-value event counts once', () => {
    const r = rule('Eval Threshold Without Groups');
    expect(alertIndexes(r, [{ tags: ['noisy', 'x'] }])).toEqual([]);
    expect(alertIndexes(r, [{ tags: ['noisy', 'x'] }, { tags: 'noisy' }])).toEqual([1]);
    expect(evaluateRule(r, { events: [{ tags: 'noisy' }, { tags: 'noisy' }, { tags: 'noisy' }] })[0]?.count).toBe(3);
  });
});

describe('runRuleTests', () => {
  it('passes the tests written in the fixtures', () => {
    for (const r of library.rules) {
      expect(runRuleTests(r).map((o) => [r.name, o.test.name, o.passed])).toEqual(r.tests.map((t) => [r.name, t.name, true]));
    }
  });

  const withTest = (r: Rule, expect_: 'alert' | 'no-alert', events: TestEvent[], history: TestEvent[] = []): Rule => ({
    ...r,
    tests: [{ name: 'probe', expect: expect_, events, history, span: r.span }],
  });
  const reason = (r: Rule) => runRuleTests(r)[0]?.reason;

  it.each<[string, string, 'alert' | 'no-alert', TestEvent[], TestEvent[], string]>([
    [
      'names the failing clause and its line',
      'Eval Query Rule',
      'alert',
      [{ verb: 'create', image: 'busybox' }],
      [],
      'expected an alert, but no event matched: the first event fails "lower(image) startswith "alpine"" at line 13',
    ],
    [
      'names the first clause when several fail',
      'Eval Query Rule',
      'alert',
      [{ verb: 'get' }],
      [],
      'expected an alert, but no event matched: the first event fails "verb == "create"" at line 12',
    ],
    [
      'names the allowlist',
      'Eval Query Rule',
      'alert',
      [{ verb: 'create', image: 'alpine', user: 'system:admin' }],
      [],
      'expected an alert, but every matching event is allowlisted (the first by "eval_admins")',
    ],
    [
      'says which event alerted',
      'Eval Query Rule',
      'no-alert',
      [{ verb: 'get' }, { verb: 'create', image: 'alpine' }],
      [],
      'expected no alert, but 1 alert fired: the second event matches "verb == "create" and lower(image) startswith "alpine"" and no allowlist',
    ],
    [
      'new_terms: the history knows the combination',
      'Eval New Terms Rule',
      'alert',
      [{ verb: 'exec', user: 'a', source_ip: '1.1.1.1' }],
      [{ verb: 'exec', user: 'a', source_ip: '1.1.1.1' }],
      'expected an alert, but the history already contains every combination of user, source_ip in the matching events',
    ],
    [
      'new_terms: a field is missing',
      'Eval New Terms Rule',
      'alert',
      [{ verb: 'exec', user: 'a' }],
      [],
      'expected an alert, but every matching event lacks a new_terms field (the first has no source_ip)',
    ],
    [
      'new_terms: unexpected new combination',
      'Eval New Terms Rule',
      'no-alert',
      [{ verb: 'exec', user: 'a', source_ip: '1.1.1.1' }],
      [],
      'expected no alert, but 1 alert fired: the first event has user="a", source_ip="1.1.1.1", which the history does not contain',
    ],
    [
      'threshold: not enough events',
      'Eval Threshold Rule',
      'alert',
      [{ verb: 'delete', user: 'bob', repo: 'a' }],
      [],
      'expected an alert, but no group reaches 3 matching events and 2 distinct repo values per user within 10m (1 matching event in all)',
    ],
    [
      'threshold: unexpected alert',
      'Eval Threshold Rule',
      'no-alert',
      [
        { verb: 'delete', user: 'bob', repo: 'a' },
        { verb: 'delete', user: 'bob', repo: 'b' },
        { verb: 'delete', user: 'bob', repo: 'b' },
      ],
      [],
      'expected no alert, but 1 alert fired: 3 matching events with user="bob" within the test period reach the threshold of 3',
    ],
    ['no events at all', 'Eval Query Rule', 'alert', [], [], 'expected an alert, but the test has no events'],
  ])('%s', (_name, ruleName, expectation, events, history, expected) => {
    expect(reason(withTest(rule(ruleName), expectation, events, history))).toBe(expected);
  });
});
