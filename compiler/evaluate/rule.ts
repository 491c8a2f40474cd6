// evaluateRule: which alerts a rule raises on a set of test events, for each detection type.
// The decisions below are the language's definition of the detection types; docs/language.md
// ("Detection types") repeats them for rule authors and target engineers.
//
// - An event "matches" when it satisfies the detection's match and no allowlist's match.
// - query: one alert per matching event.
// - new_terms: the history is the matching history events. A matching test event alerts when one
//   of its combinations of `fields` values (every combination, for multi-value fields) is absent
//   from the history. Like Kibana, which raises one alert per new term, a new combination alerts
//   once (on the first event bearing it), and an event missing any of the fields never alerts
//   (Kibana's composite aggregation has no bucket for a missing value).
// - threshold: matching events are grouped by their `groupBy` values (an event with several values
//   counts in each group; an event missing a groupBy field counts in none, like a terms
//   aggregation or Splunk's `stats … by`). A group alerts when some window of `periods.test`
//   length, starting at one of its events, holds at least `value` of its events (and, with
//   `cardinality`, at least that many distinct values of the cardinality field). `_time` is
//   RFC 3339 with a UTC offset (a check refuses one without); events without `_time` happen at
//   the earliest `_time` of the test (or all at the same instant when no event has one). The targets run the search every `schedule.interval` over the lookback: they see the
//   same windows, shifted to the schedule.

import type { Field, Rule, TestEvent } from '../ir.ts';
import { evaluateExpr } from './expr.ts';
import { fieldValues } from './field-values.ts';
import { eventTimeMs } from '../language/event-time.ts';
import { textOf } from '../language/values.ts';

export interface Alert {
  /** Index in `events` of the event that raised the alert (threshold: the last event counted). */
  readonly eventIndex: number;
  readonly event: TestEvent;
  /** new_terms: the new combination of values; threshold: the group's values. */
  readonly terms?: readonly string[];
  /** threshold: how many events the window held. */
  readonly count?: number;
}

export interface RuleInput {
  readonly events: readonly TestEvent[];
  readonly history?: readonly TestEvent[];
}

/** Whether an event passes the detection's match and none of its allowlists. */
export function eventMatches(rule: Rule, event: TestEvent): boolean {
  const { detection } = rule;
  return evaluateExpr(detection.match, event) && !detection.allowlists.some((a) => evaluateExpr(a.match, event));
}

export function evaluateRule(rule: Rule, input: RuleInput): Alert[] {
  const detection = rule.detection;
  const matching = input.events.flatMap((event, eventIndex) => (eventMatches(rule, event) ? [{ event, eventIndex }] : []));
  switch (detection.type) {
    case 'query':
      return matching;
    case 'new_terms':
      return newTerms(rule, detection.fields, matching, input.history ?? []);
    case 'threshold':
      return threshold(rule, matching, input.events);
  }
}

function newTerms(
  rule: Rule,
  fields: readonly Field[],
  matching: readonly { event: TestEvent; eventIndex: number }[],
  history: readonly TestEvent[],
): Alert[] {
  const seen = new Set<string>();
  for (const event of history) {
    if (eventMatches(rule, event)) for (const combination of combinations(event, fields)) seen.add(key(combination));
  }
  const alerts: Alert[] = [];
  for (const { event, eventIndex } of matching) {
    for (const combination of combinations(event, fields)) {
      const k = key(combination);
      if (seen.has(k)) continue;
      seen.add(k);
      alerts.push({ event, eventIndex, terms: combination });
    }
  }
  return alerts;
}

function threshold(rule: Rule, matching: readonly { event: TestEvent; eventIndex: number }[], all: readonly TestEvent[]): Alert[] {
  const detection = rule.detection;
  if (detection.type !== 'threshold') return [];
  const windowMs = rule.periods.test === 'single-event' ? Infinity : rule.periods.test.seconds * 1000;
  const timed = all.map(timeOf).filter((t): t is number => t !== undefined);
  const untimedAt = timed.length > 0 ? Math.min(...timed) : 0;

  const groups = new Map<string, { terms: string[]; members: { time: number; eventIndex: number; event: TestEvent }[] }>();
  for (const { event, eventIndex } of matching) {
    for (const terms of combinations(event, detection.groupBy)) {
      const k = key(terms);
      let group = groups.get(k);
      if (!group) groups.set(k, (group = { terms, members: [] }));
      group.members.push({ time: timeOf(event) ?? untimedAt, eventIndex, event });
    }
  }

  const alerts: Alert[] = [];
  for (const { terms, members } of groups.values()) {
    const sorted = [...members].sort((a, b) => a.time - b.time || a.eventIndex - b.eventIndex);
    for (let start = 0; start < sorted.length; start++) {
      const first = sorted[start];
      if (!first) continue;
      const inWindow = sorted.slice(start).filter((m) => m.time - first.time < windowMs);
      const last = inWindow[inWindow.length - 1];
      if (!last || inWindow.length < detection.value) continue;
      const cardinality = detection.cardinality;
      if (cardinality) {
        const distinct = new Set(inWindow.flatMap((m) => fieldValues(m.event, cardinality.field.name).map(valueKey)));
        if (distinct.size < cardinality.value) continue;
      }
      alerts.push({ eventIndex: last.eventIndex, event: last.event, terms, count: inWindow.length });
      break;
    }
  }
  return alerts.sort((a, b) => a.eventIndex - b.eventIndex);
}

/** Every combination of one value per field; none when a field has no value. */
function combinations(event: TestEvent, fields: readonly Field[]): string[][] {
  let result: string[][] = [[]];
  for (const field of fields) {
    const values = [...new Set(fieldValues(event, field.name).map(valueKey))];
    result = result.flatMap((prefix) => values.map((value) => [...prefix, value]));
  }
  return result;
}

/** Values group by their text (42 and "42" are one term, as in Splunk and a keyword field). */
function valueKey(value: unknown): string {
  return textOf(value) ?? JSON.stringify(value);
}

function key(terms: readonly string[]): string {
  return JSON.stringify(terms);
}

/** `_time` as the language reads it: RFC 3339 with an offset, never the local zone (event-time.ts). */
function timeOf(event: TestEvent): number | undefined {
  return eventTimeMs(event['_time']);
}
