// The output writer in process (driver/write-output.ts): the layout it leaves, what it refuses
// and why, failures injected at its steps, and the leftovers it removes. The CLI tests
// (test/cli/output-*.test.ts) run the same through the real command.

import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutput, writeOutputAtomically, type OpenOutputRequest } from '../../driver/write-output.ts';
import { MARKER_FILE, markerText } from '../../driver/output-marker.ts';
import { hooksFromEnvironment } from '../../driver/output-test-hooks.ts';
import type { OutputFile } from '../../targets/target.ts';

const scratch = await mkdtemp(join(tmpdir(), 'detc-write-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
let folders = 0;
async function freshParent(): Promise<string> {
  const parent = join(scratch, `case-${++folders}`);
  await mkdir(parent);
  return parent;
}

const FILES: OutputFile[] = [
  { path: 'a/b.txt', contents: 'hello' },
  { path: 'c.bin', contents: new Uint8Array([1, 2, 3]) },
];

/** Opens, writes and closes; returns the write's diagnostics (or the refusal's). */
async function write(out: string, files: readonly OutputFile[], extra: Partial<OpenOutputRequest> = {}) {
  const opened = await openOutput({ out, cwd: scratch, command: 'build', inputs: [], lockWaitMs: 0, ...extra });
  if (opened.kind === 'refused') return { refused: true, exitCode: opened.exitCode, diagnostics: opened.diagnostics };
  try {
    const result = await opened.output.write(files);
    return { refused: false, written: result.written, diagnostics: result.diagnostics };
  } finally {
    await opened.output.close();
  }
}

const codes = (result: { diagnostics: readonly { code: string }[] }) => result.diagnostics.map((d) => d.code);

describe('writing an owned output', () => {
  it('makes the output a link to a marked generation, and replaces it as a whole', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    expect(codes(await write(out, [{ path: 'stale.txt', contents: 'old' }]))).toEqual([]);
    expect(await readlink(out)).toBe('.dist.detc/g-1');
    expect(await write(out, FILES)).toEqual({ refused: false, written: true, diagnostics: [] });
    expect(await readlink(out)).toBe('.dist.detc/g-2');
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'a', 'c.bin']);
    expect(await readFile(join(out, 'a/b.txt'), 'utf8')).toBe('hello');
    expect([...(await readFile(join(out, 'c.bin')))]).toEqual([1, 2, 3]);
    expect(await readFile(join(out, MARKER_FILE), 'utf8')).toBe(markerText('build'));
    expect((await readdir(parent)).sort()).toEqual(['.dist.detc', 'dist']);
    expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual([MARKER_FILE, 'g-2']);
  });

  it('names the command in the marker, byte-identical every time', () => {
    expect(markerText('build')).toBe(markerText('build'));
    expect(JSON.parse(markerText('build'))).toMatchObject({ generator: 'detc', command: 'detc build' });
    expect(JSON.parse(markerText('import sigma'))).toMatchObject({ generator: 'detc', command: 'detc import sigma' });
  });

  it('leaves the previous output untouched when a file cannot be written, and no litter', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    await write(out, [{ path: 'keep.txt', contents: 'old' }]);
    // A file and a folder of the same name cannot both be written.
    const result = await write(out, [
      { path: 'x', contents: 'file' },
      { path: 'x/y', contents: 'nested' },
    ]);
    expect(result).toMatchObject({ refused: false, written: false });
    expect(codes(result)).toEqual(['output/write-failed']);
    expect(result.diagnostics[0]!.message).toMatch(/^cannot write the new output of ".*dist": (ENOTDIR|EEXIST) \(.*\) at .*\.dist\.detc\/g-2\/x.*\. The previous output of ".*dist" is unchanged\.$/);
    expect(await readdir(out)).toEqual([MARKER_FILE, 'keep.txt']);
    expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual([MARKER_FILE, 'g-1']);
  });

  it.each([
    ['fail-ENOSPC:write-file@2', 'ENOSPC (no space left on the device)'],
    ['fail-EDQUOT:staged', 'EDQUOT (disk quota exceeded)'],
    ['fail-EACCES:link-created', 'EACCES (permission denied)'],
    ['fail-EIO:write-file@1', 'EIO (input/output error)'],
  ])('%s: a diagnostic with the reason, the old output in place, nothing left behind', async (hook, reason) => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    await write(out, [{ path: 'keep.txt', contents: 'old' }]);
    const result = await write(out, FILES, { hooks: hooksFromEnvironment(hook) });
    expect(result).toMatchObject({ written: false });
    expect(codes(result)).toEqual(['output/write-failed']);
    expect(result.diagnostics[0]!.message).toContain(reason);
    expect(result.diagnostics[0]!.span.file).toBe('case-' + folders + '/dist');
    expect(await readlink(out)).toBe('.dist.detc/g-1');
    expect(await readdir(out)).toEqual([MARKER_FILE, 'keep.txt']);
    expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual([MARKER_FILE, 'g-1']);
  });

  it('writes the new output and warns when the old generation cannot be removed; the next run removes it', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    await write(out, [{ path: 'old.txt', contents: 'old' }]);
    const result = await write(out, FILES, { hooks: hooksFromEnvironment('fail-EACCES:remove-old') });
    expect(result).toMatchObject({ written: true });
    expect(codes(result)).toEqual(['output/leftover-not-removed']);
    expect(result.diagnostics[0]!.severity).toBe('warning');
    expect(result.diagnostics[0]!.message).toContain('EACCES (permission denied)');
    expect(await readlink(out)).toBe('.dist.detc/g-2');
    expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual([MARKER_FILE, 'g-1', 'g-2']);
    expect(codes(await write(out, FILES))).toEqual([]);
    expect((await readdir(join(parent, '.dist.detc'))).sort()).toEqual([MARKER_FILE, 'g-3']);
  });

  it('takes the place of an empty folder, and creates missing parents', async () => {
    const parent = await freshParent();
    await mkdir(join(parent, 'empty'));
    expect(codes(await write(join(parent, 'empty'), FILES))).toEqual([]);
    expect((await lstat(join(parent, 'empty'))).isSymbolicLink()).toBe(true);
    expect(codes(await write(join(parent, 'deep/er/out'), FILES))).toEqual([]);
    expect(await readlink(join(parent, 'deep/er/out'))).toBe('.out.detc/g-1');
  });

  it('leaves no trace when nothing is written: not the state folder, not the parents it created', async () => {
    const parent = await freshParent();
    const opened = await openOutput({ out: join(parent, 'a/b/dist'), cwd: scratch, command: 'build', inputs: [] });
    expect(opened.kind).toBe('open');
    if (opened.kind === 'open') await opened.output.close();
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses a path a target wrote outside the output, writing nothing', async () => {
    const parent = await freshParent();
    for (const path of ['../escape.txt', '/etc/passwd', 'a//b', 'a/./b', 'a\\..\\b', 'C:/x', MARKER_FILE, 'nul\0byte']) {
      const result = await write(join(parent, 'dist'), [...FILES, { path, contents: 'x' }]);
      expect(codes(result), path).toEqual(['output/unsafe-path']);
    }
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('what the writer refuses, before touching anything', () => {
  it.each([
    ['a plain folder with files', async (out: string) => { await mkdir(out); await writeFile(join(out, 'mine.txt'), 'x'); }, 'output/not-owned', /is a folder that detc did not create/],
    ['a plain folder with a marker (a copy)', async (out: string) => { await mkdir(out); await writeFile(join(out, MARKER_FILE), markerText('build')); }, 'output/not-owned', /is a plain folder with a \.detc-output\.json/],
    ['a link to a folder of the user', async (out: string) => { await mkdir(`${out}-mine`); await symlink(`${out}-mine`, out); }, 'output/not-owned', /is a symbolic link that detc did not create/],
    ['a link named like detc\'s, into a state folder that is not detc\'s', async (out: string) => { await mkdir(join(out, '..', '.dist.detc/g-1'), { recursive: true }); await symlink('.dist.detc/g-1', out); }, 'output/not-owned', /"case-\d+\/\.dist\.detc", where detc keeps the generations of "case-\d+\/dist", has no \.detc-output\.json/],
    ['a state folder that is not detc\'s', async (out: string) => { await mkdir(join(out, '..', '.dist.detc')); await writeFile(join(out, '..', '.dist.detc/x'), 'x'); }, 'output/not-owned', /has no \.detc-output\.json: detc did not create it/],
    ['a state folder that is a link', async (out: string) => { await mkdir(`${out}-elsewhere`); await symlink(`${out}-elsewhere`, join(out, '..', '.dist.detc')); }, 'output/not-owned', /is not a folder detc created/],
    ['a file', async (out: string) => { await writeFile(out, 'x'); }, 'output/not-a-folder', /is a file, not a folder/],
  ])('%s', async (_name, prepare, code, message) => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    await prepare(out);
    const before = await listing(parent);
    const result = await write(out, FILES);
    expect(result).toMatchObject({ refused: true, exitCode: 2 });
    expect(codes(result)).toEqual([code]);
    expect(result.diagnostics[0]!.message).toMatch(message);
    expect(await listing(parent)).toEqual(before);
  });

  it("refuses another command's output", async () => {
    const parent = await freshParent();
    const out = join(parent, 'imported');
    expect(codes(await write(out, FILES, { command: 'import sigma' }))).toEqual([]);
    const result = await write(out, FILES, { command: 'build' });
    expect(codes(result)).toEqual(['output/not-owned']);
    expect(result.diagnostics[0]!.message).toContain('holds the output of `detc import sigma`, not of `detc build`');
  });

  it('replaces its own link even when its generation was deleted by hand', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    await write(out, FILES);
    await rm(join(parent, '.dist.detc/g-1'), { recursive: true });
    expect(codes(await write(out, FILES))).toEqual([]);
    expect(await readlink(out)).toBe('.dist.detc/g-2');
  });
});

