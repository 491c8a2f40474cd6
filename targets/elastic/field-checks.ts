// Checks shared by the KQL and Lucene translations: which comparisons a field type supports
// faithfully in Elasticsearch, and which values Elasticsearch would reject or coerce.

import { isIP } from 'node:net';
import { error, type Diagnostic } from '../../compiler/diagnostics.ts';
import type { Field, Span, Value } from '../../compiler/ir.ts';

const TYPE_ADVICE: Record<string, string> = {
  text: 'a text field is analysed (split into words), so the query would match words or phrases, not the whole value; map the rule to a keyword field (often the `.keyword` sub-field) in the data source',
  date: 'Elasticsearch compares dates as dates with time zones, which the match language does not define; compare a keyword or number field instead',
  keyword: 'use a comparison that fits a keyword field',
  number: 'use ==, in or an ordering comparison on a number field',
  ip: 'use ==, in or cidr on an ip field',
  boolean: 'use == true or == false on a boolean field',
};

export function checkFieldType(field: Field, allowed: readonly string[], op: string, span: Span, out: Diagnostic[]): boolean {
  if (allowed.includes(field.type)) return true;
  out.push(
    error(
      field.type === 'text' ? 'elastic/text-field-unsupported' : 'elastic/field-type-unsupported',
      span,
      `"${op}" on the ${field.type} field "${field.name}" has no faithful Elasticsearch query: ${TYPE_ADVICE[field.type] ?? 'use another comparison'}.`,
    ),
  );
  return false;
}

/** The value has the field's type (and an ip field's value is an address). */
export function checkValue(field: Field, value: Value, out: Diagnostic[]): boolean {
  const expected = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';
  if (value.kind !== expected) {
    out.push(
      error(
        'elastic/value-type-mismatch',
        value.span,
        `field "${field.name}" is a ${field.type} field but this value is a ${value.kind}; Elasticsearch would coerce it and match differently. Write a ${expected} value.`,
      ),
    );
    return false;
  }
  if (field.type === 'ip' && value.kind === 'string' && isIP(value.value) === 0) {
    out.push(error('elastic/invalid-ip', value.span, `"${value.value}" is not an IP address, and ${field.name} is an ip field; Elasticsearch would reject the query. Write an IPv4 or IPv6 address, or use "cidr" for a block.`));
    return false;
  }
  return true;
}

export function checkCidr(block: { value: string; span: Span }, out: Diagnostic[]): boolean {
  if (isCidr(block.value)) return true;
  out.push(error('elastic/invalid-cidr', block.span, `"${block.value}" is not a CIDR block; write an address and a prefix length such as "10.0.0.0/8" or "fe80::/10".`));
  return false;
}

function isCidr(text: string): boolean {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return false;
  const version = isIP(text.slice(0, slash));
  const prefix = text.slice(slash + 1);
  if (version === 0 || !/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

export function regexRefusal(field: Field, pattern: string, span: Span): Diagnostic {
  return error(
    'elastic/regex-unsupported',
    span,
    `"${field.name} matches /${pattern}/" cannot be compiled for Elastic: KQL has no regular expressions, and the rule cannot be Lucene either ` +
      '(the pattern is outside the portable regex flavour of docs/language.md, or another part of the rule has no Lucene form); ' +
      'keep the regex to that flavour, or write it with like/startswith/endswith/contains or "in".',
  );
}
