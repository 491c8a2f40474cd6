// runRuleTests: runs a rule's `tests` through the reference evaluator and says, for each failing
// test, what happened in words a rule author can act on.

import type { Rule, RuleTest, TestEvent } from '../ir.ts';
import { describeExpr } from './describe.ts';
import { failingClause } from './explain.ts';
import { evaluateExpr } from './expr.ts';
import { fieldValues } from './field-values.ts';
import { evaluateRule, type Alert } from './rule.ts';

export interface TestOutcome {
  readonly test: RuleTest;
  readonly passed: boolean;
  /** Set when the test failed: what happened instead. */
  readonly reason?: string;
}

export function runRuleTests(rule: Rule): TestOutcome[] {
  return rule.tests.map((test) => runRuleTest(rule, test));
}

/** One of the rule's tests (`detc test` runs each on its own, under a time limit). */
export function runRuleTest(rule: Rule, test: RuleTest): TestOutcome {
  const alerts = evaluateRule(rule, { events: test.events, history: test.history });
  const alerted = alerts.length > 0;
  if (alerted === (test.expect === 'alert')) return { test, passed: true };
  return { test, passed: false, reason: alerted ? unexpectedAlert(rule, alerts) : missingAlert(rule, test) };
}

const ordinal = (index: number) => ['first', 'second', 'third', 'fourth', 'fifth'][index] ?? `#${index + 1}`;

function unexpectedAlert(rule: Rule, alerts: readonly Alert[]): string {
  const first = alerts[0];
  if (!first) return 'expected no alert';
  const count = alerts.length === 1 ? '1 alert' : `${alerts.length} alerts`;
  switch (rule.detection.type) {
    case 'query':
      return `expected no alert, but ${count} fired: the ${ordinal(first.eventIndex)} event matches "${describeExpr(rule.detection.match)}" and no allowlist`;
    case 'new_terms':
      return `expected no alert, but ${count} fired: the ${ordinal(first.eventIndex)} event has ${terms(rule.detection.fields.map((f) => f.name), first.terms)}, which the history does not contain`;
    case 'threshold':
      return `expected no alert, but ${count} fired: ${first.count ?? 0} matching events${first.terms?.length ? ` with ${terms(rule.detection.groupBy.map((f) => f.name), first.terms)}` : ''} within the test period reach the threshold of ${rule.detection.value}`;
  }
}

function missingAlert(rule: Rule, test: RuleTest): string {
  const detection = rule.detection;
  if (test.events.length === 0) return 'expected an alert, but the test has no events';
  const matchingIndexes = test.events.flatMap((event, i) => (evaluateExpr(detection.match, event) ? [i] : []));
  if (matchingIndexes.length === 0) {
    const event = test.events[0] as TestEvent;
    const clause = failingClause(detection.match, event) ?? detection.match;
    return `expected an alert, but no event matched: the first event fails "${describeExpr(clause)}" at line ${clause.span.start.line}`;
  }
  const allowed = matchingIndexes.filter((i) => !detection.allowlists.some((a) => evaluateExpr(a.match, test.events[i] as TestEvent)));
  if (allowed.length === 0) {
    const event = test.events[matchingIndexes[0] ?? 0] as TestEvent;
    const allowlist = detection.allowlists.find((a) => evaluateExpr(a.match, event));
    return `expected an alert, but every matching event is allowlisted (the ${ordinal(matchingIndexes[0] ?? 0)} by "${allowlist?.name ?? '?'}")`;
  }
  switch (detection.type) {
    case 'query':
      return 'expected an alert';
    case 'new_terms': {
      const names = detection.fields.map((f) => f.name);
      const incomplete = allowed.every((i) => detection.fields.some((f) => fieldValues(test.events[i] as TestEvent, f.name).length === 0));
      if (incomplete) {
        const event = test.events[allowed[0] ?? 0] as TestEvent;
        const missing = detection.fields.find((f) => fieldValues(event, f.name).length === 0);
        return `expected an alert, but every matching event lacks a new_terms field (the ${ordinal(allowed[0] ?? 0)} has no ${missing?.name ?? '?'})`;
      }
      return `expected an alert, but the history already contains every combination of ${names.join(', ')} in the matching events`;
    }
    case 'threshold': {
      const window = rule.periods.test === 'single-event' ? 'the test' : rule.periods.test.text;
      const extra = detection.cardinality ? ` and ${detection.cardinality.value} distinct ${detection.cardinality.field.name} values` : '';
      const by = detection.groupBy.length > 0 ? ` per ${detection.groupBy.map((f) => f.name).join(', ')}` : '';
      return `expected an alert, but no group reaches ${detection.value} matching events${extra}${by} within ${window} (${allowed.length} matching event${allowed.length === 1 ? '' : 's'} in all)`;
    }
  }
}

function terms(names: readonly string[], values: readonly string[] | undefined): string {
  return names.map((name, i) => `${name}=${JSON.stringify(values?.[i] ?? '')}`).join(', ');
}
