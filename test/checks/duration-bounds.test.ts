import { durationBounds } from '../../compiler/checks/duration-bounds.ts';
import { checkTable } from './support.ts';

checkTable(durationBounds, {
  valid: [
    {
      name: 'every key at its bound, in its largest unit and in seconds',
      rules: `periods: { activation: 366d, training: 8784h, test: 31622400s, deduplication: 527040m }
schedule: { interval: 7d, lookback: 366d, delay: 604800s }
`,
    },
    { name: 'single-event and everyday values', rules: 'periods: { test: single-event, training: 30d }\nschedule: { interval: 5m, lookback: 5m, delay: 0m }\n' },
  ],
  invalid: [
    {
      name: 'an absurd lookback (once -8.6e+27s in savedsearches.conf)',
      rules: 'schedule:\n  interval: 5m\n  lookback: 99999999999999999999999d\n',
      errors: [{ code: 'schedule/duration-too-long', line: 3, column: 13, message: 'schedule.lookback is 99999999999999999999999d, longer than the 366d detc allows for it' }],
    },
    {
      name: 'one second over each bound',
      rules: `periods:
  test: 31622401s
  activation: 367d
  training: 8785h
  deduplication: 527041m
schedule:
  interval: 604801s
  lookback: 31622401s
  delay: 169h
`,
      errors: [
        { code: 'periods/duration-too-long', line: 2, column: 9, message: 'Use at most 366d' },
        { code: 'periods/duration-too-long', line: 3, column: 15 },
        { code: 'periods/duration-too-long', line: 4, column: 13 },
        { code: 'periods/duration-too-long', line: 5, column: 18 },
        { code: 'schedule/duration-too-long', line: 7, column: 13, message: 'a rule that runs or reports that rarely is a report, not a detection). Use at most 7d' },
        { code: 'schedule/duration-too-long', line: 8, column: 13 },
        { code: 'schedule/duration-too-long', line: 9, column: 10, message: 'schedule.delay is 169h' },
      ],
    },
  ],
});
