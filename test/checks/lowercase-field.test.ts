import { lowercaseField } from '../../compiler/checks/lowercase-field.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(lowercaseField, {
  valid: [
    { name: 'lower-case values on a lower-case field', rules: match('image like "busybox*"') },
    { name: 'upper case on a field that keeps case', rules: match('verb == "Create"') },
    { name: 'lower() is the other check’s business', rules: match('lower(image) == "Busybox"') },
  ],
  invalid: [
    {
      name: 'an upper-case value on a lower-case field',
      rules: match('image in ["alpine", "BusyBox:1.36"]'),
      errors: [{ code: 'match/lowercase-field', line: 3, column: 30, message: /stores "image" in lower case.*Write "busybox:1.36"/ }],
    },
  ],
});
