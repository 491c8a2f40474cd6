import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { explainYamlErrors } from '../../compiler/load/yaml-messages.ts';

function explain(text: string) {
  const { diagnostics } = SourceDocument.parse('r.yml', text);
  return explainYamlErrors(diagnostics, text).map((d) => [d.code, d.span.start.line, d.span.start.column, d.message]);
}

describe('explainYamlErrors', () => {
  it('names a duplicate quoted key', () => {
    expect(explain('"tags": [a]\nname: x\n"tags": [b]\n')).toEqual([
      ['yaml/duplicate-key', 3, 1, 'key "tags" is written twice in the same mapping; keep one of them'],
    ]);
  });
  it('tells to quote a value that starts with a reserved character', () => {
    expect(explain('match: `odd field` == "x"\n')).toEqual([
      [
        'yaml/bad-scalar-start',
        1,
        8,
        'a value cannot start with "`" unless it is quoted; put the whole value in quotes (or use a | block for a match expression)',
      ],
    ]);
  });
  it('explains a ": " inside a plain value', () => {
    const [only] = explain('message: failed: retry\n');
    expect(only?.slice(0, 3)).toEqual(['yaml/block-as-implicit-key', 1, 10]);
    expect(only?.[3]).toMatch(/put the value in quotes/);
  });
  it('explains a misaligned key', () => {
    // The parser points at the start of the badly indented line (its indentation).
    expect(explain('detection:\n  type: query\n match: x\n')).toEqual([
      [
        'yaml/bad-indent',
        3,
        1,
        'this key is not aligned with the other keys of its mapping; give the keys of one mapping the same indentation',
      ],
    ]);
  });
  it('keeps the parser wording, with its hint, where it has no better one', () => {
    const [only] = explain('name: "abc\nb: 1\n');
    expect(only?.[0]).toBe('yaml/missing-char');
    expect(only?.[3]).toMatch(/Fix the YAML syntax here\.$/);
  });
});
