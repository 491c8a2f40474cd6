// A Sigma string value as the specification defines it: literal text with the wildcards `*`
// (any run of characters) and `?` (exactly one character). A backslash escapes `*`, `?` and
// itself; before any other character it is a plain backslash (so `C:\Windows\` needs no escaping).

export type SigmaPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'any-string' } | { readonly kind: 'any-char' };

/** A parsed Sigma string: its parts, with adjacent text merged and runs of `*` collapsed. */
export type SigmaString = readonly SigmaPart[];

export function parseSigmaString(raw: string): SigmaString {
  const parts: SigmaPart[] = [];
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i++;
      } else {
        text += '\\';
      }
    } else if (c === '*' || c === '?') {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push(c === '*' ? { kind: 'any-string' } : { kind: 'any-char' });
    } else {
      text += c;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return normalize(parts);
}

/** A string with no wildcards at all (e.g. the result of base64 encoding). */
export function plainSigmaString(text: string): SigmaString {
  return text ? [{ kind: 'text', text }] : [];
}

export function isPlain(value: SigmaString): boolean {
  return value.every((p) => p.kind === 'text');
}

export function plainText(value: SigmaString): string {
  return value.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/** Merges adjacent text parts and collapses `**` (the same set of strings, simpler output). */
export function normalize(parts: readonly SigmaPart[]): SigmaString {
  const out: SigmaPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'text') {
      if (!part.text) continue;
      if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + part.text };
      else out.push(part);
    } else if (part.kind === 'any-string' && last?.kind === 'any-string') {
      continue;
    } else {
      out.push(part);
    }
  }
  return out;
}

export function mapText(value: SigmaString, f: (text: string) => string): SigmaString {
  return normalize(value.map((p) => (p.kind === 'text' ? { kind: 'text', text: f(p.text) } : p)));
}
