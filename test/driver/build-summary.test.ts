// Counting the rules each target left out, and why (driver/build-summary.ts): a refusal belongs
// to the rule whose part of its file it lies in (a variation's entry, or the base's part), else
// to the rules of the data source whose file it lies in.

import { describe, expect, it } from 'vitest';
import { summarizeTargets, targetSummaryLine, UNATTRIBUTED } from '../../driver/build-summary.ts';
import { error, type Span } from '../../compiler/diagnostics.ts';
import type { Library } from '../../compiler/ir.ts';
import { compileFixture } from '../support/compile.ts';

const library: Library = await compileFixture('test/fixtures/output-summary');
const rule = (name: string) => library.rules.find((r) => r.name === name)!;
const ids = (...names: string[]) => library.rules.filter((r) => !names.includes(r.name)).map((r) => r.id);
const at = (span: Span, code: string) => error(code, span, 'refused');

describe('summarizeTargets', () => {
  it('counts a refused variation under its own reason, not its base', () => {
    const variation = rule('Root user with an exact message');
    const [summary] = summarizeTargets(library, [
      { target: 'elastic', emitted: ids('Root user with an exact message'), refusals: [at(variation.span, 'elastic/text-field-unsupported')] },
    ]);
    expect(summary).toEqual({ target: 'elastic', emitted: 5, leftOut: 1, reasons: [['elastic/text-field-unsupported', 1]] });
  });

  it("gives a variation the reasons found in its base's part (what it inherits)", () => {
    const base = rule('Root user');
    const [summary] = summarizeTargets(library, [
      { target: 'splunk', emitted: ids('Root user', 'Admin user'), refusals: [at(base.schedule.interval.span, 'splunk/unsupported-interval')] },
    ]);
    expect(summary!.reasons).toEqual([['splunk/unsupported-interval', 2]]);
  });

  it('falls back to the data source file, and says when nothing names the rule', () => {
    const dataSource = rule('Exact message').dataSource;
    const elsewhere = { ...rule('Odd interval').span, file: 'somewhere/else.yml' };
    const [summary] = summarizeTargets(library, [
      { target: 'elastic', emitted: ids('Exact message', 'Odd interval'), refusals: [at(dataSource.span, 'elastic/lucene-filter'), at(elsewhere, 'elastic/x')] },
    ]);
    // Both left-out rules read app_log, so both get its refusal; nothing lies in their own files.
    expect(summary!.reasons).toEqual([['elastic/lucene-filter', 2]]);
    const [none] = summarizeTargets(library, [{ target: 'elastic', emitted: ids('Odd interval'), refusals: [] }]);
    expect(none!.reasons).toEqual([[UNATTRIBUTED, 1]]);
  });

  it('counts a rule under each of its reasons, most frequent first, then by code', () => {
    const exact = rule('Exact message');
    const odd = rule('Odd interval');
    const [summary] = summarizeTargets(library, [
      {
        target: 'elastic',
        emitted: ids('Exact message', 'Odd interval'),
        refusals: [at(exact.span, 'elastic/b'), at(exact.span, 'elastic/a'), at(odd.span, 'elastic/b')],
      },
    ]);
    expect(summary).toEqual({ target: 'elastic', emitted: 4, leftOut: 2, reasons: [['elastic/b', 2], ['elastic/a', 1]] });
    expect(targetSummaryLine(summary!)).toBe('elastic: 4 rules emitted, 2 left out (elastic/b 2, elastic/a 1)');
  });

  it('writes singular and empty counts plainly', () => {
    expect(targetSummaryLine({ target: 'splunk', emitted: 1, leftOut: 0, reasons: [] })).toBe('splunk: 1 rule emitted, 0 left out');
    expect(targetSummaryLine({ target: 'docs', emitted: 0, leftOut: 0, reasons: [] })).toBe('docs: 0 rules emitted, 0 left out');
  });
});
