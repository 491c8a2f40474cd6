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
