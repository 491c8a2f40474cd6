import { duplicateName } from '../../compiler/checks/duplicate-name.ts';
import { checkTable } from './support.ts';

checkTable(duplicateName, {
  valid: [{ name: 'distinct names', rules: { 'a.yml': 'name: Pod created\n', 'b.yml': 'name: Pod deleted\n' } }],
  invalid: [
    {
      name: 'the same name in two files, ignoring case and spacing',
      rules: { 'a.yml': 'name: Pod  created\n', 'b.yml': 'version: 1\nname: pod created\n' },
      errors: [{ code: 'rule/duplicate-name', file: 'b.yml', line: 2, column: 7, message: 'already used by the rule at a.yml:1:7', related: ['a.yml:1:7'] }],
    },
    {
      name: 'a variation named like another rule, reported once per duplicate',
      rules: {
        'a.yml': 'name: Shared\n',
        'b.yml': 'variations:\n  - { id: 22222222-2222-4222-8222-222222222222, name: Shared }\n',
        'c.yml': 'name: Shared\n',
      },
      errors: [
        { code: 'rule/duplicate-name', file: 'b.yml', line: 2, column: 55, related: ['a.yml:1:7'] },
        { code: 'rule/duplicate-name', file: 'c.yml', line: 1, column: 7, related: ['a.yml:1:7'] },
      ],
    },
  ],
});
