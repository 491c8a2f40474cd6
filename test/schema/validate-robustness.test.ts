// Bad input never throws: whatever a YAML file holds, schema validation returns diagnostics with
// a stable code and a span inside the file.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import {
  validateConfigDocument,
  validateDataSourceDocument,
  validateRuleDocument,
} from '../../compiler/schema/validate-schema.ts';

const validRule = SourceDocument.parse(
  'v.yml',
  readFileSync(new URL('../fixtures/schema/valid-rule.yml', import.meta.url), 'utf8'),
).document!.data as Record<string, unknown>;

function checkAll(data: unknown): void {
  const text = stringify(data);
  const { document } = SourceDocument.parse('r.yml', text);
  if (!document) return; // not every value stringifies to a single parsable document
  for (const validate of [validateRuleDocument, validateDataSourceDocument, validateConfigDocument]) {
    for (const d of validate(document)) {
      expect(d.code).toMatch(/^schema\/[a-z]+(-[a-z]+)*$/);
      expect(d.span.file).toBe('r.yml');
      expect(d.span.start.offset).toBeGreaterThanOrEqual(0);
      expect(d.span.end.offset).toBeLessThanOrEqual(text.length);
      expect(d.message).not.toMatch(/must match|must NOT|must have required|must be equal/);
    }
  }
}

describe('schema validation of arbitrary input', () => {
  it('never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), checkAll), { numRuns: 300 });
  });

  it('never throws when keys of a valid rule are replaced, removed or added', () => {
    const keys = Object.keys(validRule);
    const mutation = fc.record({
      replace: fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
      remove: fc.subarray(keys, { maxLength: 4 }),
      add: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
    });
    fc.assert(
      fc.property(mutation, ({ replace, remove, add }) => {
        const rule: Record<string, unknown> = { ...add, ...validRule, ...replace };
        for (const key of remove) delete rule[key];
        checkAll(rule);
      }),
      { numRuns: 300 },
    );
  });
});
