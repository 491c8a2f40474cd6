// Grammar errors inside rule files, one per YAML scalar style, reported at the exact file:line:col
// of the offending character (positions read off the fixture files by hand).

import { describe, expect, it } from 'vitest';
import { compileFixtureResult } from '../support/compile.ts';

describe('match syntax errors in rule files', async () => {
  const result = await compileFixtureResult('test/fixtures/grammar');
  const found = result.diagnostics.map((d) => [d.span.file.replace('test/fixtures/grammar/', ''), d.span.start.line, d.span.start.column, d.code]);

  it.each([
    // `  match: url contains and status < 400`: a keyword where the value belongs.
    ['plain.yml', 15, 23, 'match/syntax'],
    // folded `>-`, third line `    or user == alice)`: an unquoted value.
    ['folded.yml', 18, 16, 'match/syntax'],
    // literal `|`, third line `    status => 500`: no such operator.
    ['literal.yml', 18, 12, 'match/syntax'],
    // double-quoted with escapes: the expression ends after `==`, at the closing quote.
    ['quoted.yml', 15, 40, 'match/syntax'],
  ])('%s:%i:%i %s', (file, line, column, code) => {
    expect(found).toContainEqual([file, line, column, code]);
  });

  it('reports nothing else', () => {
    expect(found).toHaveLength(4);
  });

  it('says how to fix it', () => {
    const folded = result.diagnostics.find((d) => d.span.file.endsWith('folded.yml'));
    expect(folded?.message).toContain('Quote text values: "alice"');
  });
});
