import { subtechniqueWithParent } from '../../compiler/checks/subtechnique-with-parent.ts';
import { checkTable } from './support.ts';

checkTable(subtechniqueWithParent, {
  valid: [
    { name: 'a sub-technique alone', rules: 'attack:\n  - { tactic: execution, techniques: [T1204.003, T1610] }\n' },
    {
      name: 'parent and sub-technique under different tactics',
      rules: 'attack:\n  - { tactic: execution, techniques: [T1204] }\n  - { tactic: execution, techniques: [T1204.003] }\n',
    },
  ],
  invalid: [
    {
      name: 'a technique listed with its sub-techniques (a warning on the parent)',
      rules: 'attack:\n  - tactic: execution\n    techniques: [T1204.003, T1204, T1204.002]\n',
      errors: [
        {
          code: 'attack/subtechnique-with-parent',
          severity: 'warning',
          line: 3,
          column: 29,
          message: 'T1204 (User Execution) is listed together with its sub-technique T1204.003, T1204.002 under execution. Remove T1204',
        },
      ],
    },
  ],
});
