import { periodsConsistency } from '../../compiler/checks/periods-consistency.ts';
import { checkTable } from './support.ts';

const newTerms = 'detection: { type: new_terms, match: verb == "a", new_terms: { fields: [verb] } }\n';
const threshold = 'detection: { type: threshold, match: verb == "a", threshold: { value: 3 } }\n';

checkTable(periodsConsistency, {
  valid: [
    { name: 'new_terms with a long training window', rules: `${newTerms}periods: { training: 14d, test: single-event, deduplication: 1h }\nschedule: { interval: 5m, lookback: 5m }\n` },
    { name: 'a threshold window within the lookback', rules: `${threshold}periods: { test: 10m }\nschedule: { interval: 5m, lookback: 10m }\n` },
    { name: 'a zero deduplication turns it off', rules: 'periods: { test: single-event, deduplication: 0m }\n' },
  ],
  invalid: [
    {
      name: 'a training window no longer than the lookback',
      rules: `${newTerms}periods:\n  training: 1h\n  test: single-event\nschedule: { interval: 1h, lookback: 1h }\n`,
      errors: [{ code: 'periods/training-shorter-than-lookback', line: 3, column: 13, message: 'must be longer than the schedule lookback (1h)' }],
    },
    {
      name: 'zero-length windows',
      rules: `${threshold}periods:\n  training: 0d\n  test: 0m\n`,
      errors: [
        { code: 'periods/zero-duration', line: 3, column: 13, message: 'periods.training of 0' },
        { code: 'periods/zero-duration', line: 4, column: 9, message: 'periods.test of 0' },
      ],
    },
    {
      name: 'a threshold window longer than the lookback',
      rules: `${threshold}periods:\n  test: 1h\nschedule: { interval: 5m, lookback: 5m }\n`,
      errors: [{ code: 'periods/test-window-exceeds-lookback', severity: 'warning', line: 3, column: 9, message: 'Set the lookback to at least 1h' }],
    },
    {
      name: 'a test window on a query',
      rules: 'periods:\n  test: 10m\n',
      errors: [{ code: 'periods/test-window-unused', severity: 'warning', line: 2, column: 9, message: 'Write `test: single-event`' }],
    },
    {
      name: 'deduplication shorter than the interval',
      rules: 'periods:\n  test: single-event\n  deduplication: 5m\nschedule: { interval: 1h, lookback: 1h }\n',
      errors: [{ code: 'periods/deduplication-shorter-than-interval', severity: 'warning', line: 3, column: 18 }],
    },
  ],
});
