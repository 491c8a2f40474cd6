import { describe, expect, it } from 'vitest';
import { formatDiagnostics, summaryLine } from '../../driver/cli/format-diagnostics.ts';
import { error, warning, type Span } from '../../compiler/diagnostics.ts';

const span = (line: number, column: number, endColumn: number): Span => ({
  file: 'rules/a.yml',
  start: { line, column, offset: 0 },
  end: { line, column: endColumn, offset: 0 },
});
const source = 'id: x\nseverity: urgent\n';

describe('text format', () => {
  it('prints file:line:col, severity, code, message and a caret under the span', () => {
    const text = formatDiagnostics([error('schema/enum', span(2, 11, 17), '"urgent" is not a severity.')], 'text', () => source);
    expect(text).toBe(
      'rules/a.yml:2:11: error schema/enum: "urgent" is not a severity.\n' +
        '  2 | severity: urgent\n' +
        '    |           ^^^^^^\n',
    );
  });
  it('prints related locations as notes', () => {
    const d = error('rule/duplicate-id', span(1, 5, 6), 'duplicate id.', [{ span: { ...span(3, 1, 2), file: 'rules/b.yml' }, message: 'first defined here' }]);
    expect(formatDiagnostics([d], 'text', () => undefined)).toBe(
      'rules/a.yml:1:5: error rule/duplicate-id: duplicate id.\n  rules/b.yml:3:1: note: first defined here\n',
    );
  });
});

describe('github format', () => {
  it('writes workflow annotations and escapes their special characters', () => {
    const d = warning('attack/deprecated-technique', span(4, 3, 8), 'deprecated: 100%\nreally');
    // A line break in a message is shown as \n: the annotation stays one line of the log.
    expect(formatDiagnostics([d], 'github', () => undefined)).toBe(
      '::warning file=rules/a.yml,line=4,col=3,endLine=4,endColumn=8,title=attack/deprecated-technique::deprecated: 100%25\\nreally\n',
    );
  });
});

describe('json format', () => {
  it('is parseable and keeps every field', () => {
    const parsed = JSON.parse(formatDiagnostics([error('match/syntax', span(2, 1, 3), 'bad')], 'json', () => undefined));
    expect(parsed).toEqual([
      { file: 'rules/a.yml', line: 2, column: 1, endLine: 2, endColumn: 3, severity: 'error', code: 'match/syntax', message: 'bad', related: [] },
    ]);
  });
});

describe('summary line', () => {
  it('counts errors and warnings with plurals', () => {
    expect(summaryLine([error('a', span(1, 1, 1), 'x'), warning('b', span(1, 1, 1), 'y'), warning('b', span(1, 1, 1), 'z')], 1)).toBe(
      '1 file checked: 1 error, 2 warnings',
    );
  });
});

describe('rule content in every format', () => {
  const forged = 'unknown key "x\n::error file=a.yml::forged\u001b[31m\u202e"';
  const d = error('schema/unknown-key', { ...span(1, 1, 2), file: 'rules/\u001b[2J::x.yml' }, forged);

  it('text: escapes the message and the file name, and keeps each diagnostic on its lines', () => {
    expect(formatDiagnostics([d], 'text', () => undefined)).toBe(
      'rules/\\x1b[2J::x.yml:1:1: error schema/unknown-key: unknown key "x\\n::error file=a.yml::forged\\x1b[31m\\u202e"\n',
    );
  });

  it('text: a file name that starts with :: cannot start a workflow command', () => {
    const at = error('load/not-yaml', { ...span(1, 1, 1), file: '::error title=x::forged' }, 'not YAML');
    expect(formatDiagnostics([at], 'text', () => undefined)).toBe('\\x3a:error title=x::forged:1:1: error load/not-yaml: not YAML\n');
  });

  it('github: one annotation line, properties and message escaped', () => {
    expect(formatDiagnostics([d], 'github', () => undefined)).toBe(
      '::error file=rules/\\x1b[2J%3A%3Ax.yml,line=1,col=1,endLine=1,endColumn=2,title=schema/unknown-key::unknown key "x\\n::error file=a.yml::forged\\x1b[31m\\u202e"\n',
    );
  });

  it('json: parses back to the exact text, with no raw control character', () => {
    const json = formatDiagnostics([d], 'json', () => undefined);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json)[0]).toMatchObject({ file: 'rules/\u001b[2J::x.yml', message: forged });
  });

  it('bounds a message that is too long in every format', () => {
    const long = error('schema/type', span(1, 1, 2), `x${'y'.repeat(5000)}`);
    const text = formatDiagnostics([long], 'text', () => undefined);
    expect(text.length).toBeLessThan(1100);
    expect(text.trimEnd().endsWith('y…')).toBe(true);
    expect(formatDiagnostics([long], 'github', () => undefined).length).toBeLessThan(1200);
    expect(JSON.parse(formatDiagnostics([long], 'json', () => undefined))[0].message).toHaveLength(1000);
  });
});

describe('caret excerpts', () => {
  const at = (line: number, column: number, endColumn: number) => error('x/y', span(line, column, endColumn), 'm');

  it('escapes control characters in the excerpt and keeps the caret under the span', () => {
    const source = 'name: a\u001bb\tc: d\n';
    // The span is `c` (column 11): the escapes before it widen the line, and the caret follows.
    expect(formatDiagnostics([at(1, 11, 12)], 'text', () => source)).toBe(
      'rules/a.yml:1:11: error x/y: m\n' + '  1 | name: a\\x1bb\\tc: d\n' + '    |               ^\n',
    );
  });

  it('escapes a legacy runner command in the excerpt, the caret still under the span', () => {
    expect(formatDiagnostics([at(1, 16, 19)], 'text', () => 'name: "x ##[add-mask]y" # z')).toBe(
      'rules/a.yml:1:16: error x/y: m\n' + '  1 | name: "x ##\\[add-mask]y" # z\n' + '    |                 ^^^\n',
    );
  });

  it('shows a window of at most 120 columns around the span of a long line, with … at the cuts', () => {
    const line = `${'a'.repeat(200)}TARGET${'b'.repeat(200)}`;
    const text = formatDiagnostics([at(1, 201, 207)], 'text', () => line);
    const [, shown, carets] = text.split('\n');
    expect(shown).toBe(`  1 | …${'a'.repeat(40)}TARGET${'b'.repeat(74)}…`);
    expect(carets).toBe(`    | ${' '.repeat(41)}^^^^^^`);
  });

  it('shows the end of a long line when the span is there', () => {
    const line = `${'a'.repeat(300)}END`;
    const [, shown, carets] = formatDiagnostics([at(1, 301, 304)], 'text', () => line).split('\n');
    expect(shown).toBe(`  1 | …${'a'.repeat(117)}END`);
    expect(carets).toBe(`    | ${' '.repeat(118)}^^^`);
  });

  it('bounds the carets of a span longer than the window', () => {
    const line = 'x'.repeat(500);
    const [, shown, carets] = formatDiagnostics([at(1, 1, 501)], 'text', () => line).split('\n');
    expect(shown).toBe(`  1 | ${'x'.repeat(120)}…`);
    expect(carets).toBe(`    | ${'^'.repeat(120)}`);
  });

  it('prints no excerpt for a file the lookup does not have (never read, or outside the root)', () => {
    expect(formatDiagnostics([at(1, 1, 2)], 'text', () => undefined)).toBe('rules/a.yml:1:1: error x/y: m\n');
  });
});
