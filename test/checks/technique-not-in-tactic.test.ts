import { techniqueNotInTactic } from '../../compiler/checks/technique-not-in-tactic.ts';
import { checkTable } from './support.ts';

checkTable(techniqueNotInTactic, {
  valid: [
    {
      name: 'T1610 under both of its tactics, written three ways',
      rules: 'attack:\n  - { tactic: TA0002, techniques: [T1610, T1609] }\n  - { tactic: Defense Evasion, techniques: [T1610] }\n',
    },
    { name: 'unknown tactics and techniques are other checks’ business', rules: 'attack:\n  - { tactic: nope, techniques: [T1610] }\n  - { tactic: execution, techniques: [T9999] }\n' },
  ],
  invalid: [
    {
      name: 'a technique under a tactic it does not serve',
      rules: 'attack:\n  - tactic: persistence\n    techniques: [T1610]\n',
      errors: [
        {
          code: 'attack/technique-not-in-tactic',
          line: 3,
          column: 18,
          message: 'T1610 (Deploy Container) does not belong to the tactic Persistence (TA0003); ATT&CK lists it under Execution (TA0002), Defense Evasion (TA0005).',
        },
      ],
    },
    {
      name: 'a sub-technique under the wrong tactic, in a variation',
      rules: `variations:
  - id: 22222222-2222-4222-8222-222222222222
    name: V
    attack:
      - tactic: TA0005
        techniques: [T1204.003]
`,
      errors: [{ code: 'attack/technique-not-in-tactic', line: 6, column: 22, message: 'T1204.003 (User Execution: Malicious Image)' }],
    },
  ],
});
