// A minimal, deterministic ustar (POSIX.1-1988) writer. Why our own: no tar package is
// installed in the project, and all we need is regular files and directories with fixed
// metadata; the format is 512-byte headers + data padded to 512 bytes + two zero blocks.
// Determinism: entries in the given order (the caller sorts them), mtime/uid/gid fixed,
// mode 0755 for directories and 0644 for files, no user or group names.

/** 2000-01-01T00:00:00Z: a fixed modification time for every entry. */
export const FIXED_MTIME = 946_684_800;

export interface TarEntry {
  /** `/`-separated; directories end with `/`. */
  readonly path: string;
  readonly contents?: Uint8Array;
}

const BLOCK = 512;
const encoder = new TextEncoder();

function writeString(header: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = encoder.encode(text);
  if (bytes.length > length) throw new Error(`tar: "${text}" does not fit in ${length} bytes`);
  header.set(bytes, offset);
}

/** Octal number, zero-padded, NUL-terminated, as ustar numeric fields are. */
function writeOctal(header: Uint8Array, offset: number, length: number, value: number): void {
  writeString(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/** ustar splits a long path into prefix (155 bytes) and name (100 bytes) at a `/`. */
function splitPath(path: string): { prefix: string; name: string } {
  if (encoder.encode(path).length <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100 && name !== '') return { prefix, name };
  }
  throw new Error(`tar: path too long for ustar: ${path}`);
}

function header(entry: TarEntry): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const directory = entry.path.endsWith('/');
  const { prefix, name } = splitPath(entry.path);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, directory ? 0o755 : 0o644);
  writeOctal(block, 108, 8, 0); // uid
  writeOctal(block, 116, 8, 0); // gid
  writeOctal(block, 124, 12, directory ? 0 : (entry.contents?.length ?? 0));
  writeOctal(block, 136, 12, FIXED_MTIME);
  block.fill(0x20, 148, 156); // checksum field counts as spaces while summing
  block[156] = directory ? 0x35 : 0x30; // '5' directory, '0' file
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  writeString(block, 345, 155, prefix);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  writeString(block, 148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

export function tar(entries: readonly TarEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const entry of entries) {
    chunks.push(header(entry));
    if (!entry.path.endsWith('/') && entry.contents && entry.contents.length > 0) {
      chunks.push(entry.contents);
      const padding = (BLOCK - (entry.contents.length % BLOCK)) % BLOCK;
      if (padding > 0) chunks.push(new Uint8Array(padding));
    }
  }
  chunks.push(new Uint8Array(BLOCK * 2));
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
