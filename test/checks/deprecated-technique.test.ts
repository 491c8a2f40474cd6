import { deprecatedTechnique } from '../../compiler/checks/deprecated-technique.ts';
import { checkTable } from './support.ts';

checkTable(deprecatedTechnique, {
  valid: [
    { name: 'current techniques', rules: 'attack:\n  - { tactic: execution, techniques: [T1059] }\n' },
    { name: 'revoked techniques are the revoked check’s business', rules: 'attack:\n  - { tactic: defense-evasion, techniques: [T1073] }\n' },
  ],
  invalid: [
    {
      name: 'a deprecated technique (a warning)',
      rules: 'attack:\n  - tactic: execution\n    techniques: [T1059, T1064]\n',
      errors: [{ code: 'attack/deprecated-technique', severity: 'warning', line: 3, column: 25, message: 'T1064 (Scripting) is deprecated' }],
    },
  ],
});
