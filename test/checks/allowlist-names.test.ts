import { allowlistNames } from '../../compiler/checks/allowlist-names.ts';
import { checkTable } from './support.ts';

const detection = (...allowlists: string[]) =>
  `detection:\n  type: query\n  match: verb == "create"\n  allowlist:\n${allowlists.map((a) => `    - ${a}\n`).join('')}`;

checkTable(allowlistNames, {
  valid: [
    { name: 'distinct names in one rule', rules: detection('{ name: a, match: verb == "x" }', '{ name: b, match: verb == "y" }') },
    {
      name: 'one allowlist shared by two rules, laid out differently',
      rules: {
        'a.yml': detection(`{ name: shared, match: 'image like ["a*", "b*"]' }`),
        'b.yml': detection('{ name: shared, match: "image  like [\\"a*\\",\\n \\"b*\\"]" }'),
      },
    },
  ],
  invalid: [
    {
      name: 'one name twice in a detection',
      rules: detection('{ name: a, match: verb == "x" }', '{ name: a, match: verb == "y" }'),
      errors: [{ code: 'allowlist/duplicate-name', line: 6, column: 15, related: ['rule.yml:5:15'], message: 'Merge the two' }],
    },
    {
      name: 'one name with different matches in two rules',
      rules: {
        'a.yml': detection('{ name: shared, match: image like "a*" }'),
        'b.yml': detection('{ name: shared, match: image like "b*" }'),
      },
      errors: [
        {
          code: 'allowlist/conflicting-definition',
          file: 'b.yml',
          line: 5,
          column: 15,
          related: ['a.yml:5:15'],
          message: 'defined differently at a.yml:5:15 (`image like "a*"`). Allowlists are shared by name (one Splunk macro)',
        },
      ],
    },
    {
      name: 'a variation redefining its base rule’s allowlist',
      rules: `${detection('{ name: shared, match: image like "a*" }')}variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    detection:
      type: query
      match: verb == "create"
      allowlist: [{ name: shared, match: image like "c*" }]
`,
      errors: [{ code: 'allowlist/conflicting-definition', line: 12, column: 27, related: ['rule.yml:5:15'] }],
    },
  ],
});
