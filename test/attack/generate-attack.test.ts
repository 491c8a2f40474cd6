import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAttackTable, DEFAULT_INPUT, DEFAULT_OUTPUT, formatAttackTable, generateAttackTable } from '../../scripts/generate-attack.ts';

describe('scripts/generate-attack.ts', () => {
  it('the committed table is exactly what the script generates (never edit it by hand)', () => {
    expect(readFileSync(DEFAULT_OUTPUT, 'utf8')).toBe(generateAttackTable(DEFAULT_INPUT));
  });

  it('keeps MITRE’s attribution line with the data', () => {
    const table = JSON.parse(readFileSync(DEFAULT_OUTPUT, 'utf8')) as { copyright: string; version: string };
    expect(table.version).toBe('18.1');
    expect(table.copyright).toBe(
      '© 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.',
    );
  });

  it('keeps only the documented keys', () => {
    const table = JSON.parse(readFileSync(DEFAULT_OUTPUT, 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(table)).toEqual(['version', 'modified', 'copyright', 'tactics', 'techniques']);
    const keys = new Set(table['techniques']!.flatMap((t) => Object.keys(t as object)));
    expect([...keys].sort()).toEqual(['current_id', 'deprecated', 'id', 'name', 'parent', 'revoked', 'revoked_by', 'tactics']);
  });

  const input = {
    attack: { version: '1.0', modified: '2020-01-01T00:00:00Z', copyright: '© The MITRE Corporation.' },
    tactics: [
      { id: 'TA0002', name: 'Execution', shortname: 'execution', url: 'https://attack.mitre.org/tactics/TA0002' },
      { id: 'TA0005', name: 'Defense Evasion', shortname: 'defense-evasion', url: 'https://attack.mitre.org/tactics/TA0005' },
    ],
    techniques: [
      { id: 'T1204.003', name: 'Malicious Image', tactics: ['execution'], parent: 'T1204', url: 'https://attack.mitre.org/techniques/T1204/003', deprecated: false, revoked: false, platforms: ['IaaS'] },
      { id: 'T1610', name: 'Deploy Container', tactics: ['defense-evasion', 'execution'], parent: null, url: 'https://attack.mitre.org/techniques/T1610', deprecated: false, revoked: false },
      { id: 'T1204', name: 'User Execution', tactics: ['execution'], parent: null, url: 'https://attack.mitre.org/techniques/T1204', deprecated: false, revoked: true, revoked_by: 'T1610', current_id: 'T1610' },
    ],
  };

  it('sorts techniques by id, parents first, and tactics in matrix order', () => {
    const table = buildAttackTable(input);
    expect(table.techniques.map((t) => t.id)).toEqual(['T1204', 'T1204.003', 'T1610']);
    expect(table.techniques[2]!.tactics).toEqual(['execution', 'defense-evasion']);
    expect(table.techniques[0]).toEqual({
      id: 'T1204', name: 'User Execution', tactics: ['execution'], parent: null, deprecated: false, revoked: true, revoked_by: 'T1610', current_id: 'T1610',
    });
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = { ...input, techniques: [...input.techniques].reverse() };
    expect(formatAttackTable(buildAttackTable(shuffled))).toBe(formatAttackTable(buildAttackTable(input)));
  });

  it('refuses inconsistent input instead of writing a broken table', () => {
    const badParent = { ...input, techniques: [{ ...input.techniques[0]!, parent: 'T9999' }] };
    expect(() => buildAttackTable(badParent)).toThrow(/T9999/);
    const badTactic = { ...input, techniques: [{ ...input.techniques[1]!, tactics: ['stealth'] }] };
    expect(() => buildAttackTable(badTactic)).toThrow(/unknown tactic "stealth"/);
    expect(() => buildAttackTable({ ...input, attack: {} })).toThrow(/attack.version/);
  });
});
