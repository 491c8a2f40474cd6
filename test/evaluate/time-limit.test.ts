// `detc test` never hangs: the ReDoS shapes of issue 10 are caught by regex/catastrophic or
// matched in linear time, and a test that still runs too long fails with test/timeout while the
// other tests run. Every test here is guarded by a vitest timeout, never by measuring time.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../compiler/ir.ts';
import { main } from '../../driver/cli/main.ts';
import { ruleTestDiagnostic } from '../../driver/rule-test-diagnostics.ts';
import { runRuleTestsWithTimeLimit } from '../../driver/run-rule-tests.ts';
import { compileFixture, repoRoot } from '../support/compile.ts';

const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

interface TestCase {
  readonly name: string;
  readonly expect: 'alert' | 'no-alert';
  readonly url: string;
}

/** A rule file whose `match:` is on line 10 and whose tests start on line 19 (three lines each). */
function ruleFile(index: number, match: string, tests: readonly TestCase[]): string {
  return `id: 00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}
name: Rule ${index}
version: 1
status: test
severity: low
risk: { score: 21 }
description: A rule for time-limit tests.
data_source: web_proxy
detection:
  type: query
  match: ${match}
periods: { test: single-event }
schedule: { interval: 5m, lookback: 5m }
attack:
  - tactic: initial-access
    techniques: [T1190]
message: Something happened
tests:
${tests.map((t) => `  - name: ${t.name}\n    expect: ${t.expect}\n    events: [{ url: ${JSON.stringify(t.url)} }]`).join('\n')}
`;
}

