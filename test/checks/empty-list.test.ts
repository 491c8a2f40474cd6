import { emptyList } from '../../compiler/checks/empty-list.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(emptyList, {
  valid: [{ name: 'lists with values', rules: match('verb in ["create"] and image like ["a*", "b*"]') }],
  invalid: [
    {
      name: 'an empty in list',
      rules: match('verb in []'),
      errors: [{ code: 'match/empty-list', line: 3, column: 18, message: '`verb in []` can never match' }],
    },
    {
      name: 'empty lists for text operators and cidr',
      rules: match('lower(image) contains [ ] or source_ip cidr []'),
      errors: [
        { code: 'match/empty-list', line: 3, column: 32, message: '`lower(image) contains []`' },
        { code: 'match/empty-list', line: 3, column: 54 },
      ],
    },
  ],
});
