// A worker thread that runs rule tests through the reference evaluator, one test per message, so
// that the `test` command can stop a test that runs too long by terminating the thread (see
// run-rule-tests.ts). Compiled like the rest of the driver; from the TypeScript sources (tests,
// scripts) run-rule-tests.ts starts it with tsx's loader.

import { parentPort } from 'node:worker_threads';
import type { Rule } from '../compiler/ir.ts';
import { runRuleTest } from '../compiler/evaluate/rule-tests.ts';

// The rule whose tests are being run: sent once, then its tests by index (a rule's events can be large).
let rule: Rule | undefined;

parentPort?.on('message', (message: { rule?: Rule; test: number }) => {
  if (message.rule) rule = message.rule;
  const test = rule?.tests[message.test];
  if (!rule || !test) throw new Error(`no test ${message.test} to run`);
  const outcome = runRuleTest(rule, test);
  parentPort?.postMessage({ passed: outcome.passed, reason: outcome.reason });
});
parentPort?.postMessage({ ready: true });
