// Characters that must never reach a terminal, a CI log, a .conf file or a page raw, and that a
// reviewer cannot see in a pull request: C0 controls, DEL, C1 controls (U+0085 NEL and U+009B CSI
// act like a newline and an escape in some terminals), the Unicode line and paragraph separators
// (line breaks in JavaScript and some log viewers) and the bidirectional controls that reorder
// text on screen ("Trojan Source"). One definition, used by the loader's text check
// (compiler/load/unsafe-text.ts) and by every printer (driver/cli/terminal-text.ts).

const UNSAFE_CLASS = '[\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]';

/** Every unsafe character, tab and line feed included (one-line output escapes them too). Global: use with replace/matchAll. */
export const UNSAFE_CHARACTERS = new RegExp(UNSAFE_CLASS, 'gu');

const ONE_UNSAFE_CHARACTER = new RegExp(`^${UNSAFE_CLASS}$`, 'u');

/** The unsafe characters that multi-line text may hold: tab and line feed. */
const ALLOWED_IN_TEXT = new Set(['\t', '\n']);

/** Whether `char` (one code point) is unsafe; `inText` allows tab and line feed. */
export function isUnsafeCharacter(char: string, options: { inText: boolean }): boolean {
  if (options.inText && ALLOWED_IN_TEXT.has(char)) return false;
  return ONE_UNSAFE_CHARACTER.test(char);
}

/** The offset of the first unsafe character of `text` (tab and line feed allowed), or -1. */
export function firstUnsafeCharacter(text: string): number {
  for (const match of text.matchAll(UNSAFE_CHARACTERS)) {
    if (!ALLOWED_IN_TEXT.has(match[0])) return match.index;
  }
  return -1;
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x85: 'next line (NEL)',
  0x9b: 'control sequence introducer (CSI)',
  0x061c: 'Arabic letter mark',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** `ESC (U+001B)`, `right-to-left override (U+202E)`, `control character U+0001`. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  return name ? `${name} (${hex})` : `control character ${hex}`;
}

/** Characters JSON.stringify leaves raw that a terminal, a log viewer or a browser acts on. */
const RAW_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/**
 * JSON text (2-space indent) with JSON.stringify's escapes plus `\uXXXX` for DEL, C1, U+2028/2029
 * and the bidi controls, so JSON shown to a person (a page, a log) cannot reorder or break what
 * they read; it parses back to the same value.
 */
export function jsonWithVisibleEscapes(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(RAW_IN_JSON, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
