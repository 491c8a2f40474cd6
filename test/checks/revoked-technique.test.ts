import { revokedTechnique } from '../../compiler/checks/revoked-technique.ts';
import { checkTable } from './support.ts';

checkTable(revokedTechnique, {
  valid: [{ name: 'current techniques', rules: 'attack:\n  - { tactic: defense-evasion, techniques: [T1574.001, T1610] }\n' }],
  invalid: [
    {
      name: 'a revoked technique names its replacement at the end of the chain',
      rules: 'attack:\n  - tactic: defense-evasion\n    techniques: [T1073]\n',
      errors: [
        {
          code: 'attack/revoked-technique',
          line: 3,
          column: 18,
          message: 'T1073 (DLL Side-Loading) is revoked in ATT&CK. It is replaced by T1574.001 (Hijack Execution Flow: DLL): write T1574.001 instead.',
        },
      ],
    },
    {
      name: 'a revoked sub-technique',
      rules: 'attack:\n  - tactic: persistence\n    techniques:\n      - T1574.002\n',
      errors: [{ code: 'attack/revoked-technique', line: 4, column: 9, message: 'write T1574.001 instead' }],
    },
  ],
});
