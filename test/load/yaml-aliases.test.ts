// YAML aliases that would make a value infinitely deep (an alias inside the node it names) or
// enormous (an alias bomb) are yaml/alias errors at load, before any stage walks the value.

import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../compiler/load/source-document.ts';

const at = (text: string) =>
  SourceDocument.parse('rule.yml', text).diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column] as const);

describe('YAML aliases', () => {
  it.each([
    ['a list that holds itself', 'name: &a [*a]\n', 1, 11],
    ['a mapping that holds itself', 'tests:\n  - events: [&e { url: x, self: *e }]\n', 2, 33],
    ['a cycle through a nested anchor', 'a: &x\n  b: &y\n    c: [*x]\n', 3, 9],
    ['a block sequence holding its own anchor', 'list: &l\n  - one\n  - *l\n', 3, 5],
  ])('%s', (_name, text, line, column) => {
    expect(at(text)).toEqual([['yaml/alias', line, column]]);
  });

  it('refuses an alias bomb with yaml/alias instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(', ')}]`);
    expect(at(`${levels.join('\n')}\n`)).toEqual([['yaml/alias', 1, 1]]);
  });

  it.each([
    ['an alias used twice (a shared value, not a cycle)', 'a: &v [1, 2]\nb: *v\nc: *v\n'],
    ['an alias of a sibling', 'x: &s text\ny: [*s, *s]\n'],
  ])('accepts %s', (_name, text) => {
    expect(at(text)).toEqual([]);
  });
});
