import { duplicateValue } from '../../compiler/checks/duplicate-value.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(duplicateValue, {
  valid: [
    { name: 'distinct values', rules: match('verb in ["get", "list"] and response_code in [200, "200"]') },
    { name: 'the same value in two comparisons', rules: match('verb in ["get"] or verb in ["get"]') },
  ],
  invalid: [
    {
      name: 'a repeated value',
      rules: match('verb in ["get", "list", "get"]'),
      errors: [{ code: 'match/duplicate-value', severity: 'warning', line: 3, column: 34, message: '"get" is already in the list of `verb in`' }],
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
