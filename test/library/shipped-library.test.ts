// The shipped library is what a newcomer builds first: it must validate without a single
// diagnostic, pass every rule test, and compile to every target without diagnostics.

import { describe, expect, it } from 'vitest';
import { emitTargets, targetNames } from '../../driver/emit-all-targets.ts';
import { runRuleTests } from '../../compiler/evaluate.ts';
import { compileFixtureResult } from '../support/compile.ts';

describe('the shipped rule library', async () => {
  const result = await compileFixtureResult('rules');

  it('validates with no errors and no warnings', () => {
    expect(result.diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(result.library).toBeDefined();
  });

  it('has at least 15 rules, each with an alerting and a non-alerting test', () => {
    const base = result.partial.rules.filter((r) => !r.variationOf);
    expect(base.length).toBeGreaterThanOrEqual(15);
    for (const rule of result.partial.rules) {
      expect(rule.tests.some((t) => t.expect === 'alert'), `${rule.name} has an alerting test`).toBe(true);
      expect(rule.tests.some((t) => t.expect === 'no-alert'), `${rule.name} has a non-alerting test`).toBe(true);
    }
  });

  it('uses all three detection types', () => {
    expect(new Set(result.partial.rules.map((r) => r.detection.type))).toEqual(new Set(['query', 'new_terms', 'threshold']));
  });

  it('passes every rule test', () => {
    const failures = result.partial.rules.flatMap((rule) =>
      runRuleTests(rule)
        .filter((o) => !o.passed)
        .map((o) => `${rule.name} › ${o.test.name}: ${o.reason}`),
    );
    expect(failures).toEqual([]);
  });

  it('compiles to every target without diagnostics', async () => {
    const emitted = await emitTargets(result.library!, targetNames());
    expect(emitted.diagnostics.map((d) => `${d.span.file}:${d.span.start.line} ${d.code} ${d.message}`)).toEqual([]);
    const paths = emitted.files.map((f) => f.path);
    for (const prefix of ['splunk/', 'elastic/rules.ndjson', 'docs/md/', 'docs/site/index.html', 'attack-navigator.json']) {
      expect(paths.some((p) => p.startsWith(prefix)), prefix).toBe(true);
    }
  });
});
