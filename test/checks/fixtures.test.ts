// The bad-input fixtures of test/fixtures/checks/, compiled through the whole pipeline (load,
// schema, parse, check, lower): each case folder holds rule files and `expected.txt`, the exact
// diagnostics (`file:line:col severity code`) the library must produce, and nothing more.

import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFixtureResult, repoRoot } from '../support/compile.ts';

const ROOT = 'test/fixtures/checks';
const cases = readdirSync(`${repoRoot}/${ROOT}`).filter((name) => name !== 'data-sources').sort();

describe('check fixtures', () => {
  it('has the bad-input cases the issue asks for', () => {
    expect(cases).toEqual(expect.arrayContaining(['unknown-field', 'bad-attack-id', 'revoked-technique', 'duplicate-id', 'clean']));
  });

  it.each(cases)('%s', async (name) => {
    const folder = `${ROOT}/${name}`;
    const result = await compileFixtureResult(`${ROOT}/data-sources`, folder);
    const found = result.diagnostics.map(
      (d) => `${relative(folder, d.span.file)}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code}`,
    );
    const expected = readFileSync(`${repoRoot}/${folder}/expected.txt`, 'utf8').split('\n').filter((line) => line.trim() !== '');
    expect(found).toEqual(expected);
  });

  it('lowers the clean rule’s ATT&CK mapping with names from the catalog', async () => {
    const result = await compileFixtureResult(`${ROOT}/data-sources`, `${ROOT}/clean`);
    const rule = result.library?.rules[0];
    expect(rule?.attack.map((m) => [m.tactic.id, m.tactic.name, m.techniques.map((t) => t.id)])).toEqual([
      ['TA0002', 'Execution', ['T1610', 'T1204.003']],
      ['TA0005', 'Defense Evasion', ['T1610']],
    ]);
    expect(rule?.attack[0]?.techniques[1]).toEqual({
      id: 'T1204.003',
      name: 'Malicious Image',
      url: 'https://attack.mitre.org/techniques/T1204/003',
      parent: { id: 'T1204', name: 'User Execution', url: 'https://attack.mitre.org/techniques/T1204' },
    });
    expect(result.library?.attack.copyright).toMatch(/The MITRE Corporation/);
  });
});
