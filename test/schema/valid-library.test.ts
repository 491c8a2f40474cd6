// The valid schema fixtures are not only schema-valid: with their data source they are a library
// that every stage accepts and whose tests pass, so they show a complete, working rule.

import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../compiler/evaluate/rule-tests.ts';
import { compileFixtureResult } from '../support/compile.ts';

describe('valid fixtures as a library', () => {
  it('compile with no diagnostic and pass their tests', async () => {
    const result = await compileFixtureResult(
      'test/fixtures/schema/valid-rule.yml',
      'test/fixtures/schema/valid-threshold-rule.yml',
      'test/fixtures/schema/data-sources/valid_source.yml',
    );
    expect(result.diagnostics).toEqual([]);
    const rules = result.library!.rules;
    expect(rules.map((r) => r.name).sort()).toEqual([
      'Fixture Debug Pod In A System Namespace',
      'Fixture Discovery Burst',
      'Fixture Pod Creation With Debug Image',
    ]);
    const outcomes = rules.flatMap((rule) => runRuleTests(rule).map((o) => [rule.name, o.test.name, o.passed, o.reason]));
    expect(outcomes.filter(([, , passed]) => !passed)).toEqual([]);
    expect(outcomes).toHaveLength(6);
  });
});
