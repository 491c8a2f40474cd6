// Issue 10, items 2 and 6 (importer part), through the real CLI: `detc import sigma` on a folder
// holding an alias bomb, a self-referencing alias, a file that is not UTF-8, an unreadable
// sub-folder (EACCES: the command runs as an unprivileged user, so permissions apply under root
// too), symbolic links to secrets outside the folder, a dangling link and a Windows device name.
// Each bad input is refused in the report with its code; the rest imports; nothing leaks.

import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';
import { RAW_CONTROL, runCli, type CliRun } from '../support/run-cli.ts';

const SECRET = 'detc_fake_sigma_secret_0badc0de';
const GOOD_RULE = join(repoRoot, 'test/fixtures/sigma/input/kubernetes_exec.yml');

/** A YAML alias bomb: 10^7 values once expanded. */
function aliasBomb(): string {
  const names = 'abcdefgh';
  const lines = [`title: bomb\n${names[0]}: &${names[0]} [x, x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

let parent: string;
let run: CliRun;
let report: { counts: Record<string, unknown>; files: { file: string; status: string; code?: string; reason?: string; output?: string }[] };

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'detc-sigma-safety-'));
  const input = join(parent, 'input');
  await mkdir(join(input, 'locked'), { recursive: true });
  await mkdir(join(parent, 'outside'));
  await writeFile(join(parent, 'secret.yml'), `title: ${SECRET}\n`);
  await writeFile(join(parent, 'outside/leak.yml'), `title: ${SECRET}\n`);
  await cp(GOOD_RULE, join(input, 'good.yml'));
  await cp(GOOD_RULE, join(input, 'locked/hidden_rule.yml'));
  await writeFile(join(input, 'con.yml'), (await readFile(GOOD_RULE, 'utf8')).replace('ab5c6d7e-8f90', 'cb5c6d7e-8f90').replace('title: Kubernetes Pod Exec', 'title: Kubernetes Pod Exec (device name)'));
  await writeFile(join(input, 'bomb.yml'), aliasBomb());
  await writeFile(join(input, 'cycle.yml'), 'title: cycle\ndetection: &d\n  selection: { verb: *d }\n  condition: selection\n');
  await writeFile(join(input, 'latin1.yml'), Buffer.concat([Buffer.from('title: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  await symlink('/proc/self/environ', join(input, 'environ.yml'));
  await symlink('../secret.yml', join(input, 'secret.yml'));
  await symlink('../outside', join(input, 'outside-folder'));
  await symlink('missing.yml', join(input, 'dangling.yml'));
  await symlink('good.yml', join(input, 'alias-of-good.yml'));
  // The child runs unprivileged: it may read the input and write beside it, but not the locked folder.
  await chmod(parent, 0o777);
  await chmod(input, 0o755);
  await chmod(join(input, 'locked'), 0o000);
  run = await runCli(['import', 'sigma', 'input', '--out', 'imported', '--report', 'report.json'], {
    cwd: parent,
    unprivileged: true,
    env: { DETC_TEST_SECRET: SECRET },
  });
  report = JSON.parse(await readFile(join(parent, 'report.json'), 'utf8')) as typeof report;
}, 120_000);

afterAll(async () => {
  await chmod(join(parent, 'input/locked'), 0o755).catch(() => undefined);
  await rm(parent, { recursive: true, force: true });
});

describe('detc import sigma on hostile input', () => {
  it('finishes with exit 0 and prints the refusals by code, with no stack trace', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^imported 2 of 10 Sigma rules into imported \(0 with warnings\), refused 8; 1 data sources written\n/);
    expect(run.out).toContain('  refused 2: sigma/yaml-alias\n');
    expect(run.out).not.toMatch(/Error|at .*\.ts:\d+/);
  });

  it('refuses each bad input in the report, with its code', () => {
    expect(report.files.map((f) => [f.file, f.status, f.code])).toEqual([
      ['input/bomb.yml', 'refused', 'sigma/yaml-alias'],
      ['input/con.yml', 'imported', undefined],
      ['input/cycle.yml', 'refused', 'sigma/yaml-alias'],
      ['input/dangling.yml', 'refused', 'sigma/broken-link'],
      ['input/environ.yml', 'refused', 'sigma/outside-input'],
      ['input/good.yml', 'imported', undefined],
      ['input/latin1.yml', 'refused', 'sigma/invalid-utf8'],
      ['input/locked', 'refused', 'sigma/unreadable'],
      ['input/outside-folder', 'refused', 'sigma/outside-input'],
      ['input/secret.yml', 'refused', 'sigma/outside-input'],
    ]);
  });

  it('says why, with the OS reason for the unreadable folder', () => {
    const reason = (file: string) => report.files.find((f) => f.file === file)?.reason;
    expect(reason('input/locked')).toBe('Cannot read this folder (EACCES); its rules were not imported. Check its permissions.');
    expect(reason('input/bomb.yml')).toBe('YAML aliases expand to too many values (an alias bomb); write the values out instead of aliasing them.');
    expect(reason('input/cycle.yml')).toBe('A YAML alias stands inside the value it names, so the value never ends; write the value out instead.');
    expect(reason('input/latin1.yml')).toBe('Byte 0xE9 is not valid UTF-8; save the file as UTF-8.');
  });

  it('never reads what a link outside the folder points to', async () => {
    const written = await readFile(join(parent, 'report.json'), 'utf8');
    for (const text of [run.out, run.err, written]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('PATH=');
    }
    expect(run.out).not.toMatch(RAW_CONTROL);
  });

  it('imports a file reached through a link inside the folder once, under its own name', () => {
    expect(report.files.filter((f) => f.file.includes('good.yml')).map((f) => f.file)).toEqual(['input/good.yml']);
  });

  it('writes a Windows device name as a file name Windows can hold', async () => {
    expect(report.files.find((f) => f.file === 'input/con.yml')?.output).toBe('rules/input/con_.yml');
    expect((await readdir(join(parent, 'imported/rules/input'))).sort()).toEqual(['con_.yml', 'good.yml']);
  });
});
