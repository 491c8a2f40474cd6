// Checks shared by the KQL and Lucene translations: which comparisons a field type supports
// faithfully in Elasticsearch, and which values Elasticsearch would reject or coerce.

import { error, type Diagnostic } from '../../compiler/diagnostics.ts';
import type { Field, Span, Value } from '../../compiler/ir.ts';
import { asIpv6, formatCidr, formatIp, holdsOnlyIpv4, parseIp, readCidr, readIp } from '../../compiler/language/ip.ts';

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
  if (field.type === 'ip' && value.kind === 'string') {
    const reading = readIp(value.value);
    if (!reading.ok) {
      out.push(error('elastic/invalid-ip', value.span, `${JSON.stringify(value.value)} is not an IP address (${reading.reason}), and ${field.name} is an ip field. Write an IPv4 or IPv6 address, or use "cidr" for a block.`));
      return false;
    }
  }
  return true;
}

/**
 * An address already accepted by `checkValue`, in RFC 5952 text. Elasticsearch's ip term query
 * compares addresses (10.1.2.3 equals ::ffff:10.1.2.3), as the language does.
 */
export function addressText(text: string): string {
  const address = parseIp(text);
  return address ? formatIp(address) : text;
}

/**
 * A block as Elasticsearch's ip term query takes it, or undefined (with an error). Elasticsearch
 * refuses CIDR notation on an IPv4-mapped address (`::ffff:10.0.0.0/104`: "CIDR notation is not
 * allowed with IPv6-mapped IPv4 address"), so a block of IPv4 addresses is written as the IPv4
 * block (10.0.0.0/8), and every other block in IPv6 notation; host bits are cleared.
 */
export function cidrText(block: { value: string; span: Span }, out: Diagnostic[]): string | undefined {
  const reading = readCidr(block.value);
  if (!reading.ok) {
    out.push(error('elastic/invalid-cidr', block.span, `${JSON.stringify(block.value)} is not a CIDR block: ${reading.reason}.`));
    return undefined;
  }
  const parsed = reading.block;
  return holdsOnlyIpv4(parsed) ? formatCidr({ ...parsed, version: 4 }) : formatCidr(asIpv6(parsed));
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
