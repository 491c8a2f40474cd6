// Each fixture under test/fixtures/schema/ is a rule with deliberate mistakes; the expected
// (code, line, column) triples were written by reading the fixture, not by running the validator.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { validateRuleDocument } from '../../compiler/schema/validate-schema.ts';

const FIXTURES = new URL('../fixtures/schema/', import.meta.url);

function validateFixture(name: string): Diagnostic[] {
  const { document, diagnostics } = SourceDocument.parse(name, readFileSync(new URL(name, FIXTURES), 'utf8'));
  expect(diagnostics).toEqual([]);
  return validateRuleDocument(document!);
}

const at = (d: Diagnostic) => [d.code, d.span.start.line, d.span.start.column] as const;

describe('rule schema: valid', () => {
  it('accepts a rule that uses every key of the format', () => {
    expect(validateFixture('valid-rule.yml')).toEqual([]);
  });
  it('accepts a threshold rule with every threshold key', () => {
    expect(validateFixture('valid-threshold-rule.yml')).toEqual([]);
  });
  it('names the file in every span', () => {
    const [first] = validateFixture('bad-enum.yml');
    expect(first?.span.file).toBe('bad-enum.yml');
  });
});

describe('rule schema: invalid fixtures', () => {
  const cases: [string, [string, number, number][]][] = [
    [
      'missing-required-key.yml',
      [
        ['schema/required', 2, 1], // the rule map starts after the comment line
        ['schema/min-items', 16, 17], // techniques: []
      ],
    ],
    [
      'unknown-key-typo.yml',
      [
        ['schema/unknown-key', 5, 1], // sevrity (the missing severity it causes is not repeated)
        ['schema/unknown-key', 12, 3], // alowlist
      ],
    ],
    [
      'wrong-type.yml',
      [
        ['schema/type', 3, 10], // version: "1"
        ['schema/type', 14, 9], // attack: { … } instead of a list
        ['schema/type', 15, 9], // fields: user
      ],
    ],
    [
      'bad-enum.yml',
      [
        ['schema/enum', 5, 11], // severity: urgent
        ['schema/enum', 16, 26], // entity type: person
        ['schema/enum', 20, 13], // expect: alerts
      ],
    ],
    [
      'bad-uuid.yml',
      [
        ['schema/pattern', 1, 5], // too short
        ['schema/pattern', 17, 9], // upper case
      ],
    ],
    [
      'bad-duration.yml',
      [
        ['schema/pattern', 13, 9], // test: single event
        ['schema/pattern', 14, 18], // deduplication: 0d
        ['schema/pattern', 16, 13], // interval: 10 minutes
        ['schema/pattern', 17, 13], // lookback: 1w
      ],
    ],
    [
      'new-terms-without-fields.yml',
      [
        ['schema/required', 12, 3], // new_terms: {} lacks fields → at the new_terms key
        ['schema/required', 20, 5], // variation detection lacks new_terms → at its detection key
      ],
    ],
    [
      'threshold-without-value.yml',
      [
        ['schema/required', 12, 3], // threshold without value → at the threshold key
        ['schema/not-allowed', 14, 3], // new_terms in a threshold detection
      ],
    ],
    [
      'misplaced-key.yml',
      [
        ['schema/unknown-key', 10, 3], // severity under detection (the missing top-level severity is not repeated)
        ['schema/unknown-key', 14, 1], // interval beside schedule (its absence in schedule is not repeated)
        ['schema/unknown-key', 18, 5], // entities inside an attack item
      ],
    ],
    [
      'risk-only-impact.yml',
      [
        ['schema/required', 6, 1], // risk: { impact } lacks confidence → at the risk key
        ['schema/maximum', 20, 20], // score: 120
        ['schema/unknown-key', 23, 24], // impact beside score
      ],
    ],
  ];

  it.each(cases)('%s', (file, expected) => {
    expect(validateFixture(file).map(at)).toEqual(expected);
  });
});

describe('rule schema: one error per mistake', () => {
  const validateText = (text: string) => validateRuleDocument(SourceDocument.parse('r.yml', text).document!);
  const valid = readFileSync(new URL('valid-rule.yml', FIXTURES), 'utf8');

  it('reports a misspelt detection type once, not the new_terms block it then disallows', () => {
    const diagnostics = validateText(valid.replace('type: new_terms', 'type: newterms'));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['schema/enum', '"newterms" is not a detection type; did you mean "new_terms"? Use one of query, new_terms, threshold'],
    ]);
  });

  it('reports a missing detection type once', () => {
    const diagnostics = validateText(valid.replace('  type: new_terms\n', ''));
    expect(diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([['schema/required', 14, 1]]);
  });
});

