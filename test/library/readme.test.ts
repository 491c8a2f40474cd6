import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryByTactic, nameCell, replaceBlock } from '../../scripts/readme-library.ts';
import { compileFixture, repoRoot } from '../support/compile.ts';

describe('README library by tactic', () => {
  it('is the list generated from the shipped rules (run `npm run readme` when this fails)', async () => {
    const readme = await readFile(resolve(repoRoot, 'README.md'), 'utf8');
    const library = await compileFixture('rules');
    expect(replaceBlock(readme, libraryByTactic(library))).toBe(readme);
  });

  it('lists a rule under every tactic it maps to, with its techniques for that tactic', async () => {
    const block = libraryByTactic(await compileFixture('rules'));
    const execution = block.slice(block.indexOf('### Execution (TA0002)'), block.indexOf('###', block.indexOf('### Execution') + 3));
    const defenseEvasion = block.slice(block.indexOf('### Defense Evasion (TA0005)'));
    expect(execution).toMatch(/\| \[Kubernetes Pod Creation Using Common Debug or Base Images\]\(rules\/kubernetes\/[a-z_]+\.yml\) \| low \| new_terms \| T1610, T1609 \|/);
    expect(defenseEvasion).toContain('Kubernetes Pod Creation Using Common Debug or Base Images');
  });
});

describe('README rule names are rendered safely', () => {
  it.each([
    ['a line break that would start a heading', 'Pod\n# Injected heading', 'Pod\\\\n\\# Injected heading'],
    ['HTML', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['table pipes', 'a | b', 'a \\| b'],
    ['a link', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['emphasis and code', '*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['control characters', 'a\u001b[31mb\u202ec\u0000', 'a\\\\x1b\\[31mb\\\\u202ec\\\\x00'],
    ['a backslash', 'C:\\Windows', 'C:\\\\Windows'],
    ['an autolink', 'see https://evil.example', 'see https\\://evil.example'],
  ])('%s', async (_name, name, cell) => {
    expect(nameCell(name)).toBe(cell);
    const library = await compileFixture('rules');
    const evil = { ...library, rules: library.rules.map((r, i) => (i === 0 ? { ...r, name, file: 'rules/a (b).yml' } : r)) };
    const block = libraryByTactic(evil);
    const row = block.split('\n').find((line) => line.includes('rules/a%20%28b%29.yml'));
    expect(row).toBe(`| [${cell}](rules/a%20%28b%29.yml) | ${library.rules[0]!.severity} | ${library.rules[0]!.detection.type} | ${row!.split(' | ').slice(3).join(' | ')}`);
    // Every line of the block is a heading, a table row or blank: nothing the name could add.
    for (const line of block.split('\n')) expect(line).toMatch(/^(### .+|\| .+ \||)$/);
    expect(block).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });
});
