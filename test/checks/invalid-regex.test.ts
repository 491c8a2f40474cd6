import { invalidRegex } from '../../compiler/checks/invalid-regex.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(invalidRegex, {
  valid: [
    { name: 'a valid regex with flags', rules: match('user_agent matches /^curl\\/[0-9.]+$/i') },
    { name: 'classes, groups and quantifiers', rules: match('verb matches /(cre|upd)ate[s]?$/ and image matches /a{2,3}/') },
  ],
  invalid: [
    {
      name: 'an unclosed group',
      rules: match('verb matches /cre(ate/'),
      errors: [{ code: 'match/invalid-regex', line: 3, column: 23, message: /Invalid regular expression \/cre\(ate\/: .*Fix the pattern/ }],
    },
    {
      name: 'a class range out of order, in an allowlist',
      rules: `detection:
  type: query
  match: verb == "create"
  allowlist:
    - name: a
      match: image matches /[z-a]/
`,
      errors: [{ code: 'match/invalid-regex', line: 6, column: 28, message: 'out of order' }],
    },
    {
      name: 'a quantifier with nothing to repeat',
      rules: match('verb matches /*create/ or verb matches /a{3,1}/'),
      errors: [
        { code: 'match/invalid-regex', line: 3, column: 23, message: 'Nothing to repeat' },
        { code: 'match/invalid-regex', line: 3, column: 49, message: 'out of order' },
      ],
    },
    {
      name: 'valid JavaScript that the targets cannot all express',
      rules: match('verb matches /create(?=d)/ or user_agent matches /\\bcurl\\b/'),
      errors: [
        { code: 'match/invalid-regex', line: 3, column: 23, message: /^\/create\(\?=d\)\/ is not portable: Lookahead/i },
        { code: 'match/invalid-regex', line: 3, column: 59, message: 'word boundary' },
      ],
    },
  ],
});
