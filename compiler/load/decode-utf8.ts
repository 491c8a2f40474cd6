// Rule files are UTF-8. Decoding with replacement would turn a stray Latin-1 byte into U+FFFD
// silently, and the rule would then match something else than its author wrote; so files are
// decoded strictly and the first bad byte is reported at its line and column.

export type Decoded =
  | { readonly ok: true; readonly text: string }
  /** `text` is the lossy decoding (for an excerpt); `offset` the UTF-16 offset in it of the first bad byte. */
  | { readonly ok: false; readonly text: string; readonly byte: number; readonly offset: number };

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Decodes UTF-8 (a leading byte order mark is dropped, as editors hide it). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    // Everything before the bad byte is valid, so its decoding gives the offset in the lossy text.
    const offset = lossy.decode(bytes.subarray(0, bad)).length;
    return { ok: false, text: lossy.decode(bytes), byte: bytes[bad] ?? 0, offset };
  }
}

/**
 * The index of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode
 * table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or bytes.length.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] = sequenceShape(lead);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      // The second byte's range depends on the lead (it excludes overlongs and surrogates).
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** [sequence length, lowest and highest second byte] for a lead byte; length 0 when it cannot lead. */
function sequenceShape(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
