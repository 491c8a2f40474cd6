import { typeMismatch } from '../../compiler/checks/type-mismatch.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(typeMismatch, {
  valid: [
    { name: 'numbers with a number field', rules: match('response_code == 200 and response_code in [401, 403] and response_code >= 500') },
    { name: 'booleans with a boolean field', rules: match('privileged == true and privileged != false') },
    { name: 'text operators on keyword and text fields', rules: match('image like "busybox*" and user_agent contains "curl" and verb matches /^cr/') },
    { name: 'IP addresses and blocks on an ip field', rules: match('source_ip == "10.0.0.1" and source_ip in ["::1", "192.168.0.1"] and source_ip cidr "10.0.0.0/8"') },
    { name: 'strings with a date field', rules: match('created_at == "2024-01-01"') },
    { name: 'numbers and booleans with a keyword field compare as text', rules: match('verb == 3 or namespace in [true, 1.5]') },
    { name: 'lower() of a keyword field', rules: match('lower(verb) == "create"') },
    { name: 'exists on any field', rules: match('response_code exists and privileged exists and source_ip exists') },
    { name: 'unknown fields are another check’s business', rules: match('nope > 3') },
  ],
  invalid: [
    {
      name: 'a long text for an ip field is quoted short (60 characters at most, never the whole value)',
      rules: match(`source_ip == "${'x'.repeat(500)}"`),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 23, message: new RegExp(`^(?!.*x{60}).*"${'x'.repeat(59)}…"`) }],
    },
    {
      name: 'a quoted number for a number field',
      rules: match('response_code == "200"'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 27, message: /"response_code" is a number field, so response_code == needs a number: write 200 without quotes/ }],
    },
    {
      name: 'text in a list for a number field',
      rules: match('response_code in [200, "ok"]'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 33, message: 'needs a number, not the text "ok"' }],
    },
    {
      name: 'a string for a boolean field',
      rules: match('privileged == "true"'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 24, message: 'write true without quotes' }],
    },
    {
      name: 'an ordering comparison on a keyword field',
      rules: match('verb > 3'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 10, message: 'ordering comparisons (>) work on number fields only' }],
    },
    {
      name: 'cidr on a keyword field',
      rules: match('namespace cidr "10.0.0.0/8"'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 10, message: '"cidr" works on ip fields only' }],
    },
    {
      name: 'like and startswith on non-text fields',
      rules: match('source_ip like "10.*" or response_code startswith "4"'),
      errors: [
        { code: 'match/type-mismatch', line: 3, column: 10, message: 'which holds addresses, not text: "like" works on keyword and text fields only. Use cidr for a range of addresses' },
        { code: 'match/type-mismatch', line: 3, column: 35, message: '"startswith" works on keyword and text fields only' },
      ],
    },
    {
      name: 'matches on a boolean field',
      rules: match('privileged matches /true/'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 10 }],
    },
    {
      name: 'an ip field compared with something that is not an address',
      rules: match('source_ip == "10.0.0.0/8" or source_ip == "localhost"'),
      errors: [
        { code: 'match/type-mismatch', line: 3, column: 23, message: 'use cidr instead' },
        { code: 'match/type-mismatch', line: 3, column: 52, message: '"localhost" is not one' },
      ],
    },
    {
      name: 'ip values the language does not read as addresses: zone id, spaces, leading zeros, out of range, brackets',
      rules: match('source_ip in ["fe80::1%eth0", " 10.0.0.1", "010.0.0.1", "10.0.0.256", "[::1]", "1::2::3"]'),
      errors: [
        { code: 'match/type-mismatch', line: 3, column: 24, message: '"%eth0" is a zone id, which is not part of the address (Elasticsearch drops it and Splunk\'s cidrmatch() does not read it); write "fe80::1"' },
        { code: 'match/type-mismatch', line: 3, column: 40, message: 'it has spaces around it; write "10.0.0.1"' },
        { code: 'match/type-mismatch', line: 3, column: 53, message: 'the octet "010" has a leading zero' },
        { code: 'match/type-mismatch', line: 3, column: 66, message: 'the octet 256 is greater than 255' },
        { code: 'match/type-mismatch', line: 3, column: 80, message: 'write it without the brackets: "::1"' },
        { code: 'match/type-mismatch', line: 3, column: 89, message: '"::" may appear only once' },
      ],
    },
    {
      name: 'an ip value with a newline, a quote and a zone: quoted, never raw, in the message',
      rules: match('source_ip == "1.2.3.4\\n\\"" or source_ip == "fe80::1%\\u{1b}[31m"'),
      errors: [
        { code: 'match/type-mismatch', line: 3, column: 23, message: /^[^\n\u001b]*"1\.2\.3\.4\\n\\"" is not one[^\n\u001b]*$/ },
        { code: 'match/type-mismatch', line: 3, column: 53, message: /^[^\n\u001b]*"%\\u001b\[31m" is a zone id[^\n\u001b]*$/ },
      ],
    },
    {
      name: 'ordering an ip field',
      rules: match('source_ip > 5'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 10, message: 'Use cidr for a range of addresses instead' }],
    },
    {
      name: 'lower() of a number field',
      rules: match('lower(response_code) == "200"'),
      errors: [{ code: 'match/type-mismatch', line: 3, column: 16, message: 'lower() applies to keyword and text fields only' }],
    },
    {
      name: 'in an allowlist and a variation',
      rules: `detection:
  type: query
  match: verb == "create"
  allowlist: [{ name: a, match: privileged == 1 }]
variations:
  - id: 00000000-0000-4000-8000-00000000ffff
    name: V
    detection: { type: query, match: response_code < 1 or verb < 2 }
`,
      errors: [
        { code: 'match/type-mismatch', line: 4, column: 47 },
        { code: 'match/type-mismatch', line: 8, column: 59 },
      ],
    },
  ],
});
