// A test event's values should be values the field can hold, or the test proves nothing about
// production events: a number field holding "many" never satisfies `>=`, an ip field holding
// "localhost" is in no CIDR block, and an array in a single-valued field is an event the data
// source never produces. Comparisons follow the evaluator (compiler/language/values.ts): numbers
// and booleans have text, and a decimal string is a number.

import { quote } from '../quote.ts';
import { error, warning } from '../diagnostics.ts';
import { readIp } from '../language/ip.ts';
import { numberOf } from '../language/values.ts';
import type { FieldSource } from '../load/source-types.ts';
import type { Check } from './check.ts';
import { fieldsOf } from './support/data-source-fields.ts';
import { written } from './support/rule-variants.ts';
import { eventKeys, isPlainObject } from './support/test-event-keys.ts';

export const testEventValues: Check = {
  name: 'test-event-values',
  codes: ['test/value-type', 'test/single-value-field'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const fields = fieldsOf(ctx, rule);
      if (!fields) continue;
      for (const { value: tests, path } of written(rule, (v) => v.tests)) {
        tests.forEach((test, t) => {
          for (const list of ['events', 'history'] as const) {
            (test[list] ?? []).forEach((event, e) => {
              for (const key of eventKeys(event, (name) => fields.has(name))) {
                const field = key.known ? fields.get(key.name) : undefined;
                if (!field) continue;
                const at = [...path, t, list, e, ...key.path];
                if (Array.isArray(key.value) && !field.multi_value) {
                  ctx.report(
                    warning(
                      'test/single-value-field',
                      rule.doc.spanAt(at),
                      `"${key.name}" holds one value per event (the data source does not mark it multi_value), so a list here describes an event that never occurs. Write a single value, or one event per value.`,
                    ),
                  );
                }
                const values: unknown[] = Array.isArray(key.value) ? key.value : [key.value];
                values.forEach((value, i) => {
                  const problem = valueProblem(value, field);
                  if (!problem) return;
                  const span = rule.doc.spanAt(Array.isArray(key.value) ? [...at, i] : at);
                  ctx.report(error('test/value-type', span, `"${key.name}" is a ${field.type} field, but this test value ${problem}`));
                });
              }
            });
          }
        });
      }
    }
  },
};

/**
 * Why `value` cannot be a value of `field`, completing "this test value …", or undefined. Exported
 * for the targets' property tests: an event the targets would read differently (Elasticsearch
 * refuses to index it) must be one this check refuses.
 */
export function valueProblem(value: unknown, field: Pick<FieldSource, 'type'>): string | undefined {
  if (value === null || value === undefined) return undefined; // a missing value
  if (isPlainObject(value) || Array.isArray(value)) return 'is an object or a nested list, which matches nothing. Write a plain value.';
  switch (field.type) {
    case 'number':
      return numberOf(value) !== undefined
        ? undefined
        : `${quote(value)} is not a number. Write a number such as 200.`;
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? undefined
        : `${quote(value)} is not a boolean. Write true or false.`;
    case 'ip': {
      if (typeof value !== 'string') return `${quote(value)} is not an IP address. Write an IPv4 or IPv6 address in quotes, such as "10.0.0.1".`;
      const reading = readIp(value);
      return reading.ok ? undefined : `${quote(value)} is not an IP address: ${reading.reason}.`;
    }
    case 'keyword':
    case 'text':
    case 'date':
      return undefined;
  }
}
