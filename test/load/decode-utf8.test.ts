// Files are strict UTF-8: the first bad byte is found (every kind of ill-formed sequence) and
// reported at its line:col by the loader, instead of becoming U+FFFD silently.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../compiler/load/decode-utf8.ts';
import { loadLibrary } from '../../compiler/load/load-library.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('firstInvalidByte', () => {
  it.each([
    ['ASCII', bytes('name: x\n'), 8],
    ['two-, three- and four-byte characters', bytes('ü 東 🚀'), bytes('ü 東 🚀').length],
    ['a byte order mark', bytes([0xef, 0xbb, 0xbf], 'x'), 4],
    ['a Latin-1 byte', bytes('caf', [0xe9]), 3],
    ['a lone continuation byte', bytes('a', [0x80], 'b'), 1],
    ['an overlong slash (C0 AF)', bytes('a', [0xc0, 0xaf]), 1],
    ['an overlong three-byte form (E0 80 AF)', bytes('ab', [0xe0, 0x80, 0xaf]), 2],
    ['a surrogate (ED A0 80)', bytes([0xed, 0xa0, 0x80]), 0],
    ['beyond U+10FFFF (F4 90 80 80)', bytes('x', [0xf4, 0x90, 0x80, 0x80]), 1],
    ['F5 never starts a sequence', bytes([0xf5, 0x80, 0x80, 0x80]), 0],
    ['a sequence cut short by the end of the file', bytes('abc', [0xe6, 0x9d]), 3],
    ['a sequence cut short by ASCII', bytes('abc', [0xe6, 0x41]), 3],
  ])('%s', (_name, input, expected) => {
    expect(firstInvalidByte(input)).toBe(expected);
    // The strict decoder agrees: valid exactly when nothing is bad.
    expect(decodeUtf8(input).ok).toBe(expected === input.length);
  });

  it('gives the UTF-16 offset of the bad byte in the lossy text', () => {
    const decoded = decodeUtf8(bytes('ü🚀x', [0xff]));
    expect(decoded).toMatchObject({ ok: false, byte: 0xff, offset: 4 });
    expect(decoded.text).toBe('ü🚀x\uFFFD');
  });
});

describe('loading a file that is not UTF-8', () => {
  it.each([
    ['on the first line', bytes('name: caf', [0xe9], '\n'), 1, 10],
    ['after multi-byte characters on a later line', bytes('name: Zürich\ndescription: 東京 ', [0xc3, 0x28], '\n'), 2, 17],
    ['after a byte order mark', bytes([0xef, 0xbb, 0xbf], 'name: ', [0x80], '\n'), 1, 7],
    ['with CRLF line ends', bytes('id: x\r\nname: ', [0xfe], '\r\n'), 2, 7],
  ])('%s: load/invalid-utf8 at the byte, and no document', async (_name, content, line, column) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'detc-utf8-'));
    await writeFile(path.join(dir, 'rule.yml'), content);
    const loaded = await loadLibrary(['rule.yml'], { cwd: dir });
    expect(loaded.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([['load/invalid-utf8', line, column]]);
    expect(loaded.diagnostics[0]!.message).toMatch(/^byte 0x[0-9A-F]{2} is not valid UTF-8 .*save the file as UTF-8/);
    expect(loaded.rules).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});
