import { unknownTactic } from '../../compiler/checks/unknown-tactic.ts';
import { checkTable } from './support.ts';

checkTable(unknownTactic, {
  valid: [
    {
      name: 'tactics by id, name and shortname',
      rules: 'attack:\n  - { tactic: TA0002, techniques: [T1610] }\n  - { tactic: Defense Evasion, techniques: [T1610] }\n  - { tactic: privilege-escalation, techniques: [T1611] }\n',
    },
  ],
  invalid: [
    {
      name: 'a misspelt tactic name',
      rules: 'attack:\n  - tactic: Exectuion\n    techniques: [T1610]\n',
      errors: [{ code: 'attack/unknown-tactic', line: 2, column: 13, message: 'Unknown ATT&CK tactic "Exectuion". Did you mean "Execution"?' }],
    },
    {
      name: 'a technique written as a tactic',
      rules: 'attack:\n  - tactic: T1610\n    techniques: [T1610]\n',
      errors: [{ code: 'attack/unknown-tactic', line: 2, column: 13, message: 'T1610 is a technique, not a tactic' }],
    },
    {
      name: 'an unknown id in a variation',
      rules: `variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    attack: [{ tactic: TA0099, techniques: [T1610] }]
`,
      errors: [{ code: 'attack/unknown-tactic', line: 4, column: 24, message: 'Write a tactic id (TA0002), name (Execution) or shortname' }],
    },
    {
      name: 'a tactic of a newer ATT&CK release',
      rules: 'attack:\n  - tactic: Stealth\n    techniques: [T1610]\n',
      errors: [{ code: 'attack/unknown-tactic', line: 2, column: 13, message: 'the catalog here is ATT&CK 18.1, where these techniques sit under Defense Evasion (TA0005)' }],
    },
  ],
});
