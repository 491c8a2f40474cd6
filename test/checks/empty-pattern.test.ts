import { emptyPattern } from '../../compiler/checks/empty-pattern.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(emptyPattern, {
  valid: [
    { name: 'patterns with text', rules: match('image contains "curl" and image like "*:latest" and verb startswith "c"') },
    { name: 'an empty value with == or like means the empty string', rules: match('namespace == "" or namespace like ""') },
  ],
  invalid: [
    {
      name: 'empty text for contains, startswith and endswith',
      rules: match('image contains "" or verb startswith ["c", ""] or verb endswith ""'),
      errors: [
        { code: 'match/empty-pattern', severity: 'warning', line: 3, column: 25, message: 'only tests that "image" exists. Write `image exists`' },
        { code: 'match/empty-pattern', severity: 'warning', line: 3, column: 53 },
        { code: 'match/empty-pattern', severity: 'warning', line: 3, column: 74 },
      ],
    },
    {
      name: 'a like pattern of stars only',
      rules: match('lower(image) like "**"'),
      errors: [{ code: 'match/empty-pattern', severity: 'warning', line: 3, column: 28 }],
    },
  ],
});
