// Glob patterns of `like` (and the globs that startswith/endswith/contains stand for).
//
// In `like` text, `*` is any run of characters (possibly none), `?` is exactly one character, and
// a backslash escapes the next `*`, `?` or `\`. A backslash before any other character is a
// literal backslash, so Windows paths read naturally: `like "C:\\Windows\\*.exe"` — in the
// match language's string syntax each `\\` is one backslash — is the glob `C:\Windows\*.exe`,
// where `\W` is literal but `\*` would be an escaped star; write `\\\\*` in the string for
// "a backslash, then anything".
//
// startswith/endswith/contains take literal text (no wildcards): their globs are built from
// text parts, so a `*` in `contains "a*b"` is a literal star.

import type { Glob, GlobPart, Span } from '../ir.ts';

/** Parses `like` text into a glob. Adjacent text is merged and runs of `*` collapse to one. */
export function parseGlob(text: string, span: Span): Glob {
  const parts: GlobPart[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      parts.push({ kind: 'text', text: next });
      i++;
    } else if (c === '*') parts.push({ kind: 'any-string' });
    else if (c === '?') parts.push({ kind: 'any-char' });
    else parts.push({ kind: 'text', text: c });
  }
  return makeGlob(parts, span);
}

/** The glob matching exactly `text`. */
export function exactGlob(text: string, span: Span): Glob {
  return makeGlob([{ kind: 'text', text }], span);
}

/** `startswith "text"`: `text*`. */
export function startsWithGlob(text: string, span: Span): Glob {
  return makeGlob([{ kind: 'text', text }, { kind: 'any-string' }], span);
}

/** `endswith "text"`: `*text`. */
export function endsWithGlob(text: string, span: Span): Glob {
  return makeGlob([{ kind: 'any-string' }, { kind: 'text', text }], span);
}

/** `contains "text"`: `*text*`. */
export function containsGlob(text: string, span: Span): Glob {
  return makeGlob([{ kind: 'any-string' }, { kind: 'text', text }, { kind: 'any-string' }], span);
}

/** Builds a glob in normal form: no empty text, adjacent text merged, `**` collapsed to `*`. */
export function makeGlob(parts: readonly GlobPart[], span: Span): Glob {
  const normal: GlobPart[] = [];
  for (const part of parts) {
    const last = normal[normal.length - 1];
    if (part.kind === 'text') {
      if (part.text === '') continue;
      if (last?.kind === 'text') normal[normal.length - 1] = { kind: 'text', text: last.text + part.text };
      else normal.push(part);
    } else if (part.kind === 'any-string') {
      if (last?.kind !== 'any-string') normal.push(part);
    } else normal.push(part);
  }
  return { kind: 'glob', parts: normal, span };
}

/** The glob written as `like` text (the inverse of parseGlob): `*`, `?` and `\` in text are escaped. */
export function globText(glob: Glob): string {
  return glob.parts
    .map((part) =>
      part.kind === 'any-string' ? '*' : part.kind === 'any-char' ? '?' : part.text.replace(/[\\*?]/g, (c) => `\\${c}`),
    )
    .join('');
}

/** The glob as an anchored JavaScript regular expression (whole-value match). */
export function globRegExp(glob: Glob): RegExp {
  const source = glob.parts
    .map((part) =>
      part.kind === 'any-string' ? '[\\s\\S]*' : part.kind === 'any-char' ? '[\\s\\S]' : part.text.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`),
    )
    .join('');
  // `u` so that `?` is one character even outside the Basic Multilingual Plane.
  return new RegExp(`^${source}$`, 'u');
}
