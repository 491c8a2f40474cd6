// Runs every rule test on a worker thread under a time limit, so that a test that runs too long
// becomes a failed test (test/timeout) and the others still run, instead of `detc test` hanging.
//
// Globs and portable regexes are matched in linear time (compiler/language/glob.ts,
// regex-matcher.ts), so a test normally takes milliseconds; the limit is the bound for whatever
// is left: a regex too large for the linear matcher, which runs on JavaScript's backtracking
// engine, or a test too large for its budget. The only way to stop JavaScript that is running
// is to stop its thread, so the tests run on a worker that is terminated when a test overruns
// and replaced for the next one. The clock starts when a test is sent to a worker that has
// started, so a worker's start-up never counts.

import { Worker } from 'node:worker_threads';
import type { Rule, RuleTest } from '../compiler/ir.ts';

export type RuleTestResult =
  | { readonly kind: 'passed'; readonly rule: Rule; readonly test: RuleTest }
  | { readonly kind: 'failed'; readonly rule: Rule; readonly test: RuleTest; readonly reason: string }
  | { readonly kind: 'timed-out'; readonly rule: Rule; readonly test: RuleTest; readonly timeoutMs: number }
  /** The evaluator threw, or its thread died (a detc bug, reported as a failed test instead of a crash). */
  | { readonly kind: 'crashed'; readonly rule: Rule; readonly test: RuleTest; readonly error: string };

export interface RunOptions {
  /** The limit for each test, in milliseconds. */
  readonly timeoutMs: number;
}

/** Every test of every rule, in order. Throws only when a worker cannot be started at all. */
export async function runRuleTestsWithTimeLimit(rules: readonly Rule[], options: RunOptions): Promise<RuleTestResult[]> {
  const results: RuleTestResult[] = [];
  let worker: TestWorker | undefined;
  try {
    for (const rule of rules) {
      for (const [index, test] of rule.tests.entries()) {
        worker ??= await TestWorker.start();
        const outcome = await worker.run(rule, index, options.timeoutMs);
        if (outcome.kind === 'timed-out' || outcome.kind === 'crashed') worker = undefined; // it is gone
        results.push(
          outcome.kind === 'done'
            ? outcome.passed
              ? { kind: 'passed', rule, test }
              : { kind: 'failed', rule, test, reason: outcome.reason ?? 'failed' }
            : outcome.kind === 'timed-out'
              ? { kind: 'timed-out', rule, test, timeoutMs: options.timeoutMs }
              : { kind: 'crashed', rule, test, error: outcome.error },
        );
      }
    }
  } finally {
    await worker?.stop();
  }
  return results;
}

type Outcome =
  | { readonly kind: 'done'; readonly passed: boolean; readonly reason?: string }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'crashed'; readonly error: string };

/**
 * The worker: compiled (lib/), a JavaScript module beside this one. From the TypeScript sources
 * (vitest, scripts) it is a .ts file, and a worker does not inherit tsx's loader (nor take
 * `--import` in its execArgv), so a two-line bootstrap registers tsx first.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./rule-test-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./rule-test-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`, { eval: true });
}

class TestWorker {
  /** The rule this worker holds, so that its events are sent once for all its tests. */
  private rule: Rule | undefined;
  /** Where the worker's next reply, error or exit goes (one test at a time). */
  private settle: ((outcome: Outcome) => void) | undefined;

  private constructor(private readonly worker: Worker) {
    // Listeners for the worker's whole life: an 'error' event without a listener would throw.
    worker.on('message', (reply: { passed: boolean; reason?: string }) =>
      this.settle?.(reply.reason === undefined ? { kind: 'done', passed: reply.passed } : { kind: 'done', passed: reply.passed, reason: reply.reason }),
    );
    worker.on('error', (error: Error) => this.settle?.({ kind: 'crashed', error: `${error.name}: ${error.message}` }));
    worker.on('exit', (code) => this.settle?.({ kind: 'crashed', error: `the test worker exited with code ${code}` }));
  }

  static start(): Promise<TestWorker> {
    const worker = startWorker();
    return new Promise((resolve, reject) => {
      // Named listeners, removed one by one: the Worker's own internal listeners must stay.
      const ready = () => {
        worker.off('error', fail).off('exit', fail);
        resolve(new TestWorker(worker));
      };
      const fail = (reason: Error | number) => {
        worker.off('message', ready).off('error', fail).off('exit', fail);
        worker.on('error', () => {}); // whatever it still reports, it is being stopped
        void worker.terminate();
        reject(new Error(`the test worker did not start: ${typeof reason === 'number' ? `it exited with code ${reason}` : reason.message}`));
      };
      worker.once('message', ready).once('error', fail).once('exit', fail);
    });
  }

  run(rule: Rule, test: number, timeoutMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.settle = (outcome) => {
        this.settle = undefined;
        clearTimeout(timer);
        if (outcome.kind !== 'done') void this.worker.terminate();
        resolve(outcome);
      };
      try {
        this.worker.postMessage(this.rule === rule ? { test } : { rule, test });
      } catch (e) {
        this.settle({ kind: 'crashed', error: `the test could not be sent to the worker: ${(e as Error).message}` });
        return;
      }
      this.rule = rule;
      timer = setTimeout(() => this.settle?.({ kind: 'timed-out' }), timeoutMs);
    });
  }

  async stop(): Promise<void> {
    this.settle = undefined;
    await this.worker.terminate();
  }
}
