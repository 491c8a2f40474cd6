// Sigma tags → the rule's ATT&CK mapping, kept tags and warnings (importers/sigma/attack-tags.ts).

import { describe, expect, it } from 'vitest';
import { attackFromTags } from '../../importers/sigma/attack-tags.ts';

describe('Sigma ATT&CK tags', () => {
  it.each([
    {
      what: 'a technique under the tactic the rule names',
      tags: ['attack.execution', 'attack.t1059.001'],
      attack: [{ tactic: 'execution', techniques: ['T1059.001'] }],
      kept: [],
      warnings: 0,
    },
    {
      what: 'the older underscore spelling of a tactic',
      tags: ['attack.privilege_escalation', 'attack.persistence', 'attack.t1546.015'],
      attack: [
        { tactic: 'privilege-escalation', techniques: ['T1546.015'] },
        { tactic: 'persistence', techniques: ['T1546.015'] },
      ],
      kept: [],
      warnings: 0,
    },
    {
      what: 'a parent technique next to its sub-technique is folded into it',
      tags: ['attack.persistence', 'attack.t1546', 'attack.t1546.015'],
      attack: [{ tactic: 'persistence', techniques: ['T1546.015'] }],
      kept: [],
      warnings: 0,
    },
    {
      what: 'a technique only under the named tactics it belongs to',
      tags: ['attack.execution', 'attack.credential-access', 'attack.t1003.001', 'attack.t1059.001'],
      attack: [
        { tactic: 'execution', techniques: ['T1059.001'] },
        { tactic: 'credential-access', techniques: ['T1003.001'] },
      ],
      kept: [],
      warnings: 0,
    },
    {
      what: 'v19 tactics and techniques newer than the catalog stay tags, with warnings',
      tags: ['attack.stealth', 'attack.defense-impairment', 'attack.t1685'],
      attack: [],
      kept: ['attack.stealth', 'attack.defense-impairment', 'attack.t1685'],
      warnings: 3,
    },
    {
      what: 'a technique whose tactic is not named goes under its catalog tactic, with a warning',
      tags: ['attack.stealth', 'attack.t1218'],
      attack: [{ tactic: 'defense-evasion', techniques: ['T1218'] }],
      kept: ['attack.stealth'],
      warnings: 2,
    },
    {
      what: 'a revoked technique is replaced by its successor, with a warning',
      tags: ['attack.execution', 'attack.t1086'],
      attack: [{ tactic: 'execution', techniques: ['T1059.001'] }],
      kept: [],
      warnings: 1,
    },
    {
      what: 'a deprecated technique stays a tag, with a warning',
      tags: ['attack.t1026'],
      attack: [],
      kept: ['attack.t1026'],
      warnings: 1,
    },
    {
      what: 'a tactic without techniques stays a tag, with a warning',
      tags: ['attack.discovery'],
      attack: [],
      kept: ['attack.discovery'],
      warnings: 1,
    },
    {
      what: 'other namespaces are kept as they are',
      tags: ['cve.2021-44228', 'car.2016-04-005', 'detection.emerging-threats', 'tlp.white', 'attack.g0007', 'attack.s0002'],
      attack: [],
      kept: ['cve.2021-44228', 'car.2016-04-005', 'detection.emerging-threats', 'tlp.white', 'attack.g0007', 'attack.s0002'],
      warnings: 0,
    },
  ])('$what', ({ tags, attack, kept, warnings }) => {
    const result = attackFromTags(tags);
    expect(result.attack).toEqual(attack);
    expect(result.tags).toEqual(kept);
    expect(result.warnings).toHaveLength(warnings);
  });
});
