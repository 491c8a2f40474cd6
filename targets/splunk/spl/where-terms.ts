// Expr → an eval boolean expression for `| where`, exact for every construct.
//
// Two eval facts shape everything here:
// - A comparison involving a missing (null) field yields null, and `NOT null` is null, which
//   `where` treats as false. `not (f == "x")` must be true for an event without f, so every
//   leaf is written as a total boolean: `isnotnull(...)` around a function that yields null
//   exactly when nothing matches.
// - `f == "x"` on a multi-value field does not mean "some value is x". `mvfind(f, regex)`
//   returns the index of the first value matching the regex, or null (Splunk eval functions,
//   "Multivalue functions"), and `mvfilter(<predicate on f>)` keeps the values that pass, or
//   null when none does. Both treat a single-value field as a list of one.
// So: `isnotnull(mvfind('f', "^...\z"))` for text, `isnotnull(mvfilter(...))` for numbers and CIDR.
// (A JSON number or boolean is extracted as its text, so text comparisons see `42` and `true`.)
//
// Every AND/OR group is parenthesised and NOT always precedes a function call or a parenthesised
// group, so the text does not depend on eval's precedence (NOT, then AND, then OR: Search
// Manual, "Boolean expressions with logical operators").

import type { Diagnostic } from '../../../compiler/diagnostics.ts';
import { error } from '../../../compiler/diagnostics.ts';
import type { Cidr, Equals, Expr, FieldRef, Like, NumberValue, Range, Regex, Value } from '../../../compiler/ir.ts';
import { assertNever } from '../../../compiler/ir.ts';
import { addressBlocks, cidrmatchBlocks } from './cidr.ts';
import { anchoredAlternatives, escapeRegexText, globHasWildcards, globToRegex, translateRegex } from './regex.ts';
import { evalField, isEvalSafeFieldName, plainNumber, quoteString } from './strings.ts';

export function toWhere(expr: Expr, diagnostics: Diagnostic[]): string {
  switch (expr.kind) {
    case 'and':
      return `(${expr.operands.map((operand) => toWhere(operand, diagnostics)).join(' AND ')})`;
    case 'or':
      return `(${expr.operands.map((operand) => toWhere(operand, diagnostics)).join(' OR ')})`;
    case 'not':
      return `NOT ${toWhere(expr.operand, diagnostics)}`;
    case 'equals':
      return equalsToWhere(expr, diagnostics);
    case 'like':
      return likeToWhere(expr, diagnostics);
    case 'range':
      return rangeToWhere(expr, diagnostics);
    case 'regex':
      return regexToWhere(expr, diagnostics);
    case 'cidr':
      return cidrToWhere(expr, diagnostics);
    case 'exists':
      return `isnotnull(${field(expr.field, diagnostics)})`;
    default:
      return assertNever(expr, 'expression');
  }
}

function field(ref: FieldRef, diagnostics: Diagnostic[]): string {
  const name = ref.field.splunk;
  if (!isEvalSafeFieldName(name)) {
    diagnostics.push(
      error(
        'splunk/unsupported-field-name',
        ref.span,
        `The Splunk name of field "${ref.field.name}" is "${name}", which detc cannot quote safely in SPL. Use a native name made of letters, digits and "_", ".", "{", "}", "/", "-", "@", ":" in the data source's splunk mapping.`,
      ),
    );
  }
  return evalField(name);
}

function mvfind(ref: FieldRef, regex: string, diagnostics: Diagnostic[]): string {
  return `isnotnull(mvfind(${field(ref, diagnostics)}, ${quoteString(regex)}))`;
}

/** The text Splunk holds for a string or boolean: JSON booleans are extracted as `true`/`false`. */
function valueText(value: Exclude<Value, { kind: 'number' }>): string {
  return value.kind === 'string' ? value.value : String(value.value);
}

/**
 * The language compares numbers numerically, and only event values that are numbers in JSON
 * syntax count (`"5.0"` equals 5; `" 5"` and `"0x5"` are not numbers). So a numeric test keeps
 * the values that look like a JSON number and whose tonumber() passes.
 */
const JSON_NUMBER = '^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\z';

function numericTest(ref: FieldRef, comparison: (value: string) => string, diagnostics: Diagnostic[]): string {
  const name = field(ref, diagnostics);
  return `isnotnull(mvfilter(match(${name}, ${quoteString(JSON_NUMBER)}) AND ${comparison(`tonumber(${name})`)}))`;
}

