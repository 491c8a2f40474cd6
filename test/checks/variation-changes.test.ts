import { variationChanges } from '../../compiler/checks/variation-changes.ts';
import { checkTable } from './support.ts';

checkTable(variationChanges, {
  valid: [
    {
      name: 'a variation that overrides something',
      rules: 'variations:\n  - { id: 22222222-2222-4222-8222-222222222222, name: V, severity: high }\n',
    },
  ],
  invalid: [
    {
      name: 'a variation with only an id and a name',
      rules: 'variations:\n  - id: 22222222-2222-4222-8222-222222222222\n    name: Copy\n',
      errors: [{ code: 'variation/no-changes', severity: 'warning', line: 2, column: 5, message: 'The variation "Copy" changes nothing' }],
    },
  ],
});
