// Hand-built IR fields for tests of lowering and evaluation.
import type { Field, FieldType } from '../../compiler/ir.ts';
import { NO_SPAN } from '../parse/ast-helpers.ts';

export function field(name: string, type: FieldType = 'keyword', multiValue = false): Field {
  return {
    kind: 'field',
    name,
    type,
    multiValue,
    lowercase: false,
    description: '',
    splunk: name,
    elastic: name,
    span: NO_SPAN,
  };
}

/** Resolves any name to a keyword field of that name (numbers for `n`, ips for `ip`). */
export const anyField = (name: string): Field =>
  field(name, name === 'n' ? 'number' : name === 'ip' ? 'ip' : 'keyword');
