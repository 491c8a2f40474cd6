import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../compiler/load/source-document.ts';

const text = `id: abc
detection:
  type: query
  match: >-
    verb == "create"
list:
  - one
  - two
`;

describe('SourceDocument', () => {
  const { document } = SourceDocument.parse('r.yml', text);
  it('locates values by path', () => {
    expect(document).toBeDefined();
    const span = document!.spanAt(['detection', 'type']);
    expect([span.start.line, span.start.column]).toEqual([3, 9]);
    const item = document!.spanAt(['list', 1]);
    expect([item.start.line, item.start.column]).toEqual([8, 5]);
  });
  it('points a missing value at its parent key', () => {
    const span = document!.spanAt(['detection', 'new_terms']);
    expect([span.start.line, span.start.column]).toEqual([2, 1]);
  });
  it('reports YAML syntax errors with positions', () => {
    const result = SourceDocument.parse('bad.yml', 'a: [1, 2\nb: c\n');
    expect(result.document).toBeUndefined();
    expect(result.diagnostics[0]?.code).toMatch(/^yaml\//);
    expect(result.diagnostics[0]?.span.start.line).toBeGreaterThanOrEqual(1);
  });
  it('reports duplicate keys', () => {
    const result = SourceDocument.parse('dup.yml', 'a: 1\na: 2\n');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml/duplicate-key']);
    expect(result.diagnostics[0]?.span.start.line).toBe(2);
  });
});
