// The string-encoding modifiers: utf16le / utf16be / utf16 / wide choose how a value is turned
// into bytes, base64 encodes those bytes, and base64offset produces the three encodings of the
// value as it would appear at byte offsets 0, 1 and 2 of a longer base64-encoded text.

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'utf16';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf16le':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf16':
      // A byte-order mark, then little-endian (the spec's example: `cmd` → FF FE 63 00 6D 00 64 00).
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}

export function base64(bytes: Buffer): string {
  return bytes.toString('base64');
}

/**
 * The stable middle of the base64 text of `bytes` when they start at offset 0, 1 and 2 of a
 * longer byte string: base64 turns every 3 bytes into 4 characters, so characters that also
 * depend on the unknown bytes before or after the value are cut off.
 */
export function base64Offsets(bytes: Buffer): string[] {
  const variants: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // The first character that only depends on value bits, and the end of the last such character.
    const start = Math.ceil((shift * 8) / 6);
    const end = Math.floor(((shift + bytes.length) * 8) / 6);
    variants.push(encoded.slice(start, end));
  }
  return variants;
}
