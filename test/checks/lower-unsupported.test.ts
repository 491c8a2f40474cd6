import { describe, expect, it } from 'vitest';
import { lowerUnsupported } from '../../compiler/checks/lower-unsupported.ts';
import type { AstComparison } from '../../compiler/language/ast.ts';
import { buildContext, runCheck } from './support.ts';

// The grammar refuses lower() with these operators, so a parsed rule never has one; the check
// guards syntax trees built any other way (importers, future grammar changes). We build the
// tree by hand from a parsed one.
function withLower(op: AstComparison['op'], value?: AstComparison['value']) {
  const { ctx, diagnostics } = buildContext({ rules: 'detection:\n  type: query\n  match: response_code exists\n' });
  const parsed = ctx.rules[0]!.matches[0]!;
  const comparison = parsed.ast as AstComparison;
  const ast: AstComparison = { ...comparison, op, lower: true, ...(value ? { value } : {}) };
  const rule = { ...ctx.rules[0]!, matches: [{ path: parsed.path, ast }] };
  lowerUnsupported.run({ ...ctx, rules: [rule], report: (d) => diagnostics.push(d) });
  return diagnostics;
}

describe('lower-unsupported (match/lower-unsupported)', () => {
  it('valid: lower() with the text comparisons', () => {
    const rules = 'detection:\n  type: query\n  match: lower(verb) == "a" and lower(verb) in ["b"] and lower(verb) like "c*" and lower(verb) != "d"\n';
    expect(runCheck(lowerUnsupported, { rules })).toEqual([]);
  });

  it.each([
    ['exists', undefined, 'without lower()'],
    ['matches', { kind: 'regex', pattern: 'a', flags: '', span: undefined as never }, 'the regex flag i'],
    ['cidr', { kind: 'string', value: '10.0.0.0/8', span: undefined as never }, 'without lower()'],
    ['>=', { kind: 'number', value: 3, span: undefined as never }, 'without lower()'],
  ] as const)('invalid: lower() with %s', (op, value, fix) => {
    const found = withLower(op, value);
    expect(found.map((d) => [d.code, d.severity, d.span.start.line, d.span.start.column])).toEqual([['match/lower-unsupported', 'error', 3, 10]]);
    expect(found[0]!.message).toContain(fix);
  });
});
