// A correlation search alerts on events, never on their absence. Every saved search detc emits
// (the shipped library, a sample of the imported Sigma corpus) is run end to end by the pipeline
// model of spl-pipeline.ts — dispatch window, search, stats, where, rename, the tuning macro,
// then the stanza's own alert condition — on an index with no events: no run may alert. The
// model follows Splunk's documented `stats`: without BY it returns one row even for no events,
// so a search ending in a bare `stats count …` alerts every run; this test catches that class.
// So that "never alerts" cannot pass by a model that never alerts, the same runs on each query
// and new_terms rule's own test events must alert exactly when the reference evaluator does.

import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule, fieldValues } from '../../compiler/evaluate.ts';
import type { Library, Rule, TestEvent } from '../../compiler/ir.ts';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { corpusSample } from '../support/corpus-sample.ts';
import { compileFixture } from '../support/compile.ts';
import { parseConf, type ParsedStanza } from './conf-parse.ts';
import type { SplEvent } from './spl-evaluator.ts';
import { relativeTime } from './spl-evaluator.ts';
import { runSavedSearch, runSearch } from './spl-pipeline.ts';

/** 2026-01-15T12:00:00Z, on a minute boundary. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0) / 1000;
/** The data source macros select on a marker every test event carries. */
const MARKER = 'detc_test_event';

interface EmittedSearch {
  readonly rule: Rule;
  readonly stanza: ParsedStanza;
  readonly macros: ReadonlyMap<string, string>;
}

function emittedSearches(library: Library): EmittedSearch[] {
  const result = emitSplunk(library);
  const conf = (name: string) => parseConf(String(result.files.find((f) => f.path.endsWith(`/default/${name}`))!.contents));
  const macros = new Map(conf('macros.conf').map((stanza) => [stanza.name, stanza.settings.get('definition')!]));
  for (const source of library.dataSources) macros.set(source.splunk.macro, `${MARKER}="1"`);
  const rules = new Map(library.rules.map((rule) => [rule.id, rule]));
  return conf('savedsearches.conf').map((stanza) => {
    const id = (JSON.parse(stanza.settings.get('action.correlationsearch.metadata')!) as { detection_id: string }).detection_id;
    return { rule: rules.get(id)!, stanza, macros };
  });
}

/** A test event as Splunk would hold it (native names, values as JSON text) at `time`. */
function splunkEvent(rule: Rule, event: TestEvent, time: number): SplEvent {
  const out = new Map<string, string[]>([
    [MARKER, ['1']],
    ['_time', [String(time)]],
  ]);
  for (const field of rule.dataSource.fields.values()) {
    const values = fieldValues(event, field.name).flatMap((v) => (v === null || typeof v === 'object' ? [] : [String(v)]));
    if (values.length > 0) out.set(field.splunk, values);
  }
  return out;
}

function neverAlertsOnNothing(searches: readonly EmittedSearch[]): void {
  const alerting = searches.filter(({ stanza, macros }) => runSavedSearch(stanza.settings, macros, [], NOW).alerts).map(({ stanza }) => stanza.name);
  expect(alerting).toEqual([]);
}

