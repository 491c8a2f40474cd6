// The installable app: `<app_id>-<version>.tar.gz` with the app folder at its root, the way
// Splunk's "Install app from file" expects it. Byte-identical for identical input: entries
// sorted, fixed tar metadata (tar.ts), and a gzip header with no timestamp and a fixed OS byte.

import { gzipSync } from 'node:zlib';
import { tar } from './tar.ts';
import type { TarEntry } from './tar.ts';

/** Byte 9 of a gzip header names the OS that wrote it; fix it to 3 (Unix) on every platform. */
const GZIP_OS_BYTE = 9;

/** `files`: paths relative to the app folder (`default/app.conf`) → text. */
export function packageApp(appId: string, files: ReadonlyMap<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const directories = new Set<string>([`${appId}/`]);
  const entries: TarEntry[] = [];
  for (const [path, text] of files) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) directories.add(`${appId}/${parts.slice(0, i).join('/')}/`);
    entries.push({ path: `${appId}/${path}`, contents: encoder.encode(text) });
  }
  for (const directory of directories) entries.push({ path: directory });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // gzipSync writes MTIME = 0 (no timestamp); level fixed so the bytes do not depend on defaults.
  const gzipped = gzipSync(tar(entries), { level: 9 });
  gzipped[GZIP_OS_BYTE] = 3;
  return new Uint8Array(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength);
}