function numberLiteral(value: NumberValue, diagnostics: Diagnostic[]): string {
  const number = plainNumber(value.value);
  if (number === undefined) {
    diagnostics.push(
      error('splunk/unsupported-number', value.span, `The number ${value.value} has no plain decimal form in SPL; write it without an exponent.`),
    );
  }
  return number ?? '0';
}

function equalsToWhere(expr: Equals, diagnostics: Diagnostic[]): string {
  if (expr.field.field.type === 'ip') return addressEqualsToWhere(expr, diagnostics);
  const tests: string[] = [];
  const texts = expr.values.filter((value) => value.kind !== 'number');
  const numbers = expr.values.filter((value) => value.kind === 'number');
  if (texts.length > 0) {
    const alternatives = texts.map((value) => escapeRegexText(valueText(value)));
    tests.push(mvfind(expr.field, anchoredAlternatives(alternatives, { ignoreCase: expr.ignoreCase, dotAll: false }), diagnostics));
  }
  if (numbers.length > 0) {
    const literals = numbers.map((value) => numberLiteral(value, diagnostics));
    tests.push(numericTest(expr.field, (n) => (literals.length === 1 ? `${n} == ${literals[0]}` : `(${literals.map((l) => `${n} == ${l}`).join(' OR ')})`), diagnostics));
  }
  return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}

function likeToWhere(expr: Like, diagnostics: Diagnostic[]): string {
  const alternatives = expr.patterns.map(globToRegex);
  const dotAll = expr.patterns.some(globHasWildcards); // `*` and `?` also match a newline
  return mvfind(expr.field, anchoredAlternatives(alternatives, { ignoreCase: expr.ignoreCase, dotAll }), diagnostics);
}

function rangeToWhere(expr: Range, diagnostics: Diagnostic[]): string {
  const literal = numberLiteral(expr.value, diagnostics);
  return numericTest(expr.field, (n) => `${n} ${expr.op} ${literal}`, diagnostics);
}

function regexToWhere(expr: Regex, diagnostics: Diagnostic[]): string {
  const translated = translateRegex(expr.pattern, expr.flags);
  if (!translated.ok) {
    diagnostics.push(
      error('splunk/unsupported-regex', expr.span, `This regex cannot be written for Splunk (PCRE) with the same meaning: ${translated.reason}.`),
    );
    return 'false()';
  }
  return mvfind(expr.field, translated.pcre, diagnostics);
}

function cidrToWhere(expr: Cidr, diagnostics: Diagnostic[]): string {
  const blocks = expr.blocks.flatMap((block) => {
    const written = cidrmatchBlocks(block.value);
    if (written === undefined) {
      diagnostics.push(error('splunk/invalid-cidr', block.span, `"${block.value}" is not a CIDR block or an IP address; write one such as 10.0.0.0/8 or 2001:db8::/32.`));
      return [];
    }
    return written;
  });
  return cidrmatchAny(expr.field, blocks, diagnostics);
}

/** `==`/`in` on an ip field compares addresses: 10.1.2.3 equals ::ffff:10.1.2.3 (cidr.ts). */
function addressEqualsToWhere(expr: Equals, diagnostics: Diagnostic[]): string {
  const blocks = expr.values.flatMap((value) => {
    const written = value.kind === 'string' ? addressBlocks(value.value) : undefined;
    if (written === undefined) {
      diagnostics.push(
        error('splunk/invalid-ip', value.span, `${JSON.stringify(value.value)} is not an IP address, and "${expr.field.field.name}" is an ip field; write an address such as 10.0.0.1 or 2001:db8::1.`),
      );
      return [];
    }
    return written;
  });
  return cidrmatchAny(expr.field, [...new Set(blocks)], diagnostics);
}

/** True when some value of the field lies in one of the blocks; never null (see the top). */
function cidrmatchAny(ref: FieldRef, blocks: readonly string[], diagnostics: Diagnostic[]): string {
  if (blocks.length === 0) return 'false()';
  const name = field(ref, diagnostics);
  const tests = blocks.map((block) => `cidrmatch(${quoteString(block)}, ${name})`);
  return `isnotnull(mvfilter(${tests.length === 1 ? tests[0] : tests.join(' OR ')}))`;
}