/** A library folder with the given rule files (and the web_proxy data source). */
function library(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'detc-time-limit-'));
  folders.push(dir);
  mkdirSync(join(dir, 'data-sources'));
  copyFileSync(join(repoRoot, 'test/fixtures/cli/library/data-sources/web_proxy.yml'), join(dir, 'data-sources/web_proxy.yml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs `detc` in-process in `cwd` (a library is read from inside the folder detc runs in). */
async function detcIn(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function detc(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd: repoRoot, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

// `.*a` written out 2,600 times: too large for the linear matcher (and for the backtracking
// analysis), and on a text with one "a" too few, JavaScript's RegExp tries every way to place
// them. (Written as `(?:.*a){2600}` it would be a regex/catastrophic error instead.)
const HUGE = `${'.*a'.repeat(2_600)}`;

describe('detc test on the ReDoS shapes (the real command, as a process)', () => {
  it('reports the exponential regexes as errors and runs the linear shapes to a pass', async () => {
    const dir = library({
      'nested.yml': ruleFile(1, 'url matches /^(a+)+$/', [{ name: 'forty a and a bang', expect: 'no-alert', url: `${'a'.repeat(40)}!` }]),
      'words.yml': ruleFile(2, 'url matches /^(\\w+\\s?)+$/', [{ name: 'words then a bang', expect: 'no-alert', url: `${'word '.repeat(30)}!` }]),
      'glob.yml': ruleFile(3, `url like "${'*a'.repeat(12)}*b"`, [
        { name: '200 a', expect: 'no-alert', url: 'a'.repeat(200) },
        { name: '200 a and a b', expect: 'alert', url: `${'a'.repeat(200)}b` },
      ]),
      'polynomial.yml': ruleFile(4, 'url matches /.*a.*a.*a.*a.*a.*a.*a.*b$/', [
        { name: '3000 a', expect: 'no-alert', url: 'a'.repeat(3_000) },
        { name: 'eight a and a b', expect: 'alert', url: 'xaaaaaaaab' },
      ]),
    });
    const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/detc.js'), 'test', '.'], { cwd: dir }).catch((e: { stdout: string; code: number }) => {
      expect(e.code).toBe(1);
      return e;
    });
    // Line 11 holds `  match: url matches /^(a+)+$/`: the group is at column 24.
    expect(stdout).toContain(`nested.yml:11:24: error regex/catastrophic: In /^(a+)+$/, the repetition "(a+)+"`);
    expect(stdout).toContain(`words.yml:11:24: error regex/catastrophic: In /^(\\w+\\s?)+$/, the repetition "(\\w+\\s?)+"`);
    expect(stdout).not.toContain('FAIL');
    expect(stdout).toMatch(/\n4 passed, 0 failed\n$/);
  }, 60_000);
});

describe('detc test with a time limit', () => {
  it('fails the test that runs too long, names it and the likely cause, and runs the others', async () => {
    // (The likely cause points at the comparison, `url matches …`, at column 10.)
    const dir = library({
      'huge.yml': ruleFile(1, `url matches /${HUGE}/`, [
        { name: 'no a at all', expect: 'no-alert', url: 'b' },
        { name: 'one a too few', expect: 'no-alert', url: `${'a'.repeat(2_599)}${'b'.repeat(40)}` },
        { name: 'after the slow one', expect: 'no-alert', url: 'b' },
      ]),
      'plain.yml': ruleFile(2, 'url contains "/admin"', [{ name: 'admin alerts', expect: 'alert', url: 'https://x/admin' }]),
    });
    const { code, out } = await detcIn(dir, 'test', '--timeout', '300', '.');
    expect(code).toBe(1);
    // The second test of huge.yml: tests start on line 19, three lines each.
    expect(out).toContain(`huge.yml:22:5: FAIL Rule 1 › one a too few: did not finish within 300 ms (test/timeout)\n`);
    expect(out).toContain(
      `huge.yml:22:5: error test/timeout: The test "one a too few" of rule "Rule 1" did not finish within 300 ms, so it fails. ` +
        `The likely cause is /${'.*a'.repeat(13)}…/ at line 11, column 10: it is too large for detc's linear-time regex matcher`,
    );
    expect(out).toContain('give it more time with `detc test --timeout <ms>`');
    expect(out.match(/FAIL/g)).toHaveLength(1);
    expect(out).toMatch(/\n3 passed, 1 failed \(1 timed out\)\n$/);
  }, 60_000);

  it.each(['0', '-5', '1.5', 'abc', '', '3600001'])('refuses --timeout %j with exit 2', async (value) => {
    const { code, err } = await detc('test', '--timeout', value, 'test/fixtures/cli/library');
    expect(code).toBe(2);
    expect(err).toContain('is not a time limit: write a whole number of milliseconds from 1 to 3600000');
  });
});

describe('runRuleTestsWithTimeLimit', () => {
  it('turns an evaluator that throws into a crashed test, and runs the next rule on a new worker', async () => {
    const library = await compileFixture('test/fixtures/cli/library');
    const good = library.rules[0] as Rule;
    const broken = { ...good, tests: [{ ...good.tests[0], events: null }] } as unknown as Rule;
    const results = await runRuleTestsWithTimeLimit([broken, good], { timeoutMs: 10_000 });
    expect(results.map((r) => r.kind)).toEqual(['crashed', 'passed', 'passed', 'failed']);
    const crashed = results[0]!;
    expect(crashed.kind === 'crashed' && crashed.error).toMatch(/^TypeError: /);
    const diagnostic = ruleTestDiagnostic(crashed)!;
    expect([diagnostic.code, diagnostic.span.start.line, diagnostic.span.start.column]).toEqual(['test/crashed', 22, 5]);
    expect(diagnostic.message).toMatch(/stopped the reference evaluator \(TypeError: .*\), so it fails\. This is a detc bug/);
  }, 60_000);

  it('reports a rule that cannot be sent to the worker as crashed', async () => {
    const library = await compileFixture('test/fixtures/cli/library');
    const good = library.rules[0] as Rule;
    const unsendable = { ...good, extra: () => 0 } as unknown as Rule;
    const results = await runRuleTestsWithTimeLimit([unsendable], { timeoutMs: 10_000 });
    expect(results.map((r) => r.kind)).toEqual(['crashed', 'crashed', 'crashed']);
    expect(results[0]!.kind === 'crashed' && results[0]!.error).toContain('could not be sent to the worker');
  }, 60_000);
});
