// Deep and long match expressions through the real command (bin/detc.js as a process): a rule at
// exactly the nesting limit validates, passes its tests and builds for every target; one level
// more, 10,000 `not`s or 5,000 parentheses are a match/too-deep diagnostic at the exact
// line:col, never a RangeError; a flat chain of 10,000 comparisons works everywhere.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../compiler/language/nesting-depth.ts';
import { repoRoot } from '../support/compile.ts';

const LIMIT = MAX_NESTING_DEPTH;
// Each command starts node and tsx and compiles the library: generous for a busy machine.
const COMMAND_TIMEOUT = 120_000;
const TEST_TIMEOUT = COMMAND_TIMEOUT + 30_000;

function detc(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(repoRoot, 'bin/detc.js'), ...args], { cwd, encoding: 'utf8', timeout: COMMAND_TIMEOUT });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** A library in a fresh folder: the web proxy data source of test/fixtures/cli and `rules`. */
function library(rules: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'detc-deep-'));
  mkdirSync(join(dir, 'rules/data-sources'), { recursive: true });
  writeFileSync(join(dir, 'rules/data-sources/web_proxy.yml'), readFileSync(join(repoRoot, 'test/fixtures/cli/library/data-sources/web_proxy.yml')));
  for (const [name, text] of Object.entries(rules)) writeFileSync(join(dir, 'rules', name), text);
  return dir;
}

/** A rule whose match is `lines`, a literal block starting on line 12, indented 4 (column 5). */
function rule(id: string, name: string, lines: readonly string[], extra = ''): string {
  return [
    `id: ${id}`,
    `name: ${name}`,
    'version: 1',
    'status: test',
    'severity: medium',
    'risk: { score: 47 }',
    'description: A deeply nested expression.',
    'data_source: web_proxy',
    'detection:',
    '  type: query',
    '  match: |',
    ...lines.map((line) => `    ${line}`),
    extra,
    'periods: { test: single-event, deduplication: 1h }',
    'schedule: { interval: 5m, lookback: 5m }',
    'attack:',
    '  - tactic: initial-access',
    '    techniques: [T1190]',
    'entities:',
    '  - { field: user, type: user, role: victim }',
    'fields: [user, url]',
    'message: $user$ reached $url$',
  ].join('\n');
}

// At the limit: 64 groups, `or` and `and` in turn, so the tree is twice as deep as the text.
// E0 = user == "x"; even i: url == "u<i>" or (E); odd i: status < 1000 and (E).
const groups = Array.from({ length: LIMIT }).reduce<string>(
  (inner, _, i) => (i % 2 === 0 ? `url == "u${i}" or (${inner})` : `status < 1000 and (${inner})`),
  'user == "x"',
);
// 32 `not (` pairs: with status 1000, an even number of nots around a regex (which makes the
// Elastic query Lucene rather than KQL, so both emitters see the limit).
const nots = Array.from({ length: LIMIT / 2 }).reduce<string>((inner, _, i) => `not (status == ${i} or ${inner})`, 'url matches /^z+$/');
// 64 nots: user == "admin".
const allowlistNots = `${'not '.repeat(LIMIT)}user == "admin"`;

const atLimit = {
  'groups.yml': rule('3f0c7a53-5b0d-4c29-9d7e-6a1e2f9b8c11', 'Deep groups', [groups], [
    '  allowlist:',
    '    - name: deep_admins',
    '      description: Nested as deep as allowed.',
    `      match: ${allowlistNots}`,
    'tests:',
    '  - { name: the innermost comparison, expect: alert, events: [{ user: x, status: 1, url: "z" }] }',
    '  - { name: the outermost or, expect: alert, events: [{ user: y, status: 1, url: "u0" }] }',
    '  - { name: an and in between fails, expect: no-alert, events: [{ user: x, status: 5000, url: "z" }] }',
    '  - { name: nothing matches, expect: no-alert, events: [{ user: y, status: 1, url: "z" }] }',
    '  - { name: allowlisted, expect: no-alert, events: [{ user: admin, status: 1, url: "u0" }] }',
  ].join('\n')),
  'nots.yml': rule('3f0c7a53-5b0d-4c29-9d7e-6a1e2f9b8c12', 'Deep nots', [nots], [
    'tests:',
    '  - { name: an even number of nots, expect: alert, events: [{ user: x, status: 1000, url: "zz" }] }',
    '  - { name: another url, expect: no-alert, events: [{ user: x, status: 1000, url: "y" }] }',
    '  - { name: an inner status, expect: no-alert, events: [{ user: x, status: 31, url: "z" }] }',
  ].join('\n')),
  'flat.yml': rule(
    '3f0c7a53-5b0d-4c29-9d7e-6a1e2f9b8c13',
    'Flat chain',
    Array.from({ length: 10_000 }, (_, i) => `${i === 0 ? '' : 'or '}url == "u${i}"`),
    [
      'tests:',
      '  - { name: the last term, expect: alert, events: [{ user: y, url: "u9999" }] }',
      '  - { name: no term, expect: no-alert, events: [{ user: y, url: "u10000" }] }',
    ].join('\n'),
  ),
};

