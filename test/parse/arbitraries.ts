// fast-check arbitraries for match-expression syntax trees (with placeholder spans): every
// shape the grammar can produce, with awkward names, strings, numbers and regexes.
import fc from 'fast-check';
import type { AstComparison, AstExpr, AstList, AstLiteral, ComparisonOp } from '../../compiler/language/ast.ts';
import { NO_SPAN } from './ast-helpers.ts';

const LOWER_OPS: readonly ComparisonOp[] = ['==', '!=', 'in', 'like', 'startswith', 'endswith', 'contains'];

const fieldName = fc.oneof(
  fc.constantFrom('a', 'process.name', 'order', 'notes', 'c-uri', '_x', 'and', 'lower', 'true', 'a.and', 'Hashes', 'Event ID'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\n')),
);

const text = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.array(fc.constantFrom('"', "'", '\\', '\n', '\r', '\t', '*', '?', '`', '|', '(', ')', '<b>', '\u0000', '\u2028', 'é', '😀'), {
    maxLength: 6,
  }).map((parts) => parts.join('')),
);

const number = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })).filter((n) => !Object.is(n, -0));

const stringLiteral = text.map((value): AstLiteral => ({ kind: 'string', value, span: NO_SPAN }));
const numberLiteral = number.map((value): AstLiteral => ({ kind: 'number', value, span: NO_SPAN }));
const booleanLiteral = fc.boolean().map((value): AstLiteral => ({ kind: 'boolean', value, span: NO_SPAN }));
const literal = fc.oneof(stringLiteral, numberLiteral, booleanLiteral);
const listOf = (item: fc.Arbitrary<AstLiteral>) =>
  fc.array(item, { maxLength: 3 }).map((items): AstList => ({ kind: 'list', items, span: NO_SPAN }));

const regex = fc
  .record({
    pattern: fc
      .array(fc.constantFrom('a', 'Z', '.', '*', '/', '\\d', '\\.', '\\\\', '[a-z]', '(x|y)', '^', '$', ' '), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('')),
    flags: fc.subarray(['i', 'm', 's']).chain((flags) => fc.shuffledSubarray(flags, { minLength: flags.length })).map((f) => f.join('')),
  })
  .map(({ pattern, flags }) => ({ kind: 'regex' as const, pattern, flags, span: NO_SPAN }));

const comparison: fc.Arbitrary<AstComparison> = fc
  .record({ field: fieldName, lower: fc.boolean(), pick: fc.nat() })
  .chain(({ field, lower, pick }) => {
    const fieldNode = { kind: 'field-name' as const, name: field, span: NO_SPAN };
    const make = (op: ComparisonOp, value?: AstComparison['value']): AstComparison => ({
      kind: 'comparison',
      op,
      field: fieldNode,
      lower: lower && LOWER_OPS.includes(op),
      ...(value ? { value } : {}),
      span: NO_SPAN,
    });
    const choices: fc.Arbitrary<AstComparison>[] = [
      fc.tuple(fc.constantFrom<ComparisonOp>('==', '!='), literal).map(([op, v]) => make(op, v)),
      fc.tuple(fc.constantFrom<ComparisonOp>('<', '<=', '>', '>='), numberLiteral).map(([op, v]) => make(op, v)),
      listOf(literal).map((v) => make('in', v)),
      fc
        .tuple(fc.constantFrom<ComparisonOp>('like', 'startswith', 'endswith', 'contains', 'cidr'), fc.oneof(stringLiteral, listOf(stringLiteral)))
        .map(([op, v]) => make(op, v)),
      regex.map((v) => make('matches', v)),
      fc.constant(make('exists')),
    ];
    return choices[pick % choices.length] as fc.Arbitrary<AstComparison>;
  });

export const { expr } = fc.letrec<{ expr: AstExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    tie('expr').map((operand): AstExpr => ({ kind: 'not', operand, span: NO_SPAN })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((operands): AstExpr => ({ kind: 'and', operands, span: NO_SPAN })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((operands): AstExpr => ({ kind: 'or', operands, span: NO_SPAN })),
  ),
}));

