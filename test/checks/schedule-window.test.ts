import { scheduleWindow } from '../../compiler/checks/schedule-window.ts';
import { checkTable } from './support.ts';

checkTable(scheduleWindow, {
  valid: [
    { name: 'lookback equal to the interval', rules: 'schedule: { interval: 5m, lookback: 5m }\n' },
    { name: 'a small overlap as a margin for late events', rules: 'schedule: { interval: 5m, lookback: 6m }\n' },
    {
      name: 'overlapping windows covered by deduplication, in other units',
      rules: 'schedule: { interval: 1h, lookback: 1d, delay: 10m }\nperiods: { test: single-event, deduplication: 23h }\n',
    },
  ],
  invalid: [
    {
      name: 'a lookback shorter than the interval',
      rules: 'schedule:\n  interval: 1h\n  lookback: 30m\n',
      errors: [{ code: 'schedule/lookback-shorter-than-interval', line: 3, column: 13, message: 'Set lookback to at least 1h' }],
    },
    {
      name: 'overlapping windows without enough deduplication',
      rules: 'schedule:\n  interval: 15m\n  lookback: 1h\nperiods: { test: single-event, deduplication: 30m }\n',
      errors: [
        {
          code: 'schedule/overlapping-runs',
          severity: 'warning',
          line: 3,
          column: 13,
          message: 'spans 4 intervals of 15m, so each event is searched by up to 4 runs and the same activity can alert on each of them. Set periods.deduplication to at least 45m',
        },
      ],
    },
    {
      name: 'a zero interval',
      rules: 'schedule:\n  interval: 0m\n  lookback: 5m\n',
      errors: [{ code: 'schedule/zero-interval', line: 2, column: 13 }],
    },
  ],
});
