import { describe, expect, it } from 'vitest';
import type { Expr } from '../../compiler/ir.ts';
import { lowerExpr } from '../../compiler/lower/lower-expr.ts';
import type { AstExpr } from '../../compiler/language/ast.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { withoutSpans } from '../parse/ast-helpers.ts';
import { anyField } from './fixtures.ts';

function lower(text: string): Expr {
  const parsed = parseMatchText(text, 'rule.yml');
  expect(parsed.diagnostics).toEqual([]);
  return lowerExpr(parsed.ast as AstExpr, anyField);
}

/** The lowered tree without spans, with each field reference reduced to its name. */
function shape(expr: Expr): unknown {
  return JSON.parse(
    JSON.stringify(withoutSpans(expr), (key, value) => (key === 'field' && value?.kind === 'field-ref' ? value.field.name : value)),
  );
}

describe('lowerExpr', () => {
  it.each<[string, unknown]>([
    ['a == "x"', { kind: 'equals', field: 'a', values: [{ kind: 'string', value: 'x' }], ignoreCase: false, written: '==' }],
    [
      'a != 1',
      { kind: 'not', operand: { kind: 'equals', field: 'a', values: [{ kind: 'number', value: 1 }], ignoreCase: false, written: '==' } },
    ],
    [
      'lower(a) in ["x", true]',
      {
        kind: 'equals',
        field: 'a',
        values: [{ kind: 'string', value: 'x' }, { kind: 'boolean', value: true }],
        ignoreCase: true,
        written: 'in',
      },
    ],
    ['n >= 10', { kind: 'range', field: 'n', op: '>=', value: { kind: 'number', value: 10 } }],
    [
      'a like ["x*", "y?"]',
      {
        kind: 'like',
        field: 'a',
        patterns: [
          { kind: 'glob', parts: [{ kind: 'text', text: 'x' }, { kind: 'any-string' }] },
          { kind: 'glob', parts: [{ kind: 'text', text: 'y' }, { kind: 'any-char' }] },
        ],
        ignoreCase: false,
        written: 'like',
      },
    ],
    [
      'lower(a) contains "*"',
      {
        kind: 'like',
        field: 'a',
        patterns: [{ kind: 'glob', parts: [{ kind: 'any-string' }, { kind: 'text', text: '*' }, { kind: 'any-string' }] }],
        ignoreCase: true,
        written: 'contains',
      },
    ],
    [
      'a startswith "p" or a endswith "s"',
      {
        kind: 'or',
        operands: [
          { kind: 'like', field: 'a', patterns: [{ kind: 'glob', parts: [{ kind: 'text', text: 'p' }, { kind: 'any-string' }] }], ignoreCase: false, written: 'startswith' },
          { kind: 'like', field: 'a', patterns: [{ kind: 'glob', parts: [{ kind: 'any-string' }, { kind: 'text', text: 's' }] }], ignoreCase: false, written: 'endswith' },
        ],
      },
    ],
    ['a matches /x\\/y/is', { kind: 'regex', field: 'a', pattern: 'x/y', flags: 'is' }],
    ['ip cidr ["10.0.0.0/8"]', { kind: 'cidr', field: 'ip', blocks: [{ kind: 'string', value: '10.0.0.0/8' }] }],
    ['a exists', { kind: 'exists', field: 'a' }],
  ])('%s', (source, expected) => {
    expect(shape(lower(source))).toEqual(expected);
  });

  it('flattens nested and/or but keeps alternation of kinds', () => {
    const expr = lower('a exists and (b exists and (c exists or (d exists or e exists)))');
    expect(expr.kind).toBe('and');
    if (expr.kind !== 'and') return;
    expect(expr.operands.map((o) => o.kind)).toEqual(['exists', 'exists', 'or']);
    const or = expr.operands[2];
    expect(or?.kind === 'or' && or.operands.map((o) => o.kind)).toEqual(['exists', 'exists', 'exists']);
  });

  it('keeps `not` around a flattened group and the spans of the source', () => {
    const expr = lower('not (a exists and (b exists and c exists))');
    expect(expr.kind).toBe('not');
    if (expr.kind !== 'not') return;
    expect(expr.operand.kind === 'and' && expr.operand.operands.length).toBe(3);
    expect(expr.span.start.column).toBe(1);
    expect(expr.operand.span.start.column).toBe(6);
  });

  it('resolves every field through the resolver', () => {
    const seen: string[] = [];
    lowerExpr(parseMatchText('a exists or `b c` == 1 and not lower(d.e) == "x"', 'f').ast as AstExpr, (name) => {
      seen.push(name);
      return anyField(name);
    });
    expect(seen).toEqual(['a', 'b c', 'd.e']);
  });

  it('gives field references and values their source spans', () => {
    const expr = lower('x == 1 and\n  yy != "v"');
    if (expr.kind !== 'and') throw new Error('expected and');
    const second = expr.operands[1];
    if (second?.kind !== 'not' || second.operand.kind !== 'equals') throw new Error('expected not equals');
    expect(second.operand.field.span.start).toEqual({ line: 2, column: 3, offset: 13 });
    expect(second.operand.values[0]?.span.start).toEqual({ line: 2, column: 9, offset: 19 });
    expect(second.span.end).toEqual({ line: 2, column: 12, offset: 22 });
  });
});
