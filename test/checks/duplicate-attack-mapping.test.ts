import { duplicateAttackMapping } from '../../compiler/checks/duplicate-attack-mapping.ts';
import { checkTable } from './support.ts';

checkTable(duplicateAttackMapping, {
  valid: [
    { name: 'one entry per tactic', rules: 'attack:\n  - { tactic: execution, techniques: [T1610] }\n  - { tactic: defense-evasion, techniques: [T1610] }\n' },
    {
      name: 'a variation’s own mapping may repeat the base rule’s tactic',
      rules: `attack:\n  - { tactic: execution, techniques: [T1610] }\nvariations:\n  - id: 22222222-2222-4222-8222-222222222222\n    name: V\n    attack: [{ tactic: execution, techniques: [T1609] }]\n`,
    },
  ],
  invalid: [
    {
      name: 'one tactic in two entries, written differently',
      rules: 'attack:\n  - { tactic: execution, techniques: [T1610] }\n  - { tactic: TA0002, techniques: [T1609] }\n',
      errors: [{ code: 'attack/duplicate-tactic', severity: 'warning', line: 3, column: 15, related: ['rule.yml:2:15'], message: 'Merge the techniques' }],
    },
    {
      name: 'a technique twice in one entry',
      rules: 'attack:\n  - { tactic: execution, techniques: [T1610, t1610] }\n',
      errors: [{ code: 'attack/duplicate-technique', severity: 'warning', line: 2, column: 46 }],
    },
  ],
});
