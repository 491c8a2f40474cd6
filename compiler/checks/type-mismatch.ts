// A comparison must suit its field's type: numbers compare with numbers, booleans with true or
// false, text operators apply to text fields, `cidr` to IP fields. A mismatch can never select
// the events the author means (and the targets would each fail differently), so it is an error.

import { quote } from '../quote.ts';
import { error, type Span } from '../diagnostics.ts';
import { readIp } from '../language/ip.ts';
import type { FieldSource } from '../load/source-types.ts';
import type { AstComparison, AstLiteral } from '../language/ast.ts';
import type { Check } from './check.ts';
import type { CheckContext } from './context.ts';
import { comparisons, describeComparison, literals } from './support/ast-walk.ts';
import { fieldsOf, isTextField } from './support/data-source-fields.ts';

const CODE = 'match/type-mismatch';

export const typeMismatch: Check = {
  name: 'type-mismatch',
  codes: [CODE],
  run(ctx) {
    for (const rule of ctx.rules) {
      const fields = fieldsOf(ctx, rule);
      if (!fields) continue;
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          const field = fields.get(comparison.field.name);
          if (field) check(comparison, field, ctx.report);
        }
      }
    }
  },
};

function check(comparison: AstComparison, field: FieldSource, report: CheckContext['report']): void {
  const name = comparison.field.name;
  const fieldIs = `"${name}" is a ${field.type} field`;
  const fail = (span: Span, message: string) => report(error(CODE, span, message));

  if (comparison.lower && !isTextField(field)) {
    fail(comparison.field.span, `${fieldIs}: lower() applies to keyword and text fields only. Compare "${name}" without lower().`);
    return;
  }

  switch (comparison.op) {
    case '==':
    case '!=':
    case 'in':
      for (const literal of literals(comparison)) {
        const problem = equalityProblem(literal, field);
        if (problem) fail(literal.span, `${fieldIs}, so ${describeComparison(comparison)} ${problem}`);
      }
      return;
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (field.type !== 'number') {
        const instead = field.type === 'ip' ? 'cidr for a range of addresses' : '==, in or a text operator';
        fail(comparison.span, `${fieldIs}: ordering comparisons (${comparison.op}) work on number fields only. Use ${instead} instead.`);
      }
      return;
    case 'like':
    case 'startswith':
    case 'endswith':
    case 'contains':
    case 'matches':
      if (field.type === 'ip') {
        // An ip field holds addresses, not text: Elasticsearch has no wildcard, prefix or regex
        // query on ip fields, and two spellings of one address (10.1.2.3, ::ffff:10.1.2.3) are equal.
        fail(comparison.span, `${fieldIs}, which holds addresses, not text: "${comparison.op}" works on keyword and text fields only. Use cidr for a range of addresses (e.g. ${name} cidr "10.0.0.0/8"), or == / in for whole addresses.`);
        return;
      }
      if (!isTextField(field)) {
        const instead = field.type === 'number' ? '==, in, <, <=, > or >=' : '== or in';
        fail(comparison.span, `${fieldIs}: "${comparison.op}" works on keyword and text fields only. Use ${instead} instead.`);
        return;
      }
      for (const literal of literals(comparison)) {
        if (literal.kind !== 'string') fail(literal.span, `"${comparison.op}" takes text: write ${quote(String(literal.value))} in quotes.`);
      }
      return;
    case 'cidr':
      if (field.type !== 'ip') {
        fail(comparison.span, `${fieldIs}: "cidr" works on ip fields only. Use a text operator, or map "${name}" as type ip in the data source.`);
      }
      return;
    case 'exists':
      return;
  }
}

/** Why `literal` can never equal a value of `field`, completing "… so f == ", or undefined. */
function equalityProblem(literal: AstLiteral, field: FieldSource): string | undefined {
  switch (field.type) {
    case 'number':
      return literal.kind === 'number'
        ? undefined
        : literal.kind === 'string' && literal.value.trim() !== '' && Number.isFinite(Number(literal.value))
          ? `needs a number: write ${literal.value.trim()} without quotes.`
          : `needs a number, not ${describe(literal)}.`;
    case 'boolean':
      return literal.kind === 'boolean'
        ? undefined
        : literal.kind === 'string' && (literal.value === 'true' || literal.value === 'false')
          ? `needs a boolean: write ${literal.value} without quotes.`
          : `needs true or false, not ${describe(literal)}.`;
    case 'ip':
      if (literal.kind !== 'string') return `needs an IP address in quotes, not ${describe(literal)}.`;
      if (literal.value.includes('/')) return `compares whole addresses: for the block "${literal.value}" use cidr instead.`;
      // The language's one reading of addresses (compiler/language/ip.ts): what passes here is
      // what the evaluator and every target compare as an address.
      return ipProblem(literal.value);
    case 'keyword':
    case 'text':
    case 'date':
      // A number or boolean compares with the value's text (3 matches "3"), as in every target.
      return undefined;
  }
}

function ipProblem(text: string): string | undefined {
  const reading = readIp(text);
  return reading.ok ? undefined : `needs an IP address, and ${quote(text)} is not one: ${reading.reason}.`;
}

function describe(literal: AstLiteral): string {
  return literal.kind === 'string' ? `the text ${quote(literal.value)}` : `the ${literal.kind} ${String(literal.value)}`;
}
