import { duplicateId } from '../../compiler/checks/duplicate-id.ts';
import { checkTable } from './support.ts';

const ID = '11111111-1111-4111-8111-111111111111';

checkTable(duplicateId, {
  valid: [
    { name: 'distinct ids', rules: { 'a.yml': 'id: 11111111-1111-4111-8111-111111111111\n', 'b.yml': 'id: 22222222-2222-4222-8222-222222222222\n' } },
    {
      name: 'a variation repeating its own base id is the variation check’s business',
      rules: `id: ${ID}\nvariations:\n  - { id: ${ID}, name: V }\n`,
    },
  ],
  invalid: [
    {
      name: 'two rule files with one id',
      rules: { 'a.yml': `name: A\nid: ${ID}\n`, 'b.yml': `id: ${ID.toUpperCase()}\n` },
      errors: [
        {
          code: 'rule/duplicate-id',
          file: 'b.yml',
          line: 1,
          column: 5,
          message: `already used by "A" (a.yml:2:5). Every rule and variation needs its own id`,
          related: ['a.yml:2:5'],
        },
      ],
    },
    {
      name: 'a variation with the id of another rule',
      rules: {
        'a.yml': `id: ${ID}\n`,
        'b.yml': `variations:\n  - id: 22222222-2222-4222-8222-222222222222\n    name: V\n  - id: ${ID}\n    name: W\n`,
      },
      errors: [{ code: 'rule/duplicate-id', file: 'b.yml', line: 4, column: 9, related: ['a.yml:1:5'] }],
    },
  ],
});
