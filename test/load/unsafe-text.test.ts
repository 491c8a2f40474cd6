// Control and invisible characters in a library file: raw anywhere, escaped in double-quoted
// values (except test event data), and line breaks in one-line text; each at its line:col.

import { describe, expect, it } from 'vitest';
import { findUnsafeText } from '../../compiler/load/unsafe-text.ts';
import { SourceDocument } from '../../compiler/load/source-document.ts';

function problems(text: string): (readonly [string, number, number])[] {
  const parsed = SourceDocument.parse('rule.yml', text);
  if (!parsed.document) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return findUnsafeText(parsed.document, 'the rule').map((d) => [d.code, d.span.start.line, d.span.start.column] as const);
}

describe('raw characters', () => {
  it.each([
    ['NUL in a name', 'name: Pod\u0000created\n', 1, 10],
    ['vertical tab in a description', 'name: x\ndescription: a\u000bb\n', 2, 15],
    ['form feed', 'description: a\fb\n', 1, 15],
    ['ESC (an ANSI colour) in a message', 'message: \u001b[31mred\n', 1, 10],
    ['DEL', 'name: a\u007f\n', 1, 8],
    ['C1 NEL (U+0085)', 'name: a\u0085b\n', 1, 8],
    ['C1 CSI (U+009B)', 'name: a\u009b2J\n', 1, 8],
    ['a right-to-left override (Trojan Source) in a match expression', 'detection:\n  match: user == "admin\u202e"\n', 2, 24],
    ['a bidi isolate in a comment', 'name: x # note \u2066hidden\u2069\n', 1, 16],
    ['a line separator U+2028', 'name: a\u2028b\n', 1, 8],
    ['a left-to-right mark', 'name: a\u200eb\n', 1, 8],
    ['an Arabic letter mark', 'name: a\u061cb\n', 1, 8],
    ['in a key', 'ta\u0007gs: [x]\n', 1, 3],
    ['in a test event (raw is still invisible to reviewers)', 'tests:\n  - name: t\n    events: [{ cmd: "a\u001bb" }]\n', 3, 23],
    ['in a block scalar', 'description: |\n  line one\n  line\u0008two\n', 3, 7],
    ['a lone carriage return (a line break to YAML, hidden by some viewers)', 'name: x # comment\rdescription: y\n', 1, 18],
  ])('%s', (_name, text, line, column) => {
    expect(problems(text)).toEqual([['text/control-character', line, column]]);
  });

  it('reports a raw character inside a double-quoted value once, where it is', () => {
    expect(problems('name: "a\u001bb \\e"\n')).toEqual([
      ['text/control-character', 1, 9],
      ['text/control-character', 1, 12],
    ]);
    expect(problems('investigation: ["look\u001b[31m"]\n')).toEqual([['text/control-character', 1, 22]]);
  });

  it('reports the first character of each line, each line once', () => {
    expect(problems('name: a\u0000\u0000b\ndescription: c\u001bd\u001b\n')).toEqual([
      ['text/control-character', 1, 8],
      ['text/control-character', 2, 15],
    ]);
  });

  it('reports at most 20 per file', () => {
    expect(problems(Array.from({ length: 30 }, (_, i) => `k${i}: a\u0001\n`).join(''))).toHaveLength(20);
  });

  it.each([
    ['tabs', 'description: "a\tb"\n'],
    ['line breaks in prose', 'description: |\n  one\n  two\n'],
    ['CRLF line ends', 'name: x\r\ndescription: y\r\n'],
    ['letters, symbols and emoji', 'name: Zürich – 東京 🚀 <b>"q"</b> \\ | * ( )\n'],
    ['a zero-width joiner inside an emoji', 'name: 👩‍💻\n'],
  ])('allows %s', (_name, text) => {
    expect(problems(text)).toEqual([]);
  });

  it('names the character and says how to write it instead', () => {
    const parsed = SourceDocument.parse('rule.yml', 'name: a\u202eb\n');
    expect(findUnsafeText(parsed.document!, 'the rule')[0]!.message).toBe(
      'right-to-left override (U+202E) is written here; control and invisible characters hide what a file says from its reviewers and reach .conf files, pages and logs: delete it (inside a match expression string, write it as \\u{202e}; in a test event, as a YAML escape in a double-quoted value)',
    );
  });
});

