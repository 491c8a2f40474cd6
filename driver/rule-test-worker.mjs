// A worker thread that runs rule tests through the reference evaluator, one test per message, so
// that the `test` command can stop a test that runs too long by terminating the thread (see
// run-rule-tests.ts). Plain JavaScript, so that `new Worker()` can start it as is: a worker does
// not inherit the main thread's TypeScript loader, so it registers tsx itself before loading the
// evaluator (the CLI and the test runner both run the TypeScript sources).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runRuleTest } = await import('../compiler/evaluate/rule-tests.ts');

// The rule whose tests are being run: sent once, then its tests by index (a rule's events can be large).
let rule;

parentPort.on('message', (message) => {
  if (message.rule) rule = message.rule;
  const outcome = runRuleTest(rule, rule.tests[message.test]);
  parentPort.postMessage({ passed: outcome.passed, reason: outcome.reason });
});
parentPort.postMessage({ ready: true });
