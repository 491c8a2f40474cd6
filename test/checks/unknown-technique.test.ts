import { unknownTechnique } from '../../compiler/checks/unknown-technique.ts';
import { checkTable } from './support.ts';

checkTable(unknownTechnique, {
  valid: [
    { name: 'techniques and sub-techniques', rules: 'attack:\n  - { tactic: execution, techniques: [T1610, T1204.003, t1059] }\n' },
    { name: 'revoked and deprecated ids exist (other checks report them)', rules: 'attack:\n  - { tactic: defense-evasion, techniques: [T1073, T1064] }\n' },
  ],
  invalid: [
    {
      name: 'an id that does not exist',
      rules: 'attack:\n  - tactic: execution\n    techniques: [T1610, T1599.009, T1300]\n',
      errors: [
        { code: 'attack/unknown-technique', line: 3, column: 25, message: 'T1599 (Network Boundary Bridging) has the sub-techniques T1599.001' },
        { code: 'attack/unknown-technique', line: 3, column: 36, message: 'Unknown ATT&CK technique "T1300". Check the id on https://attack.mitre.org/' },
      ],
    },
    {
      name: 'an id from a newer ATT&CK release',
      rules: 'attack:\n  - tactic: defense-evasion\n    techniques: [T1685]\n',
      errors: [{ code: 'attack/unknown-technique', line: 3, column: 18, message: 'newer than every technique of the catalog here (ATT&CK 18.1, up to T1681)' }],
    },
    {
      name: 'a sub-technique that does not exist names its siblings',
      rules: 'attack:\n  - tactic: execution\n    techniques: [T1204.009]\n',
      errors: [
        {
          code: 'attack/unknown-technique',
          line: 3,
          column: 18,
          message: 'T1204 (User Execution) has the sub-techniques T1204.001, T1204.002, T1204.003, T1204.004, T1204.005; use one of them or T1204 itself',
        },
      ],
    },
    {
      name: 'malformed ids and a tactic among techniques',
      rules: 'attack:\n  - tactic: execution\n    techniques: [T161, TA0002]\n',
      errors: [
        { code: 'attack/unknown-technique', line: 3, column: 18, message: 'Write a technique id such as T1610' },
        { code: 'attack/unknown-technique', line: 3, column: 24, message: '"TA0002" is a tactic' },
      ],
    },
    {
      name: 'a technique written by its name',
      rules: 'attack:\n  - tactic: execution\n    techniques: [Deploy Container]\n',
      errors: [{ code: 'attack/unknown-technique', line: 3, column: 18, message: '"Deploy Container" is the name of T1610 (Deploy Container): write its id, T1610.' }],
    },
    {
      name: 'a name shared by several sub-techniques',
      rules: 'attack:\n  - tactic: persistence\n    techniques: [cloud accounts]\n',
      errors: [{ code: 'attack/unknown-technique', line: 3, column: 18, message: /T1078\.004 \(Valid Accounts: Cloud Accounts\), T1585\.003 .*, T1586\.003 .*: write the id of the one you mean/ }],
    },
  ],
});
