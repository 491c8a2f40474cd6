import { duplicateValue } from '../../compiler/checks/duplicate-value.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(duplicateValue, {
  valid: [
    { name: 'distinct values', rules: match('verb in ["get", "list"] and response_code in [200, "200"]') },
    { name: 'the same value in two comparisons', rules: match('verb in ["get"] or verb in ["get"]') },
    { name: 'addresses that only look alike', rules: match('source_ip in ["10.1.2.3", "::10.1.2.3", "10.1.2.30"]') },
  ],
  invalid: [
    {
      name: 'a repeated value',
      rules: match('verb in ["get", "list", "get"]'),
      errors: [{ code: 'match/duplicate-value', severity: 'warning', line: 3, column: 34, message: '"get" is already in the list of `verb in`' }],
    },
    {
      name: 'one address in two spellings on an ip field',
      rules: match('source_ip in ["10.1.2.3", "2001:db8::1", "::ffff:a01:203", "2001:DB8:0::1"]'),
      errors: [
        { code: 'match/duplicate-value', severity: 'warning', line: 3, column: 51, message: '"::ffff:a01:203" is already in the list of `source_ip in` (as "10.1.2.3", the same address)' },
        { code: 'match/duplicate-value', severity: 'warning', line: 3, column: 69, message: '(as "2001:db8::1", the same address)' },
      ],
    },
    {
      name: 'repeated patterns under lower()',
      rules: match('lower(image) like ["a*", "b*", "a*", "a*"]'),
      errors: [
        { code: 'match/duplicate-value', severity: 'warning', line: 3, column: 41 },
        { code: 'match/duplicate-value', severity: 'warning', line: 3, column: 47 },
      ],
    },
  ],
});
