import { describe, expect, it } from 'vitest';
import { inlineCode } from '../../targets/docs/inline-code.ts';
import { markdownRich } from '../../targets/docs/markdown-escape.ts';
import { nodeTypes, parseMarkdown, plainText, walk } from './markdown-ast.ts';

describe('inlineCode splits rule prose into text and `code`', () => {
  const cases: [string, [boolean, string][]][] = [
    ['plain', [[false, 'plain']]],
    ['run `kubectl get pods` now', [[false, 'run '], [true, 'kubectl get pods'], [false, ' now']]],
    ['``a ` b`` and `c`', [[true, 'a ` b'], [false, ' and '], [true, 'c']]],
    ['`` `x` ``', [[true, '`x`']]],
    ['` `x` `', [[true, ' '], [false, 'x'], [true, ' ']]],
    ['a `b and ``c`', [[false, 'a '], [true, 'b and ``c']]],
    ['unclosed `tick and ``double', [[false, 'unclosed `tick and ``double']]],
    ['line\nbreak `in\ncode`', [[false, 'line break '], [true, 'in code']]],
  ];
  for (const [input, parts] of cases) {
    it(JSON.stringify(input), () => {
      expect(inlineCode(input).map((p) => [p.code, p.text])).toEqual(parts);
    });
  }
});

describe('markdownRich', () => {
  it('shows code spans as code and everything else as text', async () => {
    const root = await parseMarkdown(markdownRich(inlineCode('- *not* a list: `<script>` | `a|b` [x](y)')));
    expect([...nodeTypes(root)].sort()).toEqual(['inlineCode', 'paragraph', 'root', 'text']);
    const code: string[] = [];
    walk(root, (n) => {
      if (n.type === 'inlineCode') code.push(n.value ?? '');
    });
    expect(code).toEqual(['<script>', 'a|b']);
    expect(plainText(root)).toBe('- *not* a list: <script> | a|b [x](y)');
  });

  it('keeps the spaces around a code span', () => {
    expect(markdownRich(inlineCode('a `b` c'))).toBe('a `b` c');
  });
});
