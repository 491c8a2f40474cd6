import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOutputFile } from '../../driver/format-output.ts';
import { buildLayer } from '../../targets/navigator/layer.ts';
import { navigatorTarget } from '../../targets/navigator/index.ts';
import { exampleLibrary, makeLibrary, makeRule, mapping } from '../docs/fixtures.ts';
import { layerProblems } from './layer-format.ts';

const catalog = exampleLibrary.attack;

describe('the layer format 4.5 validator', () => {
  it('accepts the shared example layer', () => {
    const example: unknown = JSON.parse(readFileSync(new URL('../../../shared/attack/navigator-layer.example.json', import.meta.url), 'utf8'));
    expect(layerProblems(example, catalog)).toEqual([]);
  });

  const valid = { name: 'x', domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' } };
  const invalid: [string, unknown, string][] = [
    ['no name', { domain: 'enterprise-attack', versions: valid.versions }, "/ must have required property 'name'"],
    ['no domain', { name: 'x', versions: valid.versions }, "/ must have required property 'domain'"],
    ['unknown domain', { ...valid, domain: 'mitre-enterprise' }, '/domain must be equal to one of the allowed values'],
    ['layer version 4.4', { ...valid, versions: { ...valid.versions, layer: '4.4' } }, '/versions/layer must be equal to constant'],
    ['navigator older than 4.9.0', { ...valid, versions: { ...valid.versions, navigator: '4.8.2' } }, '/versions/navigator must match pattern'],
    ['score as a string', { ...valid, techniques: [{ techniqueID: 'T1610', tactic: 'execution', score: '2' }] }, '/techniques/0/score must be number'],
    ['technique without id', { ...valid, techniques: [{ tactic: 'execution' }] }, "/techniques/0 must have required property 'techniqueID'"],
    ['malformed id', { ...valid, techniques: [{ techniqueID: 'T1610.1' }] }, '/techniques/0/techniqueID must match pattern'],
    ['tactic not of the technique', { ...valid, techniques: [{ techniqueID: 'T1610', tactic: 'persistence' }] }, '/techniques/0 tactic persistence is not a tactic of T1610 (execution, defense-evasion)'],
    ['unknown technique', { ...valid, techniques: [{ techniqueID: 'T9999' }] }, '/techniques/0 T9999 is not an active technique of ATT&CK 18.1'],
    ['duplicate entry', { ...valid, techniques: [{ techniqueID: 'T1610', tactic: 'execution' }, { techniqueID: 'T1610', tactic: 'execution' }] }, '/techniques/1 duplicates T1610 execution'],
    ['showSubtechniques without sub-techniques', { ...valid, techniques: [{ techniqueID: 'T1610', tactic: 'execution', showSubtechniques: true }] }, '/techniques/0 showSubtechniques on T1610, which has no sub-techniques'],
    ['one gradient colour', { ...valid, gradient: { colors: ['#ffffff'], minValue: 0, maxValue: 1 } }, '/gradient/colors must NOT have fewer than 2 items'],
    ['gradient max not above min', { ...valid, gradient: { colors: ['#ffffff', '#000000'], minValue: 2, maxValue: 2 } }, '/gradient maxValue must be greater than minValue'],
    ['legend item without colour', { ...valid, legendItems: [{ label: 'x' }] }, "/legendItems/0 must have required property 'color'"],
    ['metadata without value', { ...valid, metadata: [{ name: 'x' }] }, '/metadata/0 must have required property'],
  ];
  for (const [label, layer, problem] of invalid) {
    it(`rejects: ${label}`, () => {
      expect(layerProblems(layer, catalog).join('\n')).toContain(problem);
    });
  }
});

describe('the coverage layer', () => {
  const { layer, diagnostics } = buildLayer(exampleLibrary);

  it('is a valid 4.5 layer for ATT&CK 18', () => {
    expect(layerProblems(layer, catalog)).toEqual([]);
    expect(layer.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(layer.domain).toBe('enterprise-attack');
    expect(diagnostics).toEqual([]);
  });

  it('has one entry per covered (technique, tactic), scored with the number of rules', () => {
    expect(layer.techniques.map((t) => [t.techniqueID, t.tactic, t.score ?? null, t.showSubtechniques ?? false])).toEqual([
      ['T1078', 'privilege-escalation', null, true],
      ['T1078.004', 'privilege-escalation', 1, false],
      ['T1204', 'execution', null, true],
      ['T1204.003', 'execution', 1, false],
      ['T1610', 'execution', 3, false],
      ['T1610', 'defense-evasion', 2, false],
      ['T1611', 'privilege-escalation', 1, false],
    ]);
  });

  it('names the rules in the comment and metadata', () => {
    const entry = layer.techniques.find((t) => t.techniqueID === 'T1610' && t.tactic === 'defense-evasion')!;
    expect(entry.comment).toBe('2 rules: Kubernetes Debug Image Pod Created in kube-system; Kubernetes Pod Creation Using Common Debug or Base Images');
    expect(entry.metadata).toEqual([
      { name: 'rule', value: 'Kubernetes Debug Image Pod Created in kube-system' },
      { name: 'id', value: 'c7d1e2f3-0a4b-4c5d-8e9f-1a2b3c4d5e6f' },
      { name: 'severity', value: 'high' },
      { divider: true },
      { name: 'rule', value: 'Kubernetes Pod Creation Using Common Debug or Base Images' },
      { name: 'id', value: '93120a05-caf5-47f6-a305-e8abee463fb9' },
      { name: 'severity', value: 'low' },
    ]);
  });

  it('has a gradient from one rule to the most, a legend and the MITRE attribution', () => {
    expect(layer.gradient).toEqual({ colors: ['#dbe9fb', '#1f5fbf'], minValue: 1, maxValue: 3 });
    expect(layer.legendItems.map((l) => l.label)).toEqual(['1 rule', '3 rules']);
    expect(layer.metadata).toContainEqual({ name: 'attribution', value: catalog.copyright });
    expect(layer.description).toContain(catalog.copyright);
  });

  it('leaves out a technique mapped under a tactic it does not belong to, with a warning', () => {
    const misplaced = makeRule({ id: 'm', name: 'Misplaced', attack: [mapping('persistence', 'T1610')] });
    const result = buildLayer(makeLibrary([misplaced]));
    expect(result.layer.techniques).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['navigator/technique-not-in-tactic', 'warning']]);
    expect(result.diagnostics[0]?.message).toContain('Map it under one of its tactics (execution, defense-evasion)');
    expect(layerProblems(result.layer, catalog)).toEqual([]);
  });

  it('writes attack-navigator.json at the top of the output, valid after formatting and stable', async () => {
    const first = await navigatorTarget.emit(exampleLibrary, { targets: ['navigator'], queries: new Map() });
    const second = await navigatorTarget.emit(exampleLibrary, { targets: ['navigator'], queries: new Map() });
    expect(first.files.map((f) => f.path)).toEqual(['attack-navigator.json']);
    expect(second.files).toEqual(first.files);
    const formatted = await formatOutputFile(first.files[0]!);
    expect(layerProblems(JSON.parse(String(formatted.contents)), catalog)).toEqual([]);
  });
});
