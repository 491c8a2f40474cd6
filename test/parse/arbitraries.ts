// fast-check arbitraries for match-expression syntax trees (with placeholder spans): every
// shape the grammar can produce, with awkward names, strings, numbers and regexes.
import fc from 'fast-check';
import type { AstComparison, AstExpr, AstList, AstLiteral, AstNumber, AstString } from '../../compiler/language/ast.ts';
import { EQUALITY_OPERATORS, ORDERING_OPERATORS, TEXT_OPERATORS } from '../../compiler/language/keywords.ts';
import { NO_SPAN } from './ast-helpers.ts';

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

const stringLiteral = text.map((value): AstString => ({ kind: 'string', value, span: NO_SPAN }));
const numberLiteral = number.map((value): AstNumber => ({ kind: 'number', value, span: NO_SPAN }));
const booleanLiteral = fc.boolean().map((value): AstLiteral => ({ kind: 'boolean', value, span: NO_SPAN }));
const literal: fc.Arbitrary<AstLiteral> = fc.oneof(stringLiteral, numberLiteral, booleanLiteral);
const listOf = <Item extends AstLiteral>(item: fc.Arbitrary<Item>) =>
  fc.array(item, { maxLength: 3 }).map((items): AstList<Item> => ({ kind: 'list', items, span: NO_SPAN }));

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
    // Only the text comparisons can be written with lower(); the others are typed `lower: false`.
    const base = { kind: 'comparison' as const, field: { kind: 'field-name' as const, name: field, span: NO_SPAN }, span: NO_SPAN };
    const choices: fc.Arbitrary<AstComparison>[] = [
      fc.tuple(fc.constantFrom(...EQUALITY_OPERATORS), literal).map(([op, value]): AstComparison => ({ ...base, op, value, lower })),
      fc.tuple(fc.constantFrom(...ORDERING_OPERATORS), numberLiteral).map(([op, value]): AstComparison => ({ ...base, op, value, lower: false })),
      listOf(literal).map((value): AstComparison => ({ ...base, op: 'in', value, lower })),
      fc
        .tuple(fc.constantFrom(...TEXT_OPERATORS), fc.oneof(stringLiteral, listOf(stringLiteral)))
        .map(([op, value]): AstComparison => ({ ...base, op, value, lower })),
      fc.oneof(stringLiteral, listOf(stringLiteral)).map((value): AstComparison => ({ ...base, op: 'cidr', value, lower: false })),
      regex.map((value): AstComparison => ({ ...base, op: 'matches', value, lower: false })),
      fc.constant<AstComparison>({ ...base, op: 'exists', lower: false }),
    ];
    return choices[pick % choices.length]!;
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

