// Builds check contexts from YAML strings, and valid/invalid test tables for one check
// (in the style of typescript-eslint's RuleTester): each invalid case lists the exact code,
// line and column of every diagnostic the check must report, and nothing else.
//
// A rule written in a test only needs the keys the case is about: support appends every other
// required key (id, name, schedule, …) at the END of the text, so the lines the test wrote keep
// their numbers and the expected positions can be read off the test source.

import { describe, expect, it } from 'vitest';
import type { Check } from '../../compiler/checks/check.ts';
import type { CheckContext, DataSourceDocument, ParsedMatch, RuleDocument } from '../../compiler/checks/context.ts';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { SourceDocument, type Path } from '../../compiler/load/source-document.ts';
import type { DataSourceSource, RuleSource } from '../../compiler/load/source-types.ts';
import { parseMatch } from '../../compiler/parse/parse-match.ts';
import { matchPaths } from '../../compiler/pipeline.ts';

/** The data source every test rule uses unless it says otherwise. */
export const TEST_DATA_SOURCE = `name: test_source
title: Test source
description: Fields of every type, for check tests.
provenance: test
splunk: { macro: test_source, definition: sourcetype=test }
elastic: { index: [logs-test-*] }
fields:
  verb: { type: keyword, splunk: verb, elastic: verb }
  resource: { type: keyword, splunk: resource, elastic: resource }
  image: { type: keyword, lowercase: true, multi_value: true, splunk: image, elastic: image }
  namespace: { type: keyword, splunk: namespace, elastic: namespace }
  user.name: { type: keyword, splunk: user, elastic: user.name }
  user.group: { type: keyword, splunk: group, elastic: user.group }
  source_ip: { type: ip, multi_value: true, splunk: src, elastic: source.ip }
  user_agent: { type: text, splunk: ua, elastic: user_agent.original }
  response_code: { type: number, splunk: code, elastic: http.response.status_code }
  privileged: { type: boolean, splunk: privileged, elastic: privileged }
  created_at: { type: date, splunk: created, elastic: created }
`;

/** Default values for the rule keys a test did not write (valid, and quiet for every check). */
function defaults(index: number): Record<string, string> {
  const hex = index.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    name: `Test rule ${index}`,
    version: '1',
    status: 'stable',
    severity: 'low',
    risk: '{ score: 21 }',
    description: 'A rule for check tests.',
    data_source: 'test_source',
    detection: '{ type: query, match: verb == "create" }',
    periods: '{ test: single-event }',
    schedule: '{ interval: 5m, lookback: 5m }',
    attack: '[{ tactic: execution, techniques: [T1610] }]',
    message: 'Something happened',
  };
}

export interface Library {
  /** Rule files by name, or one rule text (file `rule.yml`). */
  readonly rules: string | Readonly<Record<string, string>>;
  /** Extra data sources; `test_source` is always there. */
  readonly dataSources?: readonly string[];
  /** Leave out expressions that do not parse (as the pipeline does) instead of failing the test. */
  readonly skipUnparsedMatches?: boolean;
}

/** A CheckContext over the given YAML texts; `diagnostics` collects what the checks report. */
export function buildContext(library: Library): { ctx: CheckContext; diagnostics: Diagnostic[] } {
  const files = typeof library.rules === 'string' ? { 'rule.yml': library.rules } : library.rules;
  const rules: RuleDocument[] = Object.entries(files).map(([file, text], index) => {
    const doc = parseYaml(file, withDefaults(file, text, index + 1));
    const source = doc.data as RuleSource;
    const matches: ParsedMatch[] = matchPaths(source).flatMap((path) => {
      const parsed = parseMatch(doc, path);
      if (parsed.ast) return [{ path, ast: parsed.ast }];
      if (library.skipUnparsedMatches) return [];
      throw new Error(`${file}: the match at ${path.join('.')} does not parse: ${parsed.diagnostics[0]?.message}`);
    });
    return { doc, source, matches };
  });
  const dataSources = new Map<string, DataSourceDocument>();
  [TEST_DATA_SOURCE, ...(library.dataSources ?? [])].forEach((text, i) => {
    const doc = parseYaml(`data-source-${i}.yml`, text);
    const source = doc.data as DataSourceSource;
    dataSources.set(source.name, { doc, source });
  });
  const diagnostics: Diagnostic[] = [];
  return { ctx: { rules, dataSources, report: (d) => diagnostics.push(d) }, diagnostics };
}

/** Runs one check over the library and returns its diagnostics, sorted by file and position. */
export function runCheck(check: Check, library: Library): Diagnostic[] {
  const { ctx, diagnostics } = buildContext(library);
  check.run(ctx);
  return sortByPosition(diagnostics);
}

export function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start.offset - b.span.start.offset),
  );
}

/** What an invalid case expects of one diagnostic. */
export interface Expected {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  /** Defaults to `rule.yml` (or the first file). */
  readonly file?: string;
  /** Defaults to error. */
  readonly severity?: 'error' | 'warning';
  /** A part of the message that must appear (e.g. the suggestion). */
  readonly message?: string | RegExp;
  /** `file:line:col` of each related location, in order. */
  readonly related?: readonly string[];
}

export interface Case extends Library {
  readonly name: string;
}

export interface InvalidCase extends Case {
  readonly errors: readonly Expected[];
}

/** A typescript-eslint style table: valid cases report nothing; invalid ones exactly `errors`. */
export function checkTable(check: Check, cases: { valid: readonly Case[]; invalid: readonly InvalidCase[] }): void {
  describe(`${check.name} (${check.codes.join(', ')})`, () => {
    if (cases.valid.length > 0) {
      it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
        expect(runCheck(check, c).map(format)).toEqual([]);
      });
    }
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const found = runCheck(check, c);
      const defaultFile = typeof c.rules === 'string' ? 'rule.yml' : Object.keys(c.rules)[0];
      expect(found.map(format)).toEqual(
        c.errors.map((e) => `${e.file ?? defaultFile}:${e.line}:${e.column} ${e.severity ?? 'error'} ${e.code}`),
      );
      c.errors.forEach((e, i) => {
        const d = found[i]!;
        expect(check.codes).toContain(d.code);
        if (e.message !== undefined) expect(d.message).toMatch(e.message);
        if (e.related !== undefined) expect((d.related ?? []).map((r) => position(r.span))).toEqual(e.related);
      });
    });
  });
}

function format(d: Diagnostic): string {
  return `${position(d.span)} ${d.severity} ${d.code}`;
}

function position(span: Diagnostic['span']): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}

function parseYaml(file: string, text: string): SourceDocument {
  const { document, diagnostics } = SourceDocument.parse(file, text);
  if (!document) throw new Error(`${file}: invalid YAML in a test: ${diagnostics[0]?.message}`);
  return document;
}

function withDefaults(file: string, text: string, index: number): string {
  const written = parseYaml(file, text).data;
  const present = new Set(written && typeof written === 'object' ? Object.keys(written) : []);
  const missing = Object.entries(defaults(index)).filter(([key]) => !present.has(key));
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${separator}${missing.map(([key, value]) => `${key}: ${value}\n`).join('')}`;
}
