import { describe, expect, it } from 'vitest';
import {
  allTactics,
  attackCatalogInfo,
  findTactic,
  findTechnique,
  irTechnique,
  resolveTactic,
  resolveTechnique,
} from '../../compiler/attack/catalog.ts';

describe('ATT&CK catalog', () => {
  it('has the 14 Enterprise tactics in matrix order', () => {
    const names = allTactics().map((t) => t.name);
    expect(names).toHaveLength(14);
    expect(names[0]).toBe('Reconnaissance');
    expect(names.slice(0, 4)).toEqual(['Reconnaissance', 'Resource Development', 'Initial Access', 'Execution']);
    expect(names[13]).toBe('Impact');
  });

  it.each(['TA0002', 'ta0002', 'Execution', 'EXECUTION', 'execution', ' execution '])('finds the tactic written %j', (text) => {
    expect(findTactic(text)?.id).toBe('TA0002');
  });

  it('finds a multi-word tactic by name and by shortname', () => {
    expect(findTactic('Defense Evasion')?.shortname).toBe('defense-evasion');
    expect(findTactic('defense-evasion')?.id).toBe('TA0005');
    expect(findTactic('defense evasion')?.id).toBe('TA0005');
  });

  it.each(['TA9999', 'Evasion', 'T1610', ''])('does not find a tactic for %j', (text) => {
    expect(findTactic(text)).toBeUndefined();
  });

  it('knows T1204.003 is Malicious Image, a sub-technique of User Execution', () => {
    const technique = findTechnique('T1204.003');
    expect(technique?.name).toBe('Malicious Image');
    expect(technique?.parent?.id).toBe('T1204');
    expect(technique?.parent?.name).toBe('User Execution');
    expect(technique?.tactics).toEqual(['execution']);
    expect(irTechnique(technique!)).toEqual({
      id: 'T1204.003',
      name: 'Malicious Image',
      url: 'https://attack.mitre.org/techniques/T1204/003',
      parent: { id: 'T1204', name: 'User Execution', url: 'https://attack.mitre.org/techniques/T1204' },
    });
  });

  it('knows T1610 serves execution and defense evasion', () => {
    expect(findTechnique('T1610')?.tactics).toEqual(['execution', 'defense-evasion']);
    expect(resolveTechnique('T1610')).toEqual({ id: 'T1610', name: 'Deploy Container', url: 'https://attack.mitre.org/techniques/T1610' });
  });

  it('knows T1073 is revoked and replaced, at the end of the chain, by T1574.001', () => {
    const technique = findTechnique('T1073');
    expect(technique?.revoked).toBe(true);
    expect(technique?.revokedBy).toBe('T1574.002');
    expect(technique?.currentId).toBe('T1574.001');
  });

  it('knows deprecated techniques', () => {
    expect(findTechnique('T1064')?.deprecated).toBe(true);
    expect(findTechnique('T9999')).toBeUndefined();
  });

  it('builds IR tactics', () => {
    expect(resolveTactic('Execution')).toEqual({
      id: 'TA0002',
      name: 'Execution',
      shortname: 'execution',
      url: 'https://attack.mitre.org/tactics/TA0002',
    });
    expect(resolveTactic('nope')).toBeUndefined();
  });

  it('gives targets the version, attribution and active techniques only', () => {
    const info = attackCatalogInfo();
    expect(info.version).toBe('18.1');
    expect(info.copyright).toMatch(/^© 2025 The MITRE Corporation\./);
    expect(info.tactics).toHaveLength(14);
    const ids = info.techniques.map((t) => t.id);
    expect(ids).toContain('T1610');
    expect(ids).not.toContain('T1073'); // revoked
    expect(ids).not.toContain('T1064'); // deprecated
    expect(ids).toEqual([...ids].sort());
    expect(info.techniques).toHaveLength(216 + 475);
    const sub = info.techniques.find((t) => t.id === 'T1204.003');
    expect(sub).toMatchObject({ isSubtechnique: true, tactics: ['execution'], parent: { id: 'T1204' } });
  });
});
