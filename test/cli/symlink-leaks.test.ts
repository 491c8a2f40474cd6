// Issue 10, item 2, through the real CLI: a committed symbolic link that leads to a secret
// (/proc/self/environ, a .git/config with a CI token, a file beside the project, a folder outside
// it) is refused by name, and no secret appears in what validate, test or build print, in any
// format. Dangling and looping links are diagnostics too.

import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';
import { RAW_CONTROL, runCli, type CliRun } from '../support/run-cli.ts';

/** Distinct fake secrets, one per place a link can lead to. */
const SECRETS = {
  environ: 'detc_fake_env_secret_7f3a9c',
  gitConfig: 'detc_fake_git_token_51be02',
  nestedGitConfig: 'detc_fake_inner_git_token_c0ffee',
  besideProject: 'detc_fake_beside_secret_d00d',
  outsideFolder: 'detc_fake_folder_secret_beef',
  config: 'detc_fake_config_secret_abba',
};

/** Each link of the project, and the code detc must report for it. */
const LINKS: readonly (readonly [string, string, string])[] = [
  ['rules/environ.yml', '/proc/self/environ', 'load/outside-root'],
  ['rules/git-config.yml', '../../.git/config', 'load/outside-root'],
  ['rules/inner-git-config.yml', '../.git/config', 'load/outside-root'],
  ['rules/secret.yml', '../../secret.yml', 'load/outside-root'],
  ['rules/outside', '../../outside', 'load/outside-root'],
  ['rules/dangling.yml', 'does-not-exist.yml', 'load/broken-link'],
  ['rules/loop-a.yml', 'loop-b.yml', 'load/broken-link'],
  ['rules/loop-b.yml', 'loop-a.yml', 'load/broken-link'],
  ['rules/here', '.', 'load/broken-link'],
];

let parent: string;
let project: string;
const runs = new Map<string, CliRun>();

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'detc-leak-'));
  project = join(parent, 'project');
  // The checkout's credentials live in .git/config above the project (a monorepo) and in its own.
  await mkdir(join(parent, '.git'), { recursive: true });
  await writeFile(join(parent, '.git/config'), `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${SECRETS.gitConfig}\n`);
  await writeFile(join(parent, 'secret.yml'), `token: ${SECRETS.besideProject}\n`);
  await mkdir(join(parent, 'outside'));
  await writeFile(join(parent, 'outside/leak.yml'), `name: ${SECRETS.outsideFolder}\n`);
  await writeFile(join(parent, 'config-secret.yml'), `splunk: { label: ${SECRETS.config} }\n`);
  await cp(join(repoRoot, 'test/fixtures/cli/library'), join(project, 'rules'), { recursive: true });
  await mkdir(join(project, '.git'));
  await writeFile(join(project, '.git/config'), `[credential]\n\thelper = store ${SECRETS.nestedGitConfig}\n`);
  for (const [link, target] of LINKS) await symlink(target, join(project, link));
  await symlink('../config-secret.yml', join(project, 'detc.yml'));

  const env = { DETC_TEST_SECRET: SECRETS.environ };
  const commands: Record<string, string[]> = {
    'validate text': ['validate'],
    'validate json': ['validate', '--format', 'json'],
    'validate github': ['validate', '--format', 'github'],
    test: ['test'],
    build: ['build', '--out', join(parent, 'dist')],
    'validate named links': ['validate', 'rules/environ.yml', 'rules/secret.yml', 'rules/outside', '../secret.yml'],
  };
  // The runs are independent: start them together.
  const results = await Promise.all(Object.entries(commands).map(async ([name, args]) => [name, await runCli(args, { cwd: project, env })] as const));
  for (const [name, result] of results) runs.set(name, result);
}, 180_000);

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe.each(['validate text', 'validate json', 'validate github', 'test', 'build', 'validate named links'])('detc %s', (name) => {
  it('prints no secret a link leads to, on stdout or stderr', () => {
    const run = runs.get(name)!;
    const printed = run.out + run.err;
    for (const secret of Object.values(SECRETS)) expect(printed).not.toContain(secret);
    // Nor the targets' content in any form: environment variable names, the INI header.
    expect(printed).not.toContain('PATH=');
    expect(printed).not.toContain('extraheader');
    expect(printed).not.toMatch(RAW_CONTROL);
  });

  it('fails (exit 1)', () => {
    expect(runs.get(name)!.code).toBe(1);
  });
});

describe('what is reported', () => {
  it.each(LINKS)('%s (-> %s) is %s, named by the link', (link, _target, code) => {
    expect(runs.get('validate text')!.out).toContain(`${link}:1:1: error ${code}: "${link}" is a symbolic link`);
  });

  it('detc.yml linked outside the root is refused', () => {
    expect(runs.get('validate text')!.out).toContain('detc.yml:1:1: error load/outside-root: "detc.yml" is a symbolic link');
  });

  it('json names each refused link with its code', () => {
    const diagnostics = JSON.parse(runs.get('validate json')!.out) as { file: string; code: string }[];
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual(
      [...LINKS.map(([link, , code]) => [link, code]), ['detc.yml', 'load/outside-root']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it('github annotations name each link', () => {
    const lines = runs.get('validate github')!.out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error file=rules/environ.yml,line=1,col=1,'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('2 files checked: 10 errors, 0 warnings');
  });

  it('named paths and links outside the root are refused too', () => {
    const out = runs.get('validate named links')!.out;
    expect(out).toContain('rules/environ.yml:1:1: error load/outside-root:');
    expect(out).toContain('rules/outside:1:1: error load/outside-root:');
    expect(out).toContain('../secret.yml:1:1: error load/outside-root: "../secret.yml" is outside the library root');
  });

  it('build writes nothing', async () => {
    expect(runs.get('build')!.out).toContain('nothing written');
    expect(await readdir(parent)).not.toContain('dist');
  });
});
