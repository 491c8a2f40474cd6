import { newTermsFields } from '../../compiler/checks/new-terms-fields.ts';
import { checkTable } from './support.ts';

checkTable(newTermsFields, {
  valid: [
    {
      name: 'one to three fields and a training window',
      rules: `detection:
  type: new_terms
  match: verb == "create"
  new_terms: { fields: [user.name, source_ip, user_agent] }
periods: { training: 14d, test: single-event }
`,
    },
    { name: 'a query needs neither', rules: 'detection: { type: query, match: verb == "create" }\n' },
  ],
  invalid: [
    {
      name: 'no new_terms block and no training',
      rules: `detection:
  type: new_terms
  match: verb == "create"
periods:
  test: single-event
`,
      errors: [
        { code: 'detection/new-terms-fields', line: 2, column: 9, message: 'needs 1 to 3 fields' },
        { code: 'periods/training-required', line: 4, column: 1, message: 'add e.g. `training: 14d` under periods' },
      ],
    },
    {
      name: 'four fields, one of them twice',
      rules: `detection:
  type: new_terms
  match: verb == "create"
  new_terms:
    fields: [user.name, source_ip, user_agent, user.name]
periods: { training: 7d, test: single-event }
`,
      errors: [
        { code: 'detection/new-terms-fields', line: 5, column: 48, message: 'at most 3 fields' },
        { code: 'detection/new-terms-fields', line: 5, column: 48, message: '"user.name" is listed twice' },
      ],
    },
    {
      name: 'a variation that turns a query into new_terms without a training window',
      rules: `detection: { type: query, match: verb == "create" }
periods: { test: single-event }
variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    detection:
      type: new_terms
      match: verb == "create"
      new_terms: { fields: [] }
`,
      errors: [
        { code: 'periods/training-required', line: 2, column: 1 },
        { code: 'detection/new-terms-fields', line: 9, column: 28 },
      ],
    },
  ],
});
