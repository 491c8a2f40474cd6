// The reference evaluator: what a rule MEANS. Every target must raise exactly the alerts this
// raises (or refuse the rule with a diagnostic). The semantics are written out in
// docs/language.md ("Semantics" and "Detection types"); the code is split by concept:
//
//   evaluate/field-values.ts     a logical field's values in a JSON test event
//   evaluate/expr.ts             evaluateExpr: one event against a match expression
//   evaluate/rule.ts             evaluateRule: query, new_terms and threshold detections
//   evaluate/rule-tests.ts       runRuleTests: a rule's `tests`, with reasons for failures
//
// What a value means (how an event value compares with a rule value, IP addresses, globs, the
// portable regex flavour) is the language's, in compiler/language/, shared with the checks and
// the targets.

export { fieldValues } from './evaluate/field-values.ts';
export { evaluateExpr } from './evaluate/expr.ts';
export { evaluateRule, eventMatches, type Alert, type RuleInput } from './evaluate/rule.ts';
export { runRuleTests, type TestOutcome } from './evaluate/rule-tests.ts';
export { describeExpr } from './evaluate/describe.ts';