describe('rule schema: integers fit 32 bits', () => {
  const validateText = (text: string) => validateRuleDocument(SourceDocument.parse('r.yml', text).document!);
  const threshold = readFileSync(new URL('valid-threshold-rule.yml', FIXTURES), 'utf8');

  it('accepts 2147483647 and refuses 2147483648 and 1e20 at the value', () => {
    const largest = threshold.replace('version: 1', 'version: 2147483647').replace('    value: 3', '    value: 2147483647');
    expect(validateText(largest)).toEqual([]);
    const absurd = threshold
      .replace('version: 1', 'version: 100000000000000000000')
      .replace('    value: 3', '    value: 2147483648')
      .replace('cardinality: { field: resource, value: 2 }', 'cardinality: { field: resource, value: 99999999999 }');
    expect(validateText(absurd).map((d) => [d.code, d.span.start.line, d.span.start.column, d.message])).toEqual([
      ['schema/maximum', 5, 10, 'version must be at most 2147483647, not 100000000000000000000'],
      ['schema/maximum', 16, 12, 'detection.threshold.value must be at most 2147483647, not 2147483648'],
      ['schema/maximum', 17, 44, 'detection.threshold.cardinality.value must be at most 2147483647, not 99999999999'],
    ]);
  });
});

describe('rule schema: messages speak to the rule author', () => {
  const messages = (file: string) => validateFixture(file).map((d) => d.message);

  it('suggests the intended key for a typo', () => {
    expect(messages('unknown-key-typo.yml')).toEqual([
      'unknown key "sevrity" in the rule; did you mean "severity"?',
      'unknown key "alowlist" in detection; did you mean "allowlist"?',
    ]);
  });
  it('says where a key written at the wrong level belongs', () => {
    expect(messages('misplaced-key.yml')).toEqual([
      'unknown key "severity" in detection; it belongs at the top level of the rule',
      'unknown key "interval" in the rule; it belongs in schedule',
      'unknown key "entities" in attack[0]; it belongs at the top level of the rule',
    ]);
  });
  it('lists the allowed values of a missing enum key', () => {
    expect(messages('missing-required-key.yml')[0]).toBe(
      'missing required key "severity" (one of informational, low, medium, high, critical)',
    );
  });
  it('names the allowed values of a bad enum, with a suggestion when one is close', () => {
    expect(messages('bad-enum.yml')).toEqual([
      '"urgent" is not a severity; use one of informational, low, medium, high, critical',
      '"person" is not an entity type; use one of user, system, ip_address, process, file, image, container, other',
      '"alerts" is not a test expectation; did you mean "alert"? Use one of alert, no-alert',
    ]);
  });
  it('shows how to write a duration', () => {
    const [testPeriod, , interval] = messages('bad-duration.yml');
    expect(interval).toMatch(/^duration "10 minutes" must be a number and a unit, e\.g\. 10m, 6h, 14d/);
    expect(testPeriod).toMatch(/^"single event" is not a test period; write single-event, or a duration/);
  });
  it('offers the lower-case form of an upper-case UUID', () => {
    expect(messages('bad-uuid.yml')[1]).toBe(
      'id "1C8E4D3F-6E5B-4F90-8B2C-3D4E5F6A7B8C" must be written in lower case: "1c8e4d3f-6e5b-4f90-8b2c-3d4e5f6a7b8c"',
    );
  });
  it('explains both forms of risk instead of ajv oneOf noise', () => {
    const [onlyImpact, tooHigh, mixed] = messages('risk-only-impact.yml');
    expect(onlyImpact).toMatch(
      /^missing required key "confidence" in risk \(write either `\{ score: N \}` or `\{ impact: I, confidence: C \}`/,
    );
    expect(tooHigh).toBe('variations[0].risk.score must be at most 100, not 120');
    expect(mixed).toMatch(/^unknown key "impact" in variations\[1\]\.risk; write either/);
  });
  it('says why a detection key is not allowed', () => {
    expect(messages('threshold-without-value.yml')[1]).toBe(
      '"new_terms" only applies to a new_terms detection (type is threshold); remove it, or set type: new_terms',
    );
  });
  it('suggests the obvious edit for a value of the wrong kind', () => {
    expect(messages('wrong-type.yml')).toEqual([
      'version must be a whole number, not text ("1") (remove the quotes)',
      'attack must be a list, not a mapping',
      'fields must be a list, not text ("user"); write a list, e.g. [user]',
    ]);
  });
  it('never shows a JSON pointer or ajv wording', () => {
    for (const file of ['bad-enum.yml', 'wrong-type.yml', 'risk-only-impact.yml', 'new-terms-without-fields.yml']) {
      for (const message of messages(file)) {
        expect(message).not.toMatch(/must match|must NOT|\/[a-z_]+\/[0-9]|#\//);
      }
    }
  });
});
