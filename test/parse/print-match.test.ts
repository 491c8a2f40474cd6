import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AstExpr } from '../../compiler/language/ast.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { printMatch } from '../../compiler/language/print-match.ts';
import { withoutSpans } from './ast-helpers.ts';
import { expr } from './arbitraries.ts';

function parse(text: string): AstExpr {
  const result = parseMatchText(text, 'test');
  expect(result.diagnostics).toEqual([]);
  return result.ast as AstExpr;
}

describe('printMatch', () => {
  it.each([
    ['a == 1', 'a == 1'],
    ['a == 1 and b == 2 or c == 3', 'a == 1 and b == 2 or c == 3'],
    ['a == 1 and (b == 2 or c == 3)', 'a == 1 and (b == 2 or c == 3)'],
    ['(a == 1 and b == 2) and c == 3', '(a == 1 and b == 2) and c == 3'],
    ['((a == 1))', 'a == 1'],
    ['not (a == 1)', 'not a == 1'],
    ['not (a == 1 or b == 2)', 'not (a == 1 or b == 2)'],
    ['not not a exists', 'not not a exists'],
    ["lower(x)   in ['a',\"b\" , ]", 'lower(x) in ["a", "b"]'],
    ['x in []', 'x in []'],
    ['x like "a\\\\*"', 'x like "a\\\\*"'],
    ["s == 'it''s'".replace("''", "\\'"), 's == "it\'s"'],
    ['s == "tab\\there\\nnew \\u{7}"', 's == "tab\\there\\nnew \\u{7}"'],
    ['`c-uri` == "x"', 'c-uri == "x"'],
    ['`Event ID` == 4688', '`Event ID` == 4688'],
    ['`and` exists', '`and` exists'],
    ['`a\\`b\\\\c` exists', '`a\\`b\\\\c` exists'],
    ['order == 1 and notes exists', 'order == 1 and notes exists'],
    ['n >= -1.5e3', 'n >= -1500'],
    ['u matches /a\\/b\\.c/is', 'u matches /a\\/b\\.c/is'],
    ['ip cidr ["10.0.0.0/8", "::1/128"]', 'ip cidr ["10.0.0.0/8", "::1/128"]'],
  ])('%s prints as %s', (source, printed) => {
    expect(printMatch(parse(source))).toBe(printed);
  });
});

// parse(print(ast)) == ast for any tree the grammar can produce.
describe('parse(print(ast))', () => {
  it('gives back the same tree, spans aside', () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const printed = printMatch(ast);
        const reparsed = parseMatchText(printed, 'printed');
        expect(reparsed.diagnostics).toEqual([]);
        expect(withoutSpans(reparsed.ast)).toEqual(withoutSpans(ast));
      }),
      { numRuns: 500 },
    );
  });
});
