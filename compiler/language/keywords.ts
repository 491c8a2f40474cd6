// The vocabulary of the match language: its reserved words and its comparison operators, grouped
// by what they compare. This is the one definition: the grammar imports it (match.peggy's top
// initializer), the AST types are derived from it (ast.ts), and the printer, the syntax messages
// and the checks read it.

/** Words a bare field name cannot be (write it in backticks instead). */
export const MATCH_KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'like',
  'startswith',
  'endswith',
  'contains',
  'matches',
  'cidr',
  'exists',
  'true',
  'false',
  'lower',
]);

/** `f == v`, `f != v`: one value of any type. */
export const EQUALITY_OPERATORS = ['==', '!='] as const;
/** `f < 3` …: a number. */
export const ORDERING_OPERATORS = ['<', '<=', '>', '>='] as const;
/** `f like "a*"` …: a string or a list of strings. */
export const TEXT_OPERATORS = ['like', 'startswith', 'endswith', 'contains'] as const;

export type EqualityOperator = (typeof EQUALITY_OPERATORS)[number];
export type OrderingOperator = (typeof ORDERING_OPERATORS)[number];
export type TextOperator = (typeof TEXT_OPERATORS)[number];

/** Every comparison operator, in the order messages list them. */
export const COMPARISON_OPERATORS = [
  ...EQUALITY_OPERATORS,
  ...ORDERING_OPERATORS,
  'in',
  ...TEXT_OPERATORS,
  'matches',
  'cidr',
  'exists',
] as const;

export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/**
 * The operators that accept `lower(field)`: the text comparisons. Regexes have the `i` flag
 * instead; numbers, addresses and existence have no case.
 */
export const LOWER_OPERATORS = [...EQUALITY_OPERATORS, 'in', ...TEXT_OPERATORS] as const;

export type LowerOperator = (typeof LOWER_OPERATORS)[number];
