import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeExpr } from '../../compiler/evaluate.ts';
import { lowerExpr } from '../../compiler/lower/lower-expr.ts';
import type { AstExpr } from '../../compiler/language/ast.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { anyField } from '../lower-expr/fixtures.ts';
import { withoutSpans } from '../parse/ast-helpers.ts';
import { expr } from '../parse/arbitraries.ts';
import { expr as lowered } from './helpers.ts';

describe('describeExpr', () => {
  it.each([
    ['a != "x"', 'a != "x"'],
    ['not (a == "x")', 'not a == "x"'],
    ['lower(a) in ["x"]', 'lower(a) in ["x"]'],
    ['a like "x\\\\*y*"', 'a like "x\\\\*y*"'],
    ['a contains ["*", "b"]', 'a contains ["*", "b"]'],
    ['a exists and (b > 1 or c cidr "10.0.0.0/8")', 'a exists and (b > 1 or c cidr "10.0.0.0/8")'],
    ['a matches /x\\/y/i', 'a matches /x\\/y/i'],
  ])('%s reads %s', (source, text) => {
    expect(describeExpr(lowered(source))).toBe(text);
  });

  // Describing the IR gives match-language text that lowers back to the same IR.
  it('round-trips through the parser and lowering', () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const ir = lowerExpr(ast, anyField);
        const reparsed = parseMatchText(describeExpr(ir), 'described');
        expect(reparsed.diagnostics).toEqual([]);
        expect(withoutSpans(lowerExpr(reparsed.ast as AstExpr, anyField))).toEqual(withoutSpans(ir));
      }),
      { numRuns: 300 },
    );
  });
});
