import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryByTactic, replaceBlock } from '../../scripts/readme-library.ts';
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
