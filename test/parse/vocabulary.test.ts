// compiler/language/keywords.ts is the one list of the language's operators: the grammar parses
// each of them into the comparison shape ast.ts declares for it, and accepts lower() with exactly
// the operators LOWER_OPERATORS names.

import { describe, expect, it } from 'vitest';
import type { AstComparison } from '../../compiler/language/ast.ts';
import { COMPARISON_OPERATORS, LOWER_OPERATORS, type ComparisonOperator } from '../../compiler/language/keywords.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';

/** A value each operator takes, and the value kind the AST holds for it. */
const SAMPLE: Readonly<Record<ComparisonOperator, readonly [string, string | undefined]>> = {
  '==': ['"x"', 'string'],
  '!=': ['3', 'number'],
  '<': ['1', 'number'],
  '<=': ['1.5', 'number'],
  '>': ['-2', 'number'],
  '>=': ['1e3', 'number'],
  in: ['["x", 1, true]', 'list'],
  like: ['"a*"', 'string'],
  startswith: ['["a", "b"]', 'list'],
  endswith: ['"z"', 'string'],
  contains: ['"m"', 'string'],
  matches: ['/x+/i', 'regex'],
  cidr: ['"10.0.0.0/8"', 'string'],
  exists: ['', undefined],
};

function comparison(text: string): AstComparison | string {
  const { ast, diagnostics } = parseMatchText(text, 'rule.yml');
  if (!ast) return diagnostics.map((d) => d.message).join('\n');
  if (ast.kind !== 'comparison') throw new Error(`not a comparison: ${text}`);
  return ast;
}

describe('the operators of keywords.ts', () => {
  it('are every operator the language has, each once', () => {
    expect(new Set(COMPARISON_OPERATORS).size).toBe(COMPARISON_OPERATORS.length);
    expect(Object.keys(SAMPLE).sort()).toEqual([...COMPARISON_OPERATORS].sort());
  });

  it.each(COMPARISON_OPERATORS)('%s parses into its own comparison shape', (op) => {
    const [value, kind] = SAMPLE[op];
    const parsed = comparison(`f ${op} ${value}`);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect([parsed.op, parsed.value?.kind, parsed.lower]).toEqual([op, kind, false]);
  });

  it.each(COMPARISON_OPERATORS)('lower() with %s is accepted exactly when LOWER_OPERATORS lists it', (op) => {
    const parsed = comparison(`lower(f) ${op} ${SAMPLE[op][0]}`);
    if ((LOWER_OPERATORS as readonly string[]).includes(op)) {
      expect(typeof parsed !== 'string' && parsed.lower).toBe(true);
    } else {
      expect(parsed).toMatch(`lower() cannot be used with "${op}": it applies to ==, !=, in, like, startswith, endswith and contains;`);
    }
  });
});
