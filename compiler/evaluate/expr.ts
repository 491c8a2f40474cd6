// evaluateExpr: whether one event matches a match expression. This is the definition of the
// language's meaning (docs/language.md, "Semantics"); every target must agree with it.
//
// A comparison on a field is true when SOME value of the field satisfies it (multi-value
// fields), and false when the field has no value (missing, null or an empty array). `not`
// simply negates, so `not (f == "x")` is true for an event without f, and `f != "x"` (which
// lowers to exactly that) is too.

import { globMatches } from '../language/glob.ts';
import type { Cidr, Equals, Expr, Like, Range, Regex, TestEvent, Value } from '../ir.ts';
import { fieldValues } from './field-values.ts';
import { cidrContains, ipOf, parseCidr, sameAddress, type CidrBlock, type IpAddress } from '../language/ip.ts';
import { comparableText, numberOf, textOf } from '../language/values.ts';
import { linearRegexTest, type RegexTest } from '../language/regex-matcher.ts';

export function evaluateExpr(expr: Expr, event: TestEvent): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((operand) => evaluateExpr(operand, event));
    case 'or':
      return expr.operands.some((operand) => evaluateExpr(operand, event));
    case 'not':
      return !evaluateExpr(expr.operand, event);
    case 'exists':
      return fieldValues(event, expr.field.field.name).length > 0;
    case 'equals':
      if (expr.field.field.type === 'ip') return anyValue(expr, event, (value) => sameAddressAsAny(value, expr));
      return anyValue(expr, event, (value) => expr.values.some((wanted) => equals(value, wanted, expr.ignoreCase)));
    case 'range':
      return anyValue(expr, event, (value) => inRange(value, expr));
    case 'like':
      return anyValue(expr, event, (value) => like(value, expr));
    case 'regex':
      return anyValue(expr, event, (value) => regex(value, expr));
    case 'cidr':
      return anyValue(expr, event, (value) => cidr(value, expr));
  }
}

function anyValue(expr: Equals | Range | Like | Regex | Cidr, event: TestEvent, test: (value: unknown) => boolean): boolean {
  return fieldValues(event, expr.field.field.name).some(test);
}

function equals(value: unknown, wanted: Value, ignoreCase: boolean): boolean {
  if (wanted.kind === 'number') return numberOf(value) === wanted.value;
  const expected = wanted.kind === 'boolean' ? (wanted.value ? 'true' : 'false') : wanted.value;
  return comparableText(value, ignoreCase) === expected;
}

function inRange(value: unknown, expr: Range): boolean {
  const n = numberOf(value);
  if (n === undefined) return false;
  const bound = expr.value.value;
  switch (expr.op) {
    case '<':
      return n < bound;
    case '<=':
      return n <= bound;
    case '>':
      return n > bound;
    case '>=':
      return n >= bound;
  }
}

// Compiled regexes and blocks, kept per IR node so that evaluating many events is cheap.
const regexCache = new WeakMap<Regex, RegexTest | null>();
const cidrCache = new WeakMap<Cidr, CidrBlock[]>();

function like(value: unknown, expr: Like): boolean {
  const text = comparableText(value, expr.ignoreCase);
  if (text === undefined) return false;
  return expr.patterns.some((glob) => globMatches(glob, text));
}

function regex(value: unknown, expr: Regex): boolean {
  const text = textOf(value);
  if (text === undefined) return false;
  let compiled = regexCache.get(expr);
  if (compiled === undefined) {
    compiled = compileRegex(expr.pattern, expr.flags);
    regexCache.set(expr, compiled);
  }
  // An invalid pattern is a check's error; here it simply matches nothing.
  return compiled !== null && compiled(text);
}

/**
 * The linear-time matcher for every portable pattern, so that no regex and no event can make the
 * evaluator backtrack; JavaScript's own RegExp (same meaning) only for what the matcher does not
 * compile — patterns too large to expand — which `detc test`'s time limit bounds.
 */
function compileRegex(pattern: string, flags: string): RegexTest | null {
  const linear = linearRegexTest(pattern, flags);
  if (linear) return linear;
  try {
    const native = new RegExp(pattern, flags);
    return (text) => native.test(text);
  } catch {
    return null;
  }
}

function cidr(value: unknown, expr: Cidr): boolean {
  const address = ipOf(value);
  if (!address) return false;
  let blocks = cidrCache.get(expr);
  if (!blocks) {
    blocks = expr.blocks.map((b) => parseCidr(b.value)).filter((b): b is CidrBlock => b !== undefined);
    cidrCache.set(expr, blocks);
  }
  return blocks.some((block) => cidrContains(block, address));
}

// The addresses of an ip equality, kept per IR node like the caches above.
const addressCache = new WeakMap<Equals, IpAddress[]>();

/**
 * `==`/`in` on an ip field compares addresses, as Elasticsearch's ip type does: 10.1.2.3 equals
 * ::ffff:10.1.2.3 and ::FFFF:A01:203. A value that is not an address (compiler/language/ip.ts)
 * equals nothing, on either side.
 */
function sameAddressAsAny(value: unknown, expr: Equals): boolean {
  const address = ipOf(value);
  if (!address) return false;
  let wanted = addressCache.get(expr);
  if (!wanted) {
    wanted = expr.values.map((v) => ipOf(v.value)).filter((a): a is IpAddress => a !== undefined);
    addressCache.set(expr, wanted);
  }
  return wanted.some((w) => sameAddress(w, address));
}
