// Output control on the real command: --quiet shows errors only, repeated warnings are summarised
// by code, --max-warnings turns warnings into exit 1, and `--help` documents the exit codes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';
import { runCli } from '../support/run-cli.ts';

let dir: string;
const base = readFileSync(join(repoRoot, 'test/fixtures/cli/library/admin_page.yml'), 'utf8').replace(/  - name: deliberately[\s\S]*$/, '');

/** Rule i: a `match/duplicate-value` warning at line 11, col 28; `broken` adds an unknown-key error. */
function rule(i: number, broken = false): string {
  return base
    .replace('6a1e2f9b8c01', `6a1e2f9b8c${String(i).padStart(2, '0')}`)
    .replace(/^name: .*$/m, `name: Admin page ${i}`)
    .replace('match: url contains "/admin" and status < 400', 'match: url in ["/admin", "/admin"] and status < 400')
    .concat(broken ? 'colour: red\n' : '');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'detc-output-control-'));
  cpSync(join(repoRoot, 'test/fixtures/cli/library/data-sources'), join(dir, 'rules/data-sources'), { recursive: true });
  for (let i = 1; i <= 12; i++) writeFileSync(join(dir, 'rules', `r${String(i).padStart(2, '0')}.yml`), rule(i));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('repeated warnings', () => {
  it('prints three in full, then one summary line by code; the count stays exact', async () => {
    const run = await runCli(['validate'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.out.match(/: warning match\/duplicate-value:/g)).toHaveLength(3);
    expect(run.out).toContain(
      'warning match/duplicate-value: 12 in all, 9 not shown (first at rules/r01.yml:11:28, rules/r02.yml:11:28, rules/r03.yml:11:28); --format json lists every one\n',
    );
    expect(run.out).toMatch(/13 files checked: 0 errors, 12 warnings\n$/);
  });

  it('are all listed in JSON', async () => {
    const run = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(run.out) as unknown[]).length).toBe(12);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet prints no warning but keeps the counts', async () => {
    const run = await runCli(['validate', '--quiet'], { cwd: dir });
    expect(run.out).toBe('13 files checked: 0 errors, 12 warnings\n');
    expect(run.code).toBe(0);
  });

  it('--max-warnings: exit 1 above the limit, 0 at it', async () => {
    const over = await runCli(['validate', '--quiet', '--max-warnings', '11'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.out).toContain('too many warnings: more than --max-warnings 11\n');
    const at = await runCli(['validate', '--quiet', '--max-warnings', '12'], { cwd: dir });
    expect(at.code).toBe(0);
  });

  it('--max-warnings takes a whole number only (exit 2)', async () => {
    const run = await runCli(['validate', '--max-warnings', '-1'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.err).toContain('is not a number of warnings');
  });

  it('--quiet still prints errors and exits 1', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'detc-output-control-'));
    try {
      cpSync(join(dir, 'rules'), join(broken, 'rules'), { recursive: true });
      writeFileSync(join(broken, 'rules', 'r01.yml'), rule(1, true));
      const run = await runCli(['validate', '--quiet'], { cwd: broken });
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/^rules\/r01\.yml:\d+:1: error schema\/unknown-key:/);
      expect(run.out).not.toMatch(/: warning /);
      expect(run.out).toMatch(/: 1 error, 11 warnings\n$/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

it('--help documents the exit codes', async () => {
  const run = await runCli(['--help'], { cwd: dir });
  expect(run.out).toMatch(/Exit codes:\n {2}0 {2}no errors[^\n]*\n {2}1 {2}errors[^\n]*\n {2}2 {2}a usage error/);
});
