// The one escaping module for printed text: every unsafe character class, every output format,
// with the exact escaped string.

import { describe, expect, it } from 'vitest';
import {
  escapeGithubMessage,
  escapeGithubProperty,
  escapeLine,
  escapeLines,
  escapeText,
  toSafeJson,
  withoutRawControls,
} from '../../driver/cli/terminal-text.ts';

/** Every character that must never be printed raw, with its visible escape. */
const UNSAFE: readonly (readonly [string, string, string])[] = [
  ['NUL', '\u0000', '\\x00'],
  ['BEL', '\u0007', '\\x07'],
  ['backspace', '\b', '\\x08'],
  ['tab', '\t', '\\t'],
  ['line feed', '\n', '\\n'],
  ['vertical tab', '\v', '\\x0b'],
  ['form feed', '\f', '\\x0c'],
  ['carriage return', '\r', '\\r'],
  ['ESC', '\u001b', '\\x1b'],
  ['unit separator', '\u001f', '\\x1f'],
  ['DEL', '\u007f', '\\x7f'],
  ['C1 padding', '\u0080', '\\x80'],
  ['C1 NEL', '\u0085', '\\x85'],
  ['C1 CSI', '\u009b', '\\x9b'],
  ['C1 APC', '\u009f', '\\x9f'],
  ['Arabic letter mark', '\u061c', '\\u061c'],
  ['left-to-right mark', '\u200e', '\\u200e'],
  ['right-to-left mark', '\u200f', '\\u200f'],
  ['line separator', '\u2028', '\\u2028'],
  ['paragraph separator', '\u2029', '\\u2029'],
  ['LRE', '\u202a', '\\u202a'],
  ['RLO', '\u202e', '\\u202e'],
  ['LRI', '\u2066', '\\u2066'],
  ['PDI', '\u2069', '\\u2069'],
];

describe('escapeText', () => {
  it.each(UNSAFE)('%s becomes a visible escape', (_name, char, escaped) => {
    expect(escapeText(`a${char}b`)).toBe(`a${escaped}b`);
  });

  it.each([
    ['plain text', 'Pod created by alice', 'Pod created by alice'],
    ['quotes, backslashes, pipes, stars and parentheses are left as written', `"a" 'b' C:\\x | * (y)`, `"a" 'b' C:\\x | * (y)`],
    ['HTML', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['letters beyond ASCII', 'Zürich – 東京 🚀', 'Zürich – 東京 🚀'],
    ['a forged annotation after a line break', 'x\n::error file=a.yml::forged', 'x\\n::error file=a.yml::forged'],
    ['a forged mask after CR LF', 'x\r\n::add-mask::secret', 'x\\r\\n::add-mask::secret'],
    ['an ANSI colour', '\u001b[31mred\u001b[0m', '\\x1b[31mred\\x1b[0m'],
    ['a legacy runner command anywhere in the line', 'name ##[add-mask]secret', 'name ##\\[add-mask]secret'],
    ['a legacy command after extra #', '###[error]x', '###\\[error]x'],
    ['stop-commands', '##[stop-commands]token', '##\\[stop-commands]token'],
  ])('%s', (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('is idempotent, so a line escaped in parts can be escaped again as a whole', () => {
    const once = escapeText('a\u001b##[x]\n\u202e');
    expect(escapeText(once)).toBe(once);
  });
});

describe('escapeLine', () => {
  it.each([
    ['a file name that starts with ::', '::error file=x::a.yml:1:1: error', '\\x3a:error file=x::a.yml:1:1: error'],
    ['after leading whitespace (the runner trims it)', '  ::warning::x', '  \\x3a:warning::x'],
    ['a single colon is left alone', ':a.yml:1:1', ':a.yml:1:1'],
    [':: later in the line is not a command', 'rules/a.yml:1:1: x::y', 'rules/a.yml:1:1: x::y'],
    ['a line break that would start a command line', 'a\n::error::b', 'a\\n::error::b'],
  ])('%s', (_name, input, expected) => {
    expect(escapeLine(input)).toBe(expected);
  });

  it('escapeLines keeps line breaks between lines and guards each line start', () => {
    expect(escapeLines('imported 1\n::error::x\n  refused 1: sigma/x\u001b')).toBe('imported 1\n\\x3a:error::x\n  refused 1: sigma/x\\x1b');
  });
});

describe('github workflow commands', () => {
  it.each([
    ['percent', '100%', '100%25'],
    ['a line break (visible, so it cannot end the command)', 'a\nb', 'a\\nb'],
    ['carriage return', 'a\rb', 'a\\rb'],
    ['an injected command', 'x\n::add-mask::secret', 'x\\n::add-mask::secret'],
    ['colons and commas are fine in a message', 'a: b, c', 'a: b, c'],
    ['ANSI', '\u001b[1m', '\\x1b[1m'],
    ['bidi', 'abc\u202edef', 'abc\\u202edef'],
    ['an escape already written as text keeps its percent escaped', '%0A', '%250A'],
  ])('message: %s', (_name, input, expected) => {
    expect(escapeGithubMessage(input)).toBe(expected);
  });

  it.each([
    ['colon and comma', 'a:b,c', 'a%3Ab%2Cc'],
    ['a file name forging another property', 'x.yml,line=99', 'x.yml%2Cline=99'],
    ['a file name ending the properties', 'x.yml::forged', 'x.yml%3A%3Aforged'],
    ['percent and a line break', '%\n', '%25\\n'],
  ])('property: %s', (_name, input, expected) => {
    expect(escapeGithubProperty(input)).toBe(expected);
  });
});

describe('JSON', () => {
  it.each(UNSAFE)('%s is a \\u escape in JSON, and parses back to itself', (_name, char) => {
    const json = toSafeJson({ message: `a${char}b` });
    // Pretty-printing puts line feeds between tokens only; the value's own is escaped.
    expect(json.split('\n')).toEqual(['{', expect.stringMatching(/^ {2}"message": "a\\.+b"$/), '}']);
    expect(json.replace(/\n/g, '')).not.toContain(char);
    expect(JSON.parse(json)).toEqual({ message: `a${char}b` });
  });

  it.each([
    ['DEL', '\u007f', '"\\u007f"'],
    ['NEL', '\u0085', '"\\u0085"'],
    ['line separator', '\u2028', '"\\u2028"'],
    ['RLO', '\u202e', '"\\u202e"'],
    ['ESC (JSON.stringify\'s own escape)', '\u001b', '"\\u001b"'],
    ['line feed', '\n', '"\\n"'],
    ['legacy runner command', '##[error]x', '"##\\u005berror]x"'],
  ])('%s is written %s', (_name, char, expected) => {
    expect(toSafeJson(char)).toBe(expected);
  });
});

describe('withoutRawControls (the last line of defence)', () => {
  it('keeps line feeds and escapes every other unsafe character', () => {
    expect(withoutRawControls('a\nb\u001b\r\u202e\u0085')).toBe('a\nb\\x1b\\r\\u202e\\x85');
  });

  it('leaves escaped output as it is', () => {
    const printed = `${escapeLine('::x\u001b')}\n${toSafeJson(['\u2028'])}\n`;
    expect(withoutRawControls(printed)).toBe(printed);
  });
});
