import { testEvents } from '../../compiler/checks/test-events.ts';
import { checkTable } from './support.ts';

checkTable(testEvents, {
  valid: [
    {
      name: 'ISO 8601 times and history for new_terms',
      rules: `detection: { type: new_terms, match: verb == "a", new_terms: { fields: [verb] } }
tests:
  - name: t
    expect: alert
    history: [{ _time: "2024-01-01T00:00:00Z", verb: b }]
    events: [{ _time: "2024-01-02T10:00:00.5+02:00", verb: a }, { _time: "2024-01-03", verb: a }, { verb: a }]
`,
    },
  ],
  invalid: [
    {
      name: 'times that are not ISO 8601 text',
      rules: `tests:
  - name: t
    expect: alert
    events:
      - { _time: 1704067200, verb: a }
      - { _time: "yesterday", verb: a }
      - { _time: "2024-13-45T00:00:00Z" }
`,
      errors: [
        { code: 'test/invalid-time', line: 5, column: 18, message: 'must be an ISO 8601 date-time in quotes' },
        { code: 'test/invalid-time', line: 6, column: 18, message: '"yesterday" is not one' },
        { code: 'test/invalid-time', line: 7, column: 18 },
      ],
    },
    {
      name: 'history on a query detection',
      rules: `tests:
  - name: t
    expect: no-alert
    history: [{ verb: a }]
    events: [{ verb: b }]
`,
      errors: [{ code: 'test/history-unused', severity: 'warning', line: 4, column: 5, message: 'this is a query detection' }],
    },
  ],
});
