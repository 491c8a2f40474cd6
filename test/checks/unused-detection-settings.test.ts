import { unusedDetectionSettings } from '../../compiler/checks/unused-detection-settings.ts';
import { checkTable } from './support.ts';

checkTable(unusedDetectionSettings, {
  valid: [
    { name: 'settings that match the type', rules: 'detection: { type: new_terms, match: verb == "a", new_terms: { fields: [verb] } }\n' },
  ],
  invalid: [
    {
      name: 'threshold settings on a query',
      rules: 'detection:\n  type: query\n  match: verb == "a"\n  threshold: { value: 3 }\n',
      errors: [{ code: 'detection/unused-settings', severity: 'warning', line: 4, column: 3, message: 'This is a query detection, so its `threshold` settings are ignored' }],
    },
    {
      name: 'new_terms settings on a threshold variation',
      rules: `variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    detection:
      type: threshold
      match: verb == "a"
      threshold: { value: 3 }
      new_terms: { fields: [verb] }
`,
      errors: [{ code: 'detection/unused-settings', severity: 'warning', line: 8, column: 7, message: 'set `type: new_terms`' }],
    },
  ],
});
