// Comparing and showing output paths (driver/output-paths.ts).

import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryLocation, followedLocation, isWithin, printable, shownPath } from '../../driver/output-paths.ts';

const scratch = await realpath(await mkdtemp(join(tmpdir(), 'detc-paths-')));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('isWithin', () => {
  it.each([
    ['/a/b', '/a', true],
    ['/a', '/a', true],
    ['/ab', '/a', false],
    ['/a/..b', '/a', true],
    ['/', '/a', false],
    ['/a', '/', true],
  ])('%s within %s: %s', (inner, outer, expected) => {
    expect(isWithin(inner, outer)).toBe(expected);
  });
});

describe('locations', () => {
  it('resolves links in the parents but not the entry itself', async () => {
    await mkdir(join(scratch, 'real/inner'), { recursive: true });
    await symlink('real', join(scratch, 'link'));
    expect(await entryLocation(join(scratch, 'link/inner/missing/deeper'))).toBe(join(scratch, 'real/inner/missing/deeper'));
    expect(await entryLocation(join(scratch, 'link'))).toBe(join(scratch, 'link'));
    expect(await followedLocation(join(scratch, 'link'))).toBe(join(scratch, 'real'));
    expect(await entryLocation('/')).toBe('/');
  });

  it('shows paths inside the current folder relative to it, others absolute', () => {
    expect(shownPath('/p/dist', '/p')).toBe('dist');
    expect(shownPath('/p', '/p')).toBe('.');
    expect(shownPath('/q/dist', '/p')).toBe('/q/dist');
    expect(shownPath('/p/..dist', '/p')).toBe('..dist');
  });
});

describe('printable', () => {
  it('escapes what could forge a terminal or CI log line, and nothing else', () => {
    expect(printable('dist\n::error file=x::forged')).toBe('dist\\u{000A}::error file=x::forged');
    expect(printable('a\r\u001b[31mred\u007f\u0085')).toBe('a\\u{000D}\\u{001B}[31mred\\u{007F}\\u{0085}');
    expect(printable('x\u2028y\u2029z\u202eevil\u2066')).toBe('x\\u{2028}y\\u{2029}z\\u{202E}evil\\u{2066}');
    expect(printable('plain/dist-ü é 日本 C:\\out')).toBe('plain/dist-ü é 日本 C:\\out');
  });
});
