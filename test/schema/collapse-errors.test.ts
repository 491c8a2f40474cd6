import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { collapseErrors } from '../../compiler/schema/collapse-errors.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });

function collapsed(schema: object, data: unknown) {
  const validate = ajv.compile(schema);
  expect(validate(data)).toBe(false);
  return collapseErrors(validate.errors ?? []).map(({ error, alternative }) => [
    error.instancePath,
    error.keyword,
    alternative?.keyword ?? null,
  ]);
}

const twoForms = {
  type: 'object',
  properties: {
    size: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['bytes'], properties: { bytes: { type: 'integer' } } },
        {
          type: 'object',
          additionalProperties: false,
          required: ['width', 'height'],
          properties: { width: { type: 'integer' }, height: { type: 'integer' } },
        },
      ],
    },
  },
};

describe('collapseErrors', () => {
  it('keeps only the closest branch of a oneOf, marking where it came from', () => {
    expect(collapsed(twoForms, { size: { width: 1 } })).toEqual([['/size', 'required', 'oneOf']]);
    expect(collapsed(twoForms, { size: { bytes: 'x' } })).toEqual([['/size/bytes', 'type', 'oneOf']]);
  });

  it('prefers a branch with several small errors over one of the wrong type', () => {
    const schema = { oneOf: [{ type: 'string' }, { type: 'object', required: ['a', 'b'] }] };
    expect(collapsed(schema, {})).toEqual([
      ['', 'required', 'oneOf'],
      ['', 'required', 'oneOf'],
    ]);
  });

  it('keeps the oneOf error itself when several branches match', () => {
    const schema = { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 5 }] };
    expect(collapsed(schema, 7)).toEqual([['', 'oneOf', null]]);
  });

  it('drops the if summary and keeps what then/else found', () => {
    const schema = {
      type: 'object',
      if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
      then: { required: ['a'] },
      else: { properties: { a: false } },
    };
    expect(collapsed(schema, { kind: 'a' })).toEqual([['', 'required', null]]);
    expect(collapsed(schema, { kind: 'b', a: 1 })).toEqual([['/a', 'false schema', null]]);
  });

  it('leaves errors outside any oneOf alone', () => {
    expect(collapsed({ type: 'object', required: ['x', 'y'] }, {})).toEqual([
      ['', 'required', null],
      ['', 'required', null],
    ]);
  });
});