describe(`a library nested exactly ${LIMIT} levels deep, and a flat chain of 10,000 comparisons`, () => {
  const dir = library(atLimit);

  it('validates', () => {
    const { code, out, err } = detc(dir, 'validate');
    expect(err).toBe('');
    expect(out).toBe('4 files checked: 0 errors, 0 warnings\n');
    expect(code).toBe(0);
  }, TEST_TIMEOUT);

  it('passes its tests (the evaluator reads every level)', () => {
    const { code, out, err } = detc(dir, 'test');
    expect(err).toBe('');
    expect(out).toBe('10 passed, 0 failed\n');
    expect(code).toBe(0);
  }, TEST_TIMEOUT);

  it('builds for every target', () => {
    const { code, out, err } = detc(dir, 'build', '--out', 'dist');
    expect(err).not.toMatch(/RangeError|call stack/);
    expect(out).toContain('built 3 rules for splunk, elastic, docs, navigator');
    expect(code).toBe(0);
    const app = readdirSync(join(dir, 'dist/splunk')).find((name) => !name.endsWith('.tar.gz'))!;
    const conf = readFileSync(join(dir, 'dist/splunk', app, 'default/savedsearches.conf'), 'utf8');
    const elastic = readFileSync(join(dir, 'dist/elastic/rules.ndjson'), 'utf8').trim().split('\n');
    expect(elastic).toHaveLength(3);
    expect(elastic.map((line) => (JSON.parse(line) as { language: string }).language).sort()).toEqual(['kuery', 'kuery', 'lucene']);
    const docs = readdirSync(join(dir, 'dist/docs/md'), { recursive: true }).map(String);
    // Every target wrote every rule, down to its innermost and last comparisons.
    for (const text of [conf, elastic.join('\n')]) {
      for (const value of ['u62', 'u9999', 'admin']) expect(text).toContain(value);
    }
    for (const page of ['groups', 'nots', 'flat']) expect(docs.some((name) => name.includes(page)), page).toBe(true);
    expect(readFileSync(join(dir, 'dist/attack-navigator.json'), 'utf8')).toContain('T1190');
  }, TEST_TIMEOUT);
});

describe('expressions nested deeper than the limit', () => {
  const dir = library({
    // Line 12, column 5 + LIMIT: the 65th parenthesis.
    'one-more.yml': rule('3f0c7a53-5b0d-4c29-9d7e-6a1e2f9b8c21', 'One level more', [`${'('.repeat(LIMIT + 1)}user == "x"${')'.repeat(LIMIT + 1)}`]),
    // Line 12 + LIMIT: the 65th `not`, one per line.
    'nots.yml': rule('3f0c7a53-5b0d-4c29-9d7e-6a1e2f9b8c22', 'Ten thousand nots', [...Array.from({ length: 10_000 }, () => 'not'), 'user == "x"']),
    // Line 12: 5,000 parentheses in the rule, 5,000 more in an allowlist (line 16, column 14 + LIMIT).
    'parens.yml': rule('3f0c7a53-5b0d-4c29-9d7e-6a1e2f9b8c23', 'Five thousand parentheses', [`${'('.repeat(5_000)}user == "x"${')'.repeat(5_000)}`], [
      '  allowlist:',
      '    - name: deep',
      '      description: Far too deep.',
      `      match: ${'('.repeat(5_000)}user == "y"${')'.repeat(5_000)}`,
    ].join('\n')),
  });
  const expected = [
    `rules/nots.yml:${12 + LIMIT}:5: error match/too-deep:`,
    `rules/one-more.yml:12:${5 + LIMIT}: error match/too-deep:`,
    `rules/parens.yml:12:${5 + LIMIT}: error match/too-deep:`,
    `rules/parens.yml:16:${14 + LIMIT}: error match/too-deep:`,
  ];

  it.each(['validate', 'test', 'build'])('detc %s reports each at its line:col and exits 1', (command) => {
    const { code, out, err } = detc(dir, command, ...(command === 'build' ? ['--out', 'dist'] : []));
    expect(err).not.toMatch(/RangeError|call stack/);
    const reported = out.split('\n').filter((line) => line.includes('error match/too-deep'));
    expect(reported.map((line) => line.slice(0, line.indexOf('match/too-deep:') + 'match/too-deep:'.length))).toEqual(expected);
    expect(reported[0]).toContain(`more than ${LIMIT} levels deep`);
    expect(code).toBe(1);
    if (command === 'build') expect(readdirSync(dir)).toEqual(['rules']);
  }, TEST_TIMEOUT);
});
