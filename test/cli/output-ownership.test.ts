// Owned output folders (issue 10 item 1, docs/output.md): `detc build --out X` and `detc import
// sigma --out X [--report F]` replace X only when it is missing, empty, or their own previous
// output. Every other X is refused with a code, exit 2, and nothing touched: a snapshot of the
// whole scratch folder (project, home, sentinels) is identical before and after.
//
// The cases the issue names run the real command as a process; further cases of the same class
// run the same CLI in process (`main`), which costs no start-up per case.

import { cp, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../driver/cli/main.ts';
import { MARKER_FILE, markerText } from '../../driver/output-marker.ts';
import { outputFiles, repoRoot, runDetc, snapshot, type Run } from './output-process.ts';

let scratch: string;
let project: string;
let home: string;
const realHome = process.env.HOME;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'detc-own-'));
  project = join(scratch, 'project');
  home = join(scratch, 'home');
  await mkdir(home);
  await writeFile(join(home, '.bashrc'), 'sentinel: home\n');
  await cp(join(repoRoot, 'test/fixtures/cli/library'), join(project, 'rules'), { recursive: true });
  await cp(join(repoRoot, 'detc.yml'), join(project, 'detc.yml'));
  await cp(join(repoRoot, 'test/fixtures/sigma/input'), join(project, 'sigma'), { recursive: true });
  await mkdir(join(project, '.git'));
  await writeFile(join(project, '.git/config'), '[core]\n\tsentinel = git\n');
  await writeFile(join(project, 'notes.txt'), 'sentinel: a file of the user\n');
  await mkdir(join(project, 'mine'));
  await writeFile(join(project, 'mine/keep.txt'), 'sentinel: a folder of the user\n');
  await symlink('mine', join(project, 'link-to-mine'));
  await symlink('notes.txt', join(project, 'link-to-notes'));
  await mkdir(join(project, 'other-project'));
  await writeFile(join(project, 'other-project/detc.yml'), 'splunk: {}\n');
  process.env.HOME = home; // for the in-process runs; processes get it in their environment
});
afterAll(async () => {
  process.env.HOME = realHome;
  await rm(scratch, { recursive: true, force: true });
});

/** Runs in the project with HOME pointed at the scratch home, a few at a time (each is a node process). */
async function runAll(commands: readonly (readonly string[])[]): Promise<Run[]> {
  const results: Run[] = [];
  for (let i = 0; i < commands.length; i += 4) {
    results.push(...(await Promise.all(commands.slice(i, i + 4).map((args) => runDetc(args, { cwd: project, env: { HOME: home } })))));
  }
  return results;
}

/** The same CLI in process: exit code and what it printed. */
async function runInProcess(args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: project, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, signal: null, stdout, stderr };
}

async function runAllInProcess(commands: readonly (readonly string[])[]): Promise<Run[]> {
  const results: Run[] = [];
  for (const args of commands) results.push(await runInProcess(args));
  return results;
}

type Case = [out: string, code: string, shown: string];

/** The --out values the issue names, for both commands: the --out given, the code, the path the diagnostic names. */
const namedCases = (): Case[] => [
  ['.', 'output/encloses-working-folder', '.'],
  ['..', 'output/encloses-working-folder', scratch],
  ['', 'output/empty-path', '.'],
  [home, 'output/encloses-home', home],
  ['mine', 'output/not-owned', 'mine'],
  ['notes.txt', 'output/not-a-folder', 'notes.txt'],
  ['link-to-mine', 'output/not-owned', 'link-to-mine'],
  ['other-project', 'output/not-owned', 'other-project'],
];

/** More of the same class. */
const furtherCases = (): Case[] => [
  ['/', 'output/encloses-working-folder', '/'],
  [join(home, '..'), 'output/encloses-working-folder', scratch],
  [`${home}/`, 'output/encloses-home', home],
  ['notes.txt/sub', 'output/not-a-folder', 'notes.txt/sub'],
  ['.git', 'output/not-owned', '.git'],
  ['link-to-mine/sub/..', 'output/not-owned', 'link-to-mine'],
];

