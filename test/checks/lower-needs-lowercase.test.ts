import { lowerNeedsLowercase } from '../../compiler/checks/lower-needs-lowercase.ts';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(lowerNeedsLowercase, {
  valid: [
    { name: 'lower-case values', rules: match('lower(verb) == "create" and lower(user_agent) contains ["curl/", "wget"]') },
    { name: 'upper case without lower() is case-sensitive and fine', rules: match('verb == "Create"') },
    { name: 'characters without case', rules: match('lower(namespace) like "*-01_?"') },
  ],
  invalid: [
    {
      name: 'an upper-case value under lower()',
      rules: match('lower(verb) == "Create"'),
      errors: [{ code: 'match/lower-needs-lowercase', line: 3, column: 25, message: 'can never match. Write it in lower case: "create"' }],
    },
    {
      name: 'each offending item of a list',
      rules: match('lower(user_agent) like ["curl*", "Wget*", "PowerShell*"]'),
      errors: [
        { code: 'match/lower-needs-lowercase', line: 3, column: 43, message: '"wget*"' },
        { code: 'match/lower-needs-lowercase', line: 3, column: 52, message: '"powershell*"' },
      ],
    },
    {
      name: 'non-ASCII upper case',
      rules: match('lower(namespace) != "ÉTÉ"'),
      errors: [{ code: 'match/lower-needs-lowercase', line: 3, column: 30, message: '"été"' }],
    },
  ],
});
