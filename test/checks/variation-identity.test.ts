import { variationIdentity } from '../../compiler/checks/variation-identity.ts';
import { checkTable } from './support.ts';

const BASE = '11111111-1111-4111-8111-111111111111';

checkTable(variationIdentity, {
  valid: [
    {
      name: 'variations with their own ids and names',
      rules: `id: ${BASE}\nname: Base\nvariations:\n  - { id: 22222222-2222-4222-8222-222222222222, name: Base (strict) }\n  - { id: 33333333-3333-4333-8333-333333333333, name: Base (loose) }\n`,
    },
  ],
  invalid: [
    {
      name: 'a variation with the base id and name',
      rules: `id: ${BASE}\nname: Base\nvariations:\n  - id: ${BASE}\n    name: base\n`,
      errors: [
        { code: 'variation/same-id-as-base', line: 4, column: 9, related: ['rule.yml:1:5'], message: 'Give the variation its own UUID' },
        { code: 'variation/same-name-as-base', line: 5, column: 11, related: ['rule.yml:2:7'] },
      ],
    },
    {
      name: 'two variations with one id and one name',
      rules: `id: ${BASE}
name: Base
variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: Strict
  - id: 22222222-2222-4222-8222-222222222222
    name: Strict
`,
      errors: [
        { code: 'variation/duplicate-id', line: 6, column: 9, related: ['rule.yml:4:9'] },
        { code: 'variation/duplicate-name', line: 7, column: 11, related: ['rule.yml:5:11'] },
      ],
    },
  ],
});
