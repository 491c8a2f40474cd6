// The loader reads nothing outside the library root: symbolic links (to files and folders) that
// lead outside it or into a hidden folder, dangling and looping links, named paths outside it.

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { loadLibrary } from '../../compiler/load/load-library.ts';

const SECRET = 'TOKEN=ghp_fake_secret_1234567890';
const at = (d: Diagnostic) => [d.span.file, d.code] as const;

let parent: string;
let root: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'detc-root-'));
  root = path.join(parent, 'project');
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(parent, file)), { recursive: true });
    await writeFile(path.join(parent, file), text);
  };
  await write('secret.yml', `${SECRET}\n`);
  await write('outside/rule.yml', `name: ${SECRET}\n`);
  await write('project/.git/config', `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
  await write('project/rules/real.yml', 'name: real\n');
  await write('project/shared/common.yml', 'name: common\n');
  const link = (target: string, at: string) => symlink(target, path.join(root, at));
  await link('/proc/self/environ', 'rules/environ.yml');
  await link('../../secret.yml', 'rules/secret.yml');
  await link('../.git/config', 'rules/git-config.yml');
  await link('../../outside', 'rules/outside-folder');
  await link('../.git', 'rules/git-folder');
  await link('missing.yml', 'rules/dangling.yml');
  await link('loop-b.yml', 'rules/loop-a.yml');
  await link('loop-a.yml', 'rules/loop-b.yml');
  await link('.', 'rules/self');
  await link('real.yml', 'rules/alias.yml');
  await link('../shared', 'rules/shared');
  await link('/etc/passwd', 'rules/README'); // not named like a rule: not part of the library
  execFileSync('mkfifo', [path.join(root, 'rules/pipe.yml')]);
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('symbolic links', () => {
  it('refuses every link that leads outside the root, reports broken ones, and follows the rest', async () => {
    const loaded = await loadLibrary(['rules'], { cwd: root });
    expect(loaded.diagnostics.map(at)).toEqual([
      ['rules/dangling.yml', 'load/broken-link'],
      ['rules/environ.yml', 'load/outside-root'],
      ['rules/git-config.yml', 'load/outside-root'],
      ['rules/git-folder', 'load/outside-root'],
      ['rules/loop-a.yml', 'load/broken-link'],
      ['rules/loop-b.yml', 'load/broken-link'],
      ['rules/outside-folder', 'load/outside-root'],
      ['rules/pipe.yml', 'load/not-regular-file'],
      ['rules/secret.yml', 'load/outside-root'],
      ['rules/self', 'load/broken-link'],
    ]);
    // A link inside the root is read once, under the first of its names.
    expect(loaded.rules.map((d) => d.file)).toEqual(['rules/alias.yml', 'rules/shared/common.yml']);
  });

  it('names the link and never what it leads to', async () => {
    const loaded = await loadLibrary(['rules'], { cwd: root });
    const text = JSON.stringify(loaded.diagnostics);
    expect(text).not.toContain('ghp_fake_secret');
    expect(text).not.toContain('/proc');
    expect(text).not.toContain('../../secret.yml');
    expect(loaded.diagnostics.find((d) => d.span.file === 'rules/environ.yml')?.message).toBe(
      '"rules/environ.yml" is a symbolic link to something outside the library root (the folder detc runs in); detc reads only files inside it: replace the link with the file itself, or remove it',
    );
    expect(loaded.diagnostics.find((d) => d.span.file === 'rules/git-config.yml')?.message).toBe(
      '"rules/git-config.yml" is a symbolic link into the hidden folder .git, which detc never reads; replace the link with the file itself, or remove it',
    );
  });

  it('keeps no text of a refused file for excerpts', async () => {
    const loaded = await loadLibrary(['rules'], { cwd: root });
    expect([...loaded.sources.keys()]).toEqual(['rules/alias.yml', 'rules/shared/common.yml']);
  });

  it.each([
    ['a link named explicitly', 'rules/secret.yml', 'rules/secret.yml', 'load/outside-root'],
    ['a link to /proc named explicitly', 'rules/environ.yml', 'rules/environ.yml', 'load/outside-root'],
    ['a folder link named explicitly', 'rules/outside-folder', 'rules/outside-folder', 'load/outside-root'],
    ['a file outside the root by its path', '../secret.yml', '../secret.yml', 'load/outside-root'],
    ['a folder outside the root by its path', '../outside', '../outside', 'load/outside-root'],
    ['an absolute path outside the root', '/etc/passwd', '', 'load/outside-root'],
    // Not a link: a hidden path the user names is theirs to name (and this one is no YAML file).
    ['a hidden file named explicitly', '.git/config', '.git/config', 'load/not-yaml'],
  ])('%s', async (_name, written, shown, code) => {
    const loaded = await loadLibrary([written], { cwd: root });
    const expected = written.startsWith('/') ? path.relative(root, written) : shown;
    expect(loaded.diagnostics.map(at)).toEqual([[expected, code]]);
    expect(loaded.rules).toEqual([]);
    expect(loaded.sources.size).toBe(0);
  });
});

describe('detc.yml', () => {
  it.each([
    ['a link outside the root', 'SECRET', 'load/outside-root'],
    ['a link to /proc', '/proc/self/environ', 'load/outside-root'],
    ['a link into .git', '.git/config', 'load/outside-root'],
    ['a dangling link', 'nowhere.yml', 'load/broken-link'],
  ])('%s is refused, not read', async (_name, target, code) => {
    const project = await mkdtemp(path.join(tmpdir(), 'detc-config-'));
    await mkdir(path.join(project, '.git'));
    await writeFile(path.join(project, '.git/config'), `${SECRET}\n`);
    await symlink(target === 'SECRET' ? path.join(parent, 'secret.yml') : target, path.join(project, 'detc.yml'));
    const loaded = await loadLibrary(['.'], { cwd: project });
    expect(loaded.config).toBeUndefined();
    expect(loaded.diagnostics.map(at)).toEqual([['detc.yml', code]]);
    expect(JSON.stringify(loaded.diagnostics)).not.toContain('ghp_fake_secret');
    await rm(project, { recursive: true, force: true });
  });
});

describe("links into detc's own output", () => {
  // `detc import sigma --out imported` makes `imported` a link to `.imported.detc/g-N`
  // (docs/output.md); building that library must read it, while a look-alike hidden folder
  // without detc's marker stays refused.
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'detc-root-output-'));
    const write = async (file: string, text: string) => {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true });
      await writeFile(path.join(project, file), text);
    };
    await write('.imported.detc/.detc-output.json', '{}\n');
    await write('.imported.detc/g-3/.detc-output.json', '{}\n');
    await write('.imported.detc/g-3/rules/a.yml', 'name: a\n');
    await write('.forged.detc/g-1/rules/b.yml', `name: ${SECRET}\n`);
    await write('.marked.detc/.detc-output.json', '{}\n');
    await write('.marked.detc/g-1/.hidden/c.yml', `name: ${SECRET}\n`);
    await write('.marked.detc/not-a-generation/d.yml', `name: ${SECRET}\n`);
    await symlink('.imported.detc/g-3', path.join(project, 'imported'));
    await symlink('.forged.detc/g-1', path.join(project, 'forged'));
    await symlink('.marked.detc/g-1/.hidden/c.yml', path.join(project, 'hidden.yml'));
    await symlink('.marked.detc/not-a-generation', path.join(project, 'other'));
  });

  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('reads a generation of a marked state folder through its link', async () => {
    const loaded = await loadLibrary(['imported'], { cwd: project });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.rules.map((d) => d.file)).toEqual(['imported/rules/a.yml']);
  });

  it.each([
    ['a state folder without the marker', 'forged', '.forged.detc'],
    ['a hidden folder inside a generation', 'hidden.yml', '.marked.detc'],
    ['a folder of the state folder that is no generation', 'other', '.marked.detc'],
  ])('refuses %s', async (_name, written, hidden) => {
    const loaded = await loadLibrary([written], { cwd: project });
    expect(loaded.diagnostics.map(at)).toEqual([[written, 'load/outside-root']]);
    expect(loaded.diagnostics[0]!.message).toContain(`into the hidden folder ${hidden}`);
  });
});
