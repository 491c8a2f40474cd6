// The diagnostics of tests that did not finish (run-rule-tests.ts): where the test is, the limit,
// and the likely cause, so that the author knows what to change.

import { error, type Diagnostic } from '../compiler/diagnostics.ts';
import type { Expr, Regex, Rule, RuleTest } from '../compiler/ir.ts';
import { linearRegexTest } from '../compiler/language/regex-matcher.ts';
import type { RuleTestResult } from './run-rule-tests.ts';

export function ruleTestDiagnostic(result: RuleTestResult): Diagnostic | undefined {
  const { rule, test } = result;
  const which = `The test "${test.name}" of rule "${rule.name}"`;
  switch (result.kind) {
    case 'passed':
    case 'failed':
      return undefined;
    case 'timed-out':
      return error(
        'test/timeout',
        test.span,
        `${which} did not finish within ${result.timeoutMs} ms, so it fails. ${likelyCause(rule, test)} ` +
          'If the test is just large, give it more time with `detc test --timeout <ms>`.',
      );
    case 'crashed':
      return error(
        'test/crashed',
        test.span,
        `${which} stopped the reference evaluator (${short(result.error, 200)}), so it fails. This is a detc bug: ` +
          'please report it with the rule; the other tests still ran.',
      );
  }
}

function likelyCause(rule: Rule, test: RuleTest): string {
  const backtracking = ruleRegexes(rule).find((regex) => !linearRegexTest(regex.pattern, regex.flags));
  if (backtracking) {
    const at = backtracking.span.start;
    return (
      `The likely cause is /${short(backtracking.pattern, 40)}/${backtracking.flags} at line ${at.line}, column ${at.column}: ` +
      "it is too large for detc's linear-time regex matcher, so it runs on JavaScript's backtracking engine; " +
      'write smaller counted repetitions (e.g. {1,100} rather than {1,100000}).'
    );
  }
  const events = test.events.length + test.history.length;
  return (
    `The rule's globs and regexes are matched in linear time, so the test's ${events} event${events === 1 ? '' : 's'} ` +
    'are likely too many or too large for the limit: split it into smaller tests.'
  );
}

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every regex of the rule's match and allowlists, in source order. */
function ruleRegexes(rule: Rule): Regex[] {
  const found: Regex[] = [];
  // An explicit stack: expressions can be deeply nested.
  const pending: Expr[] = [rule.detection.match, ...rule.detection.allowlists.map((a) => a.match)].reverse();
  for (let expr = pending.pop(); expr; expr = pending.pop()) {
    if (expr.kind === 'regex') found.push(expr);
    else if (expr.kind === 'and' || expr.kind === 'or') pending.push(...[...expr.operands].reverse());
    else if (expr.kind === 'not') pending.push(expr.operand);
  }
  return found;
}