describe('the pipeline model', () => {
  const macros = new Map([['m_filter', 'search *']]);
  const event = (fields: Record<string, string[]>) => new Map(Object.entries(fields));

  it('returns one row, count 0, from stats without BY on no events, and none with BY', () => {
    expect(runSearch('x="1" | stats count min(_time) as firstTime max(_time) as lastTime | `m_filter`', [], macros, NOW)).toEqual([new Map([['count', ['0']]])]);
    expect(runSearch('x="1" | stats count min(_time) as firstTime by user', [], macros, NOW)).toEqual([]);
    expect(runSearch('x="1" | stats count | where count > 0', [], macros, NOW)).toEqual([]);
  });

  it('groups by every value of a multi-value by-field, and drops events missing one', () => {
    const rows = runSearch(
      'x="1" | stats count values(host) as hosts by user',
      [event({ x: ['1'], user: ['a', 'b'], host: ['h1'] }), event({ x: ['1'], user: ['a'], host: ['h2'] }), event({ x: ['1'], host: ['h3'] })],
      macros,
      NOW,
    );
    expect(rows).toEqual([
      new Map([['user', ['a']], ['count', ['2']], ['hosts', ['h1', 'h2']]]),
      new Map([['user', ['b']], ['count', ['1']], ['hosts', ['h1']]]),
    ]);
  });

  it('runs eval copies, fillnull, where on results with now(), and rename', () => {
    const rows = runSearch(
      "x=\"1\" | eval who='user.name' | fillnull value=\"unknown\" who | stats count min(_time) as firstTime by who | where firstTime >= relative_time(now(), \"-5m@m\") | rename who AS \"the user\"",
      [event({ x: ['1'], 'user.name': ['ann'], _time: [String(NOW - 60)] }), event({ x: ['1'], _time: [String(NOW - 30)] }), event({ x: ['1'], 'user.name': ['bob'], _time: [String(NOW - 3600)] })],
      macros,
      NOW,
    );
    expect(rows).toEqual([
      new Map([['count', ['1']], ['firstTime', [String(NOW - 60)]], ['the user', ['ann']]]),
      new Map([['count', ['1']], ['firstTime', [String(NOW - 30)]], ['the user', ['unknown']]]),
    ]);
  });

  it('alerts by the stanza condition, on the events inside the dispatch window', () => {
    const stanza = new Map([
      ['search', 'x="1" | stats count by user'],
      ['dispatch.earliest_time', '-10m@m'],
      ['dispatch.latest_time', 'now'],
      ['counttype', 'number of events'],
      ['relation', 'greater than'],
      ['quantity', '0'],
    ]);
    expect(runSavedSearch(stanza, macros, [event({ x: ['1'], user: ['a'], _time: [String(NOW - 60)] })], NOW).alerts).toBe(true);
    expect(runSavedSearch(stanza, macros, [event({ x: ['1'], user: ['a'], _time: [String(NOW - 3600)] })], NOW).alerts).toBe(false);
    expect(runSavedSearch(new Map([...stanza, ['search', 'x="1" | stats count']]), macros, [], NOW).alerts).toBe(true);
  });
});

describe('no emitted search alerts when there are no events', () => {
  let shipped: EmittedSearch[];
  let sample: EmittedSearch[];
  beforeAll(async () => {
    shipped = emittedSearches(await compileFixture('rules'));
    sample = emittedSearches(await corpusSample());
  }, 300_000); // importing and compiling a few hundred Sigma rules on a shared machine

  it('the shipped library (query, new_terms and threshold rules)', () => {
    expect(new Set(shipped.map(({ rule }) => rule.detection.type))).toEqual(new Set(['query', 'new_terms', 'threshold']));
    neverAlertsOnNothing(shipped);
  });

  it('a sample of the imported Sigma corpus', () => {
    expect(sample.length).toBeGreaterThan(300);
    neverAlertsOnNothing(sample);
  });

  it('while the same runs alert on a query or new_terms rule’s test events exactly when the reference evaluator does', () => {
    let alerted = 0;
    let checked = 0;
    for (const { rule, stanza, macros } of shipped) {
      if (rule.detection.type === 'threshold') continue; // the schedule's fixed windows are not the evaluator's sliding ones
      const latest = relativeTime(NOW, stanza.settings.get('dispatch.latest_time')!);
      const earliest = relativeTime(NOW, stanza.settings.get('dispatch.earliest_time')!);
      for (const test of rule.tests) {
        // History just after the start of the training window, the tested events just before the end of the run's window.
        const events = [...test.history.map((e) => splunkEvent(rule, e, earliest + 60)), ...test.events.map((e) => splunkEvent(rule, e, latest - 30))];
        const expected = evaluateRule(rule, { events: test.events, history: test.history }).length > 0;
        expect({ rule: rule.name, test: test.name, alerts: runSavedSearch(stanza.settings, macros, events, NOW).alerts }).toEqual({ rule: rule.name, test: test.name, alerts: expected });
        checked++;
        if (expected) alerted++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(alerted).toBeGreaterThan(5);
    expect(checked - alerted).toBeGreaterThan(5);
  });
});
