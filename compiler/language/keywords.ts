// The reserved words of the match language. A bare field name cannot be one of them (write it in
// backticks instead). match.peggy keeps its own copy (a generated parser cannot import);
// test/parse/parse-match.test.ts checks that both agree.
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