function expectRefused(cases: readonly Case[], runs: readonly Run[], success: string): void {
  for (const [index, [out, code, shown]] of cases.entries()) {
    const run = runs[index]!;
    expect(run.code, `--out ${JSON.stringify(out)}: ${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stdout, `--out ${JSON.stringify(out)}`).toMatch(new RegExp(`^${escapeRegex(shown)}:1:1: error ${code}: `));
    expect(run.stdout).not.toContain(success);
  }
}

describe('refused --out: exit 2, the path and a code, nothing touched', () => {
  it('detc build (a process per case)', async () => {
    const cases: Case[] = [...namedCases(), ['rules', 'output/overlaps-input', 'rules']];
    const before = await snapshot(scratch);
    expectRefused(cases, await runAll(cases.map(([out]) => ['build', 'rules', '--out', out])), 'built ');
    expect(await snapshot(scratch)).toEqual(before);
  }, 300_000);

  it('detc import sigma (a process per case)', async () => {
    const cases: Case[] = [...namedCases(), ['sigma', 'output/overlaps-input', 'sigma']];
    const before = await snapshot(scratch);
    expectRefused(cases, await runAll(cases.map(([out]) => ['import', 'sigma', 'sigma', '--out', out])), 'imported ');
    expect(await snapshot(scratch)).toEqual(before);
  }, 300_000);

  it('more of the class, for both commands', async () => {
    const build: Case[] = [
      ...furtherCases(),
      ['rules/dist', 'output/overlaps-input', 'rules/dist'],
      ['rules/data-sources', 'output/overlaps-input', 'rules/data-sources'],
      ['detc.yml', 'output/overlaps-input', 'detc.yml'],
      ['link-to-mine/../rules', 'output/overlaps-input', 'rules'],
    ];
    const sigma: Case[] = [
      ...furtherCases(),
      ['sigma/imported', 'output/overlaps-input', 'sigma/imported'],
      ['sigma/kubernetes_exec.yml', 'output/overlaps-input', 'sigma/kubernetes_exec.yml'],
      ['rules', 'output/not-owned', 'rules'],
    ];
    const before = await snapshot(scratch);
    expectRefused(build, await runAllInProcess(build.map(([out]) => ['build', 'rules', '--out', out])), 'built ');
    expectRefused(sigma, await runAllInProcess(sigma.map(([out]) => ['import', 'sigma', 'sigma', '--out', out])), 'imported ');
    expect(await snapshot(scratch)).toEqual(before);
  }, 300_000);

  it('says how to proceed', async () => {
    const [mine, older, dot] = await runAllInProcess([
      ['build', 'rules', '--out', 'mine'],
      ['build', 'rules', '--out', 'other-project'],
      ['build', 'rules', '--out', '.'],
    ]);
    expect(mine!.stdout).toContain('"mine" is a folder that detc did not create (it has no .detc-output.json)');
    expect(mine!.stdout).toContain('Choose another --out; if it is the output of an older detc, which wrote no marker, delete it yourself and run again.');
    expect(older!.code).toBe(2);
    expect(dot!.stdout).toContain('Name a folder of its own, e.g. --out dist.');
  }, 300_000);
});

describe('refused --report: exit 2, nothing converted or written', () => {
  it('refuses a report over a user file, an input, a link, a folder, inside the output, or empty', async () => {
    const cases: [report: string, code: string, shown: string][] = [
      ['notes.txt', 'output/report-not-owned', 'notes.txt'],
      ['link-to-notes', 'output/report-not-owned', 'link-to-notes'],
      ['mine', 'output/not-a-file', 'mine'],
      ['sigma/report.json', 'output/overlaps-input', 'sigma/report.json'],
      ['sigma/kubernetes_exec.yml', 'output/overlaps-input', 'sigma/kubernetes_exec.yml'],
      ['imported/report.json', 'output/report-inside-output', 'imported/report.json'],
      ['', 'output/empty-path', '.'],
    ];
    const before = await snapshot(scratch);
    const runs = await runAllInProcess(cases.map(([report]) => ['import', 'sigma', 'sigma', '--out', 'imported', '--report', report]));
    for (const [index, [report, code, shown]] of cases.entries()) {
      const run = runs[index]!;
      expect(run.code, `--report ${JSON.stringify(report)}: ${run.stdout}${run.stderr}`).toBe(2);
      expect(run.stdout).toMatch(new RegExp(`^${escapeRegex(shown)}:1:1: error ${code}: `));
    }
    expect(await snapshot(scratch)).toEqual(before);
  }, 300_000);
});

describe('replacing what detc owns', () => {
  it('creates a missing output, replaces its own, and leaves a marker that never changes', async () => {
    const [first] = await runAll([['build', 'rules', '--out', 'out/dist', '--target', 'navigator,splunk']]);
    expect(first!.code, first!.stdout).toBe(0);
    expect(await readlink(join(project, 'out/dist'))).toBe('.dist.detc/g-1');
    const marker = await readFile(join(project, 'out/dist', MARKER_FILE), 'utf8');
    expect(marker).toBe(markerText('build'));
    expect(marker).toContain('"command": "detc build"');
    const files = await outputFiles(join(project, 'out/dist'));

    const [second] = await runAll([['build', 'rules', '--out', 'out/dist', '--target', 'navigator,splunk']]);
    expect(second!.code, second!.stdout).toBe(0);
    expect(await readlink(join(project, 'out/dist'))).toBe('.dist.detc/g-2');
    expect(await outputFiles(join(project, 'out/dist'))).toEqual(files); // byte-identical, marker included
    expect([...(await snapshot(join(project, 'out'))).keys()].filter((p) => !p.includes('/g-2/'))).toEqual([
      '.dist.detc',
      '.dist.detc/.detc-output.json',
      '.dist.detc/g-2',
      'dist',
    ]);
  }, 300_000);

  it('takes the place of an empty folder', async () => {
    await mkdir(join(project, 'empty'));
    const [run] = await runAllInProcess([['build', 'rules', '--out', 'empty', '--target', 'navigator']]);
    expect(run!.code, run!.stdout).toBe(0);
    expect(await readlink(join(project, 'empty'))).toBe('.empty.detc/g-1');
    expect([...(await outputFiles(join(project, 'empty'))).keys()]).toEqual([MARKER_FILE, 'attack-navigator.json']);
  }, 300_000);

  it('does not let one command replace the output of the other, and builds from an imported library', async () => {
    const [imported] = await runAll([['import', 'sigma', 'sigma', '--out', 'imported', '--report', 'import-report.json']]);
    expect(imported!.code, imported!.stdout).toBe(0);
    const report = await readFile(join(project, 'import-report.json'), 'utf8');
    expect(report.startsWith('{\n  "generator": "detc import sigma",\n  "counts": {')).toBe(true);
    expect([...(await outputFiles(join(project, 'imported'))).keys()]).toContain('rules/sigma/kubernetes_exec.yml');

    const [again] = await runAll([['import', 'sigma', 'sigma', '--out', 'imported', '--report', 'import-report.json']]);
    const [overImport, fromImport, ownInput] = await runAll([
      ['build', 'rules', '--out', 'imported'],
      ['build', 'imported', '--out', 'dist-imported', '--skip-refused', '--target', 'navigator,splunk'],
      ['build', 'imported', '--out', 'imported'],
    ]);
    expect(again!.code, again!.stdout).toBe(0); // a previous report of the same command may be replaced
    expect(overImport!.code).toBe(2);
    expect(overImport!.stdout).toContain('error output/not-owned: "imported" holds the output of `detc import sigma`, not of `detc build`');
    expect(fromImport!.code, fromImport!.stdout).toBe(0);
    expect(fromImport!.stdout).toMatch(/^built \d+ rules for navigator, splunk/m);
    expect(ownInput!.code).toBe(2);
    expect(ownInput!.stdout).toMatch(/^imported:1:1: error output\/overlaps-input: /);
  }, 300_000);
});

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
