// Builds IR expressions from match-language text for evaluator tests.
import { expect } from 'vitest';
import type { Expr } from '../../compiler/ir.ts';
import { lowerExpr } from '../../compiler/lower/lower-expr.ts';
import type { AstExpr } from '../../compiler/language/ast.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { anyField } from '../lower-expr/fixtures.ts';

export function expr(text: string): Expr {
  const parsed = parseMatchText(text, 'rule.yml');
  expect(parsed.diagnostics).toEqual([]);
  return lowerExpr(parsed.ast as AstExpr, anyField);
}
