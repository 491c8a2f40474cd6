import { testEventValues } from '../../compiler/checks/test-event-values.ts';
import { checkTable } from './support.ts';

const events = (...lines: string[]) => `tests:\n  - name: t\n    expect: alert\n    events:\n${lines.map((l) => `      - ${l}\n`).join('')}`;

checkTable(testEventValues, {
  valid: [
    {
      name: 'values of every type, numbers as text, decimal strings as numbers',
      rules: events(
        '{ verb: create, namespace: 42, response_code: 200, privileged: true, source_ip: 10.0.0.1, created_at: "2024-01-01" }',
        '{ response_code: "404", privileged: "false", source_ip: "2001:db8::1", image: [a, b], verb: null }',
      ),
    },
    { name: 'unknown fields are another check’s business', rules: events('{ nope: [1, 2], user: { nme: { deep: 1 } } }') },
  ],
  invalid: [
    {
      name: 'values a number, boolean or ip field cannot hold',
      rules: events('{ response_code: many, privileged: yes, source_ip: localhost }'),
      errors: [
        { code: 'test/value-type', line: 5, column: 26, message: '"response_code" is a number field, but this test value "many" is not a number' },
        { code: 'test/value-type', line: 5, column: 44, message: 'Write true or false' },
        { code: 'test/value-type', line: 5, column: 60, message: 'is not an IP address' },
      ],
    },
    {
      name: 'ip values the evaluator does not read as addresses: a zone id, spaces, a number',
      rules: events('{ source_ip: "fe80::1%eth0" }', '{ source_ip: " 10.0.0.1" }', '{ source_ip: 167772161 }', '{ source_ip: "::ffff:10.0.0.1" }'),
      errors: [
        { code: 'test/value-type', line: 5, column: 22, message: '"fe80::1%eth0" is not an IP address: "%eth0" is a zone id' },
        { code: 'test/value-type', line: 6, column: 22, message: 'it has spaces around it; write "10.0.0.1"' },
        { code: 'test/value-type', line: 7, column: 22, message: 'Write an IPv4 or IPv6 address in quotes' },
      ],
    },
    {
      name: 'a list in a single-valued field, and an object value',
      rules: events('{ verb: [create, delete], user: { name: { first: eve } } }'),
      errors: [
        { code: 'test/single-value-field', severity: 'warning', line: 5, column: 17 },
        { code: 'test/value-type', line: 5, column: 49, message: 'is an object' },
      ],
    },
    {
      name: 'a bad value inside a multi-valued field’s list, in history',
      rules: `detection: { type: new_terms, match: verb == "a", new_terms: { fields: [verb] } }
tests:
  - name: t
    expect: alert
    history: [{ source_ip: [10.0.0.1, nope] }]
    events: [{ verb: a }]
`,
      errors: [{ code: 'test/value-type', line: 5, column: 39 }],
    },
  ],
});
