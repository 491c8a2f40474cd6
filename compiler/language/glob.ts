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

/**
 * Whether `text` matches the whole glob. `*` is any run of code points, `?` exactly one code
 * point (a character outside the Basic Multilingual Plane counts as one; so does a lone
 * surrogate), text is compared code point by code point.
 *
 * This is the classic two-pointer matcher, not a regular expression: when a later part fails it
 * resumes only from the most recent `*`, one character further on. With nothing but `*` and
 * single-character parts that is enough (an earlier `*` never needs to give back characters), so
 * matching takes at most text length × pattern length steps and cannot backtrack exponentially
 * or polynomially, whatever the rule and the event contain.
 */
export function globMatches(glob: Glob, text: string): boolean {
  return matchTokens(globTokens(glob), Array.from(text, codePoint));
}

/** A glob as code points, with ANY_CHAR for `?` and ANY_STRING for `*`. */
type Tokens = readonly number[];
const ANY_CHAR = -1;
const ANY_STRING = -2;

const codePoint = (character: string): number => character.codePointAt(0) ?? 0;

// Globs are IR nodes that are matched against many values: tokenise each once.
const tokenCache = new WeakMap<Glob, Tokens>();

function globTokens(glob: Glob): Tokens {
  let tokens = tokenCache.get(glob);
  if (!tokens) {
    tokens = glob.parts.flatMap((part) =>
      part.kind === 'any-string' ? [ANY_STRING] : part.kind === 'any-char' ? [ANY_CHAR] : Array.from(part.text, codePoint),
    );
    tokenCache.set(glob, tokens);
  }
  return tokens;
}

function matchTokens(pattern: Tokens, text: readonly number[]): boolean {
  let p = 0;
  let t = 0;
  // The last `*` seen and the text position it currently stops at (-1: no `*` yet).
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const token = pattern[p];
    if (token === ANY_STRING) {
      star = p++;
      starText = t;
    } else if (token !== undefined && (token === ANY_CHAR || token === text[t])) {
      p++;
      t++;
    } else if (star >= 0) {
      // Let the last `*` take one more character and retry what follows it.
      p = star + 1;
      t = ++starText;
    } else return false;
  }
  while (pattern[p] === ANY_STRING) p++;
  return p === pattern.length;
}
