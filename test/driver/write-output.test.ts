import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputAtomically } from '../../driver/write-output.ts';

describe('writeOutputAtomically', () => {
  it('replaces the previous output folder as a whole', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'detc-write-'));
    const out = join(parent, 'dist');
    await mkdir(out);
    await writeFile(join(out, 'stale.txt'), 'old');
    await writeOutputAtomically(out, [
      { path: 'a/b.txt', contents: 'hello' },
      { path: 'c.bin', contents: new Uint8Array([1, 2, 3]) },
    ]);
    expect((await readdir(out)).sort()).toEqual(['a', 'c.bin']);
    expect(await readFile(join(out, 'a/b.txt'), 'utf8')).toBe('hello');
    expect([...(await readFile(join(out, 'c.bin')))]).toEqual([1, 2, 3]);
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('leaves the previous output untouched when writing fails', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'detc-write-'));
    const out = join(parent, 'dist');
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'old');
    // A file and a folder of the same name cannot both be written.
    await expect(
      writeOutputAtomically(out, [
        { path: 'x', contents: 'file' },
        { path: 'x/y', contents: 'nested' },
      ]),
    ).rejects.toThrow();
    expect(await readdir(out)).toEqual(['keep.txt']);
    expect(await readdir(parent)).toEqual(['dist']);
  });
});
