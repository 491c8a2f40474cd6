// Sigma string values (escaping rules of the specification) and the encoding modifiers.

import { describe, expect, it } from 'vitest';
import { base64Offsets, encodeText } from '../../importers/sigma/modifiers/encoding.ts';
import { windashVariants } from '../../importers/sigma/modifiers/windash.ts';
import { parseSigmaString } from '../../importers/sigma/sigma-string.ts';

const show = (raw: string) =>
  parseSigmaString(raw)
    .map((p) => (p.kind === 'text' ? `[${p.text}]` : p.kind === 'any-string' ? '*' : '?'))
    .join('');

describe('Sigma string escaping (rules specification, "Escaping")', () => {
  it.each([
    ['plain backslash before a letter stays', 'C:\\Windows\\', '[C:\\Windows\\]'],
    ['escaped wildcard is literal', 'a\\*b\\?', '[a*b?]'],
    ['backslash before a wildcard needs escaping', 'a\\\\*', '[a\\]*'],
    ['three backslashes: backslash and literal wildcard', 'a\\\\\\*', '[a\\*]'],
    ['four backslashes: two backslashes', 'a\\\\\\\\', '[a\\\\]'],
    ['three backslashes at the end: two backslashes', 'a\\\\\\', '[a\\\\]'],
    ['wildcards', '*cmd?.exe', '*[cmd]?[.exe]'],
    ['runs of * collapse', 'a**b', '[a]*[b]'],
    ['empty value', '', ''],
  ])('%s: %s', (_what, raw, parts) => {
    expect(show(raw)).toBe(parts);
  });
});

describe('encoding modifiers', () => {
  it('base64offset gives the stable middle of the three shifted encodings', () => {
    // base64("http") = aHR0cA==, base64("\0http") = AGh0dHA=, base64("\0\0http") = AABodHRw
    expect(base64Offsets(Buffer.from('http'))).toEqual(['aHR0c', 'h0dH', 'odHRw']);
  });

  it.each([
    ['utf8', '636d64'],
    ['utf16le', '63006d006400'],
    ['utf16be', '0063006d0064'],
    ['utf16', 'fffe63006d006400'],
  ] as const)('encodes "cmd" as %s', (encoding, hex) => {
    expect(encodeText('cmd', encoding).toString('hex')).toBe(hex);
  });

  it('windash makes every permutation of the five dash characters', () => {
    const variants = windashVariants(parseSigmaString('-a /b'));
    expect(Array.isArray(variants) && variants.length).toBe(25);
    expect(windashVariants(parseSigmaString('-a-b-c-d-e'))).toEqual({ tooMany: 3125 });
  });
});