describe('characters written as YAML escapes', () => {
  it.each([
    ['\\e in a name', 'name: "Pod \\e[2J created"\n', 1, 12],
    ['\\0 in a description', 'description: "a\\0b"\n', 1, 16],
    ['\\x1b', 'name: "a\\x1bb"\n', 1, 9],
    ['\\u202e in a message', 'message: "x \\u202e y"\n', 1, 13],
    ['\\U0000202E', 'name: "x\\U0000202E"\n', 1, 9],
    ['\\N (NEL)', 'name: "a\\Nb"\n', 1, 9],
    ['\\L (U+2028)', 'description: "a\\Lb"\n', 1, 16],
    ['\\v in an investigation step', 'investigation:\n  - "look\\vhere"\n', 2, 10],
    ['in a match expression', 'detection:\n  match: "cmd contains \\"\\e\\""\n', 2, 26],
    ['in a data source definition', 'splunk: { macro: m, definition: "index=x\\a" }\n', 1, 41],
    ['after an escaped backslash', 'name: "a\\\\\\e"\n', 1, 11],
  ])('%s', (_name, text, line, column) => {
    expect(problems(text)).toEqual([['text/control-character', line, column]]);
  });

  it.each([
    ['test event values are data', 'tests:\n  - name: t\n    events: [{ cmd: "a\\e[31m", title: "\\u202e" }]\n'],
    ['test history values are data', 'tests:\n  - name: t\n    history: [{ cmd: "a\\0" }]\n'],
    ["a variation's test events", 'variations:\n  - tests:\n      - name: t\n        events: [{ cmd: "\\x1b" }]\n'],
    ['a tab escape in prose', 'description: "a\\tb"\n'],
    ['a backslash followed by e, escaped', 'name: "C:\\\\e"\n'],
    ['single-quoted text has no escapes', "name: 'a\\eb'\n"],
  ])('allows %s', (_name, text) => {
    expect(problems(text)).toEqual([]);
  });

  it('suggests the match-language escape for a match expression', () => {
    const parsed = SourceDocument.parse('rule.yml', 'detection:\n  match: "cmd contains \\"\\e\\""\n');
    expect(findUnsafeText(parsed.document!, 'the rule')[0]!.message).toBe(
      'detection.match holds ESC (U+001B), written as a YAML escape; names, descriptions, messages and queries reach .conf files, Kibana rules and pages, where control and invisible characters break lines or hide text: remove it (to match the character, write \\\\u{1b} inside the match expression\'s string)',
    );
  });
});

describe('line breaks in one-line text', () => {
  it.each([
    ['a name written with \\n', 'name: "Pod\\n::error file=x::forged"\n', 1, 11],
    ['a name in a | block', 'name: |\n  two\n  lines\n', 1, 7],
    ['a message', 'message: "a\\nb"\n', 1, 12],
    ["a variation's name", 'variations:\n  - name: "a\\nb"\n', 2, 13],
    ["a test's name", 'tests:\n  - name: "a\\nb"\n', 2, 13],
    ['a tag', 'tags: ["a\\nb"]\n', 1, 10],
    ['an author', 'author: [ok, "a\\nb"]\n', 1, 16],
    ['a reference', 'references: ["https://x\\n"]\n', 1, 24],
    ['a key', '"a\\nb": x\n', 1, 3],
    ['a folded name with a blank line', 'name: >-\n  a\n\n  b\n', 1, 7],
  ])('%s', (_name, text, line, column) => {
    expect(problems(text)).toEqual([['text/line-break', line, column]]);
  });

  it.each([
    ['a folded name on several lines (folded into spaces)', 'name: >-\n  a long\n  name\n'],
    ['a description', 'description: |\n  a\n  b\n'],
    ['an investigation step', 'investigation:\n  - "a\\nb"\n'],
    ['a match expression', 'detection:\n  match: |\n    a == "x"\n    and b == "y"\n'],
    ['a test event value', 'tests:\n  - name: t\n    events: [{ name: "a\\nb" }]\n'],
    ['a description under a variation', 'variations:\n  - description: "a\\nb"\n'],
  ])('allows %s', (_name, text) => {
    expect(problems(text)).toEqual([]);
  });
});