describe('leftovers and the lock', () => {
  it('removes unfinished generations, unused links and stale locks of dead runs, and keeps what it does not know', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    await write(out, FILES);
    const dead = deadPid();
    const state = join(parent, '.dist.detc');
    await mkdir(join(state, 'g-7/half'), { recursive: true });
    await symlink('.dist.detc/g-7', join(state, 'link-g-7'));
    await writeFile(join(state, 'lock'), `${JSON.stringify({ host: (await import('node:os')).hostname(), pid: dead, start: null })}\n`);
    await writeFile(join(state, `lock-${dead}.tmp`), 'x');
    await writeFile(join(state, 'notes-of-the-user.txt'), 'x');
    await mkdir(join(parent, `.dist.detc.tmp-${dead}`));
    await writeFile(join(parent, `.dist.detc.tmp-${dead}`, MARKER_FILE), markerText('build'));

    expect(codes(await write(out, FILES))).toEqual([]);
    expect((await readdir(state)).sort()).toEqual([MARKER_FILE, 'g-2', 'notes-of-the-user.txt']);
    expect((await readdir(parent)).sort()).toEqual(['.dist.detc', 'dist']);
  });

  it('refuses while another run holds the lock, and succeeds once it is released', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    const first = await openOutput({ out, cwd: scratch, command: 'build', inputs: [] });
    expect(first.kind).toBe('open');
    const second = await write(out, FILES, { lockWaitMs: 0 });
    expect(second).toMatchObject({ refused: true, exitCode: 1 });
    expect(codes(second)).toEqual(['output/locked']);
    expect(second.diagnostics[0]!.message).toContain(`detc (pid ${process.pid} on `);
    if (first.kind === 'open') {
      await first.output.write(FILES);
      await first.output.close();
    }
    expect(codes(await write(out, FILES))).toEqual([]);
  });

  it('a waiting run goes on when the holder finishes', async () => {
    const parent = await freshParent();
    const out = join(parent, 'dist');
    const first = await openOutput({ out, cwd: scratch, command: 'build', inputs: [] });
    if (first.kind !== 'open') throw new Error('not open');
    const waits: string[] = [];
    let waiting!: () => void;
    const started = new Promise<void>((done) => (waiting = done));
    const second = write(out, FILES, { lockWaitMs: 60_000, onWait: (m) => (waits.push(m), waiting()) });
    await started;
    await first.output.write([{ path: 'first.txt', contents: '1' }]);
    await first.output.close();
    expect(codes(await second)).toEqual([]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatch(/^detc: waiting for another detc run \(pid \d+\) to finish writing case-\d+\/dist\n$/);
    expect((await readdir(out)).sort()).toEqual([MARKER_FILE, 'a', 'c.bin']);
  });

  it('writeOutputAtomically throws the refusal for scripts', async () => {
    const parent = await freshParent();
    await mkdir(join(parent, 'mine'));
    await writeFile(join(parent, 'mine/x'), 'x');
    await expect(writeOutputAtomically(join(parent, 'mine'), FILES)).rejects.toThrow(/^output\/not-owned: /);
    await writeOutputAtomically(join(parent, 'dist'), FILES);
    expect(await readlink(join(parent, 'dist'))).toBe('.dist.detc/g-1');
  });
});

async function listing(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) names.push(join(entry.parentPath, entry.name));
  return names.sort();
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}
