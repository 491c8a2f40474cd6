import { scheduleWindow } from '../../compiler/checks/schedule-window.ts';
import { checkTable } from './support.ts';

checkTable(scheduleWindow, {
  valid: [
    { name: 'lookback equal to the interval', rules: 'schedule: { interval: 5m, lookback: 5m }\n' },
    { name: 'lookback longer than the interval, in other units', rules: 'schedule: { interval: 1h, lookback: 70m, delay: 10m }\n' },
  ],
  invalid: [
    {
      name: 'a lookback shorter than the interval',
      rules: 'schedule:\n  interval: 1h\n  lookback: 30m\n',
      errors: [{ code: 'schedule/lookback-shorter-than-interval', line: 3, column: 13, message: 'Set lookback to at least 1h' }],
    },
    {
      name: 'a zero interval',
      rules: 'schedule:\n  interval: 0m\n  lookback: 5m\n',
      errors: [{ code: 'schedule/zero-interval', line: 2, column: 13 }],
    },
  ],
});
