// The reference evaluator: what a rule MEANS. Every target must raise exactly the alerts this
// raises (or refuse the rule with a diagnostic). The semantics are written out in
// docs/language.md ("Semantics" and "Detection types"); the code is split by concept:
//
//   evaluate/field-values.ts     a logical field's values in a JSON test event
//   evaluate/values.ts           how one event value compares with one rule value
//   evaluate/expr.ts             evaluateExpr: one event against a match expression
//   evaluate/ip.ts               IPv4/IPv6 addresses and CIDR blocks
//   evaluate/rule.ts             evaluateRule: query, new_terms and threshold detections
//   evaluate/rule-tests.ts       runRuleTests: a rule's `tests`, with reasons for failures
//   evaluate/regex-portability.ts checkRegex: the portable regex flavour

export { fieldValues } from './evaluate/field-values.ts';
export { evaluateExpr } from './evaluate/expr.ts';
export { evaluateRule, eventMatches, type Alert, type RuleInput } from './evaluate/rule.ts';
export { runRuleTests, type TestOutcome } from './evaluate/rule-tests.ts';
export { checkRegex } from './evaluate/regex-portability.ts';
export { describeExpr } from './evaluate/describe.ts';
export { parseCidr, parseIp, cidrContains, type CidrBlock, type IpAddress } from './evaluate/ip.ts';
export { textOf, numberOf } from './evaluate/values.ts';
