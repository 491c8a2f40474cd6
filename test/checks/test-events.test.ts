import { testEvents } from '../../compiler/checks/test-events.ts';
import { checkTable } from './support.ts';

checkTable(testEvents, {
  valid: [
    {
      name: 'RFC 3339 times with offsets, and history for new_terms',
      rules: `detection: { type: new_terms, match: verb == "a", new_terms: { fields: [verb] } }
tests:
  - name: t
    expect: alert
    history: [{ _time: "2024-01-01T00:00:00Z", verb: b }]
    events: [{ _time: "2024-01-02T10:00:00.5+02:00", verb: a }, { _time: "2024-01-03T08:00-0530", verb: a }, { _time: "2024-02-29T23:59:59.999999Z" }, { verb: a }]
`,
    },
  ],
  invalid: [
    {
      name: 'times that are not RFC 3339 text',
      rules: `tests:
  - name: t
    expect: alert
    events:
      - { _time: 1704067200, verb: a }
      - { _time: "yesterday", verb: a }
      - { _time: "2024-13-45T00:00:00Z" }
`,
      errors: [
        { code: 'test/invalid-time', line: 5, column: 18, message: 'must be an RFC 3339 date-time with its UTC offset, in quotes' },
        { code: 'test/invalid-time', line: 6, column: 18, message: '"yesterday" is not an RFC 3339 date-time' },
        { code: 'test/invalid-time', line: 7, column: 18 },
      ],
    },
    {
      name: 'times without an offset, read in whatever zone runs the tests',
      rules: `tests:
  - name: t
    expect: alert
    events:
      - { _time: "2026-03-08T01:55:00", verb: a }
      - { _time: "2026-03-08T03:05", verb: a }
      - { _time: "2026-03-08" }
`,
      errors: [
        { code: 'test/time-without-offset', line: 5, column: 18, message: 'has no UTC offset, so it would be read in the time zone of whoever runs the tests. Write the offset: "2026-03-08T01:55:00Z"' },
        { code: 'test/time-without-offset', line: 6, column: 18, message: '"2026-03-08T03:05:00Z"' },
        { code: 'test/time-without-offset', line: 7, column: 18, message: '"2026-03-08T00:00:00Z"' },
      ],
    },
    {
      name: 'date-times that do not exist',
      rules: `tests:
  - name: t
    expect: alert
    events:
      - { _time: "2023-02-29T00:00:00Z" }
      - { _time: "2024-01-01T24:00:00Z" }
      - { _time: "2024-01-01T00:00:00+25:00" }
`,
      errors: [
        { code: 'test/invalid-time', line: 5, column: 18, message: 'is not a date-time that exists' },
        { code: 'test/invalid-time', line: 6, column: 18, message: 'is not a date-time that exists' },
        { code: 'test/invalid-time', line: 7, column: 18, message: 'offset out of range' },
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
