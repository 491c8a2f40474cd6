// Data-source and detc.yml schemas; expected positions were read off the fixtures.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import {
  validateConfigDocument,
  validateDataSourceDocument,
  validateRuleDocument,
} from '../../compiler/schema/validate-schema.ts';

const FIXTURES = new URL('../fixtures/schema/', import.meta.url);

function parse(name: string): SourceDocument {
  const { document, diagnostics } = SourceDocument.parse(name, readFileSync(new URL(name, FIXTURES), 'utf8'));
  expect(diagnostics).toEqual([]);
  return document!;
}

const at = (d: Diagnostic) => [d.code, d.span.start.line, d.span.start.column] as const;

describe('data-source schema', () => {
  it('accepts a data source that uses every key', () => {
    expect(validateDataSourceDocument(parse('data-sources/valid_source.yml'))).toEqual([]);
  });

  it('reports each mistake at its node', () => {
    const diagnostics = validateDataSourceDocument(parse('data-sources/invalid_source.yml'));
    expect(diagnostics.map(at)).toEqual([
      ['schema/required', 1, 1], // provenance is missing
      ['schema/pattern', 1, 7], // name: Fixture Audit
      ['schema/pattern', 5, 10], // macro: fixture audit
      ['schema/type', 8, 10], // index is not a list
      ['schema/pattern', 10, 3], // field name "user name", at the key
      ['schema/required', 14, 3], // source_ip has no elastic name
      ['schema/enum', 15, 11], // type: ipaddress
      ['schema/unknown-key', 17, 57], // multivalue
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'missing required key "provenance" (Where the native field names come from (vendor documentation, integration version), so a reviewer can check them)',
      'name "Fixture Audit" must be lower-case letters, digits and underscores, starting with a letter, e.g. fixture_audit',
      '"fixture audit" is not a valid Splunk macro name; use letters, digits, _, . and -, e.g. kube_audit',
      'elastic.index must be a list, not text ("logs-fixture-*"); write a list, e.g. [logs-fixture-*]',
      '"user name" is not a valid field name; use letters, digits, _ and -, starting with a letter or _, with dots between parts, e.g. source_ip or request.verb',
      'missing required key "elastic" in fields.source_ip (Native Elastic field name, e.g. kubernetes.audit.requestObject.spec.containers.image)',
      '"ipaddress" is not a field type; use one of keyword, text, number, ip, boolean, date',
      'unknown key "multivalue" in fields.count; did you mean "multi_value"?',
    ]);
  });

  it('says that a rule in a data-sources/ folder must move, instead of listing every key', () => {
    const diagnostics = validateDataSourceDocument(parse('valid-rule.yml'));
    expect(diagnostics.map(at)).toEqual([['schema/misplaced-rule', 1, 1]]);
    expect(diagnostics[0]?.message).toMatch(/move it out of data-sources\/$/);
  });

  it('says that a data source outside data-sources/ must move', () => {
    const diagnostics = validateRuleDocument(parse('data-sources/valid_source.yml'));
    expect(diagnostics.map(at)).toEqual([['schema/misplaced-data-source', 1, 1]]);
    expect(diagnostics[0]?.message).toMatch(/move it into rules\/data-sources\/$/);
  });
});

describe('detc.yml schema', () => {
  it('validates per-target project settings through the targets schemas', () => {
    const diagnostics = validateConfigDocument(parse('config/detc.yml'));
    expect(diagnostics.map(at)).toEqual([
      ['schema/unknown-key', 4, 3], // splunk.notabel
      ['schema/minimum', 6, 16], // elastic.max_signals: 0
      ['schema/unknown-key', 7, 1], // site
    ]);
    expect(diagnostics[0]?.message).toBe('unknown key "notabel" in splunk; did you mean "notable"?');
    expect(diagnostics[2]?.message).toBe('unknown key "site" in detc.yml; allowed keys are splunk, elastic, docs');
  });

  it('accepts an empty mapping', () => {
    const { document } = SourceDocument.parse('detc.yml', '{}\n');
    expect(validateConfigDocument(document!)).toEqual([]);
  });
});
