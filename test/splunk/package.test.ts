// The app package: byte-identical for identical input, a valid ustar inside a gzip without a
// timestamp, holding exactly the unpacked app files under `<app_id>/`.

import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { FIXED_MTIME, tar } from '../../targets/splunk/tar.ts';
import { library, suspiciousImagePulling } from './fixtures.ts';

interface TarRecord {
  path: string;
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
  type: string;
  contents: string;
}

/** Reads a ustar archive (test-side reader, from the POSIX header layout). */
function readTar(bytes: Uint8Array): TarRecord[] {
  const decoder = new TextDecoder();
  const str = (offset: number, length: number) => decoder.decode(bytes.subarray(offset, offset + length)).replace(/\0.*$/s, '');
  const octal = (offset: number, length: number) => Number.parseInt(str(offset, length).trim(), 8);
  const records: TarRecord[] = [];
  let offset = 0;
  while (offset + 512 <= bytes.length && bytes.subarray(offset, offset + 512).some((b) => b !== 0)) {
    const header = bytes.subarray(offset, offset + 512);
    const stored = octal(offset + 148, 8);
    const sum = header.reduce((total, byte, i) => total + (i >= 148 && i < 156 ? 32 : byte), 0);
    expect(sum).toBe(stored);
    expect(str(offset + 257, 6)).toBe('ustar');
    const prefix = str(offset + 345, 155);
    const name = str(offset, 100);
    const size = octal(offset + 124, 12);
    records.push({
      path: prefix ? `${prefix}/${name}` : name,
      mode: octal(offset + 100, 8),
      uid: octal(offset + 108, 8),
      gid: octal(offset + 116, 8),
      mtime: octal(offset + 136, 12),
      type: str(offset + 156, 1),
      contents: decoder.decode(bytes.subarray(offset + 512, offset + 512 + size)),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return records;
}

describe('app package', () => {
  it('two emits give identical files, byte for byte', () => {
    const first = emitSplunk(library([suspiciousImagePulling]));
    const second = emitSplunk(library([suspiciousImagePulling]));
    expect(second.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
    first.files.forEach((file, i) => expect(Buffer.from(second.files[i]!.contents).equals(Buffer.from(file.contents))).toBe(true));
  });

  it('is dist/splunk/<app_id>-<version>.tar.gz with no gzip timestamp and the unpacked files inside', () => {
    const result = emitSplunk(library([suspiciousImagePulling], { app_id: 'acme_app', version: '1.2.3' }));
    const archive = result.files.find((f) => f.path === 'splunk/acme_app-1.2.3.tar.gz')!;
    const bytes = archive.contents as Uint8Array;
    expect([...bytes.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect([...bytes.subarray(4, 8)]).toEqual([0, 0, 0, 0]); // MTIME
    expect(bytes[9]).toBe(3); // OS: Unix, on every platform
    const records = readTar(gunzipSync(bytes));
    expect(records.map((r) => r.path)).toEqual([
      'acme_app/',
      'acme_app/README.md',
      'acme_app/default/',
      'acme_app/default/app.conf',
      'acme_app/default/macros.conf',
      'acme_app/default/savedsearches.conf',
      'acme_app/metadata/',
      'acme_app/metadata/default.meta',
    ]);
    for (const record of records) {
      expect(record).toMatchObject({ mtime: FIXED_MTIME, uid: 0, gid: 0 });
      expect(record.mode).toBe(record.path.endsWith('/') ? 0o755 : 0o644);
      expect(record.type).toBe(record.path.endsWith('/') ? '5' : '0');
      if (!record.path.endsWith('/')) {
        const unpacked = result.files.find((f) => f.path === `splunk/${record.path}`)!;
        expect(record.contents).toBe(unpacked.contents);
      }
    }
  });

  it('splits long paths into the ustar prefix', () => {
    const long = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
    const records = readTar(tar([{ path: long, contents: new TextEncoder().encode('x') }]));
    expect(records[0]!.path).toBe(long);
    expect(records[0]!.contents).toBe('x');
  });
});
