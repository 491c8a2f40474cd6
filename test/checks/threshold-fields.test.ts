import { thresholdFields } from '../../compiler/checks/threshold-fields.ts';
import { checkTable } from './support.ts';

checkTable(thresholdFields, {
  valid: [
    {
      name: 'group_by, cardinality and a test window',
      rules: `detection:
  type: threshold
  match: verb == "create"
  threshold: { group_by: [user.name], value: 10, cardinality: { field: namespace, value: 3 } }
periods: { test: 10m }
`,
    },
    {
      name: 'a count over all events',
      rules: 'detection: { type: threshold, match: verb == "create", threshold: { value: 100 } }\nperiods: { test: 1h }\n',
    },
  ],
  invalid: [
    {
      name: 'no threshold block and a single-event test period',
      rules: `detection:
  type: threshold
  match: verb == "create"
periods:
  test: single-event
`,
      errors: [
        { code: 'detection/threshold-fields', line: 2, column: 9, message: 'needs a `threshold` block' },
        { code: 'periods/test-window-required', line: 5, column: 9, message: 'must be a duration (e.g. `10m`)' },
      ],
    },
    {
      name: 'a repeated group_by field and a cardinality over a group_by field',
      rules: `detection:
  type: threshold
  match: verb == "create"
  threshold:
    group_by: [user.name, namespace, user.name]
    value: 5
    cardinality: { field: namespace, value: 2 }
periods: { test: 10m }
`,
      errors: [
        { code: 'detection/threshold-fields', line: 5, column: 38, message: 'listed twice' },
        { code: 'detection/threshold-fields', line: 7, column: 27, message: 'can never exceed 1' },
      ],
    },
  ],
});
