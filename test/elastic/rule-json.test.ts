// The Kibana rule objects: the seed rule against Elastic's published rule and a golden file,
// and each mapping (severity, schedule, threat, suppression, threshold, tags, note) on its own.

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../compiler/ir.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { emitElastic } from '../../targets/elastic/index.ts';
import { repoRoot } from '../support/compile.ts';
import { parseKql } from './kql-ast.ts';
import { T1204_003, T1609, T1610, TA0002, TA0005, and, dur, eq, f, libraryOf, like, regex, seedRule, str } from './fixtures.ts';

const ruleFile = (id: string) => `elastic/rules/${id}.json`;

function emitOne(rule: Rule, config: Record<string, unknown> = {}) {
  const result = emitElastic(libraryOf([rule], config));
  const file = result.files.find((x) => x.path === ruleFile(rule.id));
  return { result, json: file ? (JSON.parse(String(file.contents)) as Record<string, any>) : undefined };
}

describe('the seed rule (Kubernetes Pod Creation Using Common Debug or Base Images), compiled from YAML', async () => {
  // test/fixtures/elastic/library/rules/debug_image_pod.yml, through the whole pipeline.
  const compiled = await compileLibrary({ paths: ['rules/debug_image_pod.yml', 'rules/data-sources'], cwd: resolve(repoRoot, 'test/fixtures/elastic/library') });
  const seed = compiled.library!.rules.find((r) => r.id === seedRule.id)!;
  const { result, json } = emitOne(seed, compiled.library!.config.elastic);

  it('matches the golden files', async () => {
    expect(compiled.diagnostics).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    await expect(String(result.files.find((x) => x.path === ruleFile(seedRule.id))!.contents)).toMatchFileSnapshot('../fixtures/elastic/seed-rule.json');
    await expect(String(result.files.find((x) => x.path === 'elastic/rules.ndjson')!.contents)).toMatchFileSnapshot('../fixtures/elastic/seed-rule.ndjson');
    await expect(`${json!.query}\n`).toMatchFileSnapshot('../fixtures/elastic/seed-rule.kql');
  });

  it("has the same six conditions as Elastic's published rule", () => {
    expect(parseKql(json!.query)).toEqual({
      type: 'and',
      operands: [
        { type: 'is', field: 'event.dataset', value: { type: 'phrase', text: 'kubernetes.audit_logs' } },
        { type: 'is', field: 'kubernetes.audit.stage', value: { type: 'phrase', text: 'ResponseComplete' } },
        { type: 'is', field: 'kubernetes.audit.annotations.authorization_k8s_io/decision', value: { type: 'phrase', text: 'allow' } },
        { type: 'is', field: 'kubernetes.audit.objectRef.resource', value: { type: 'phrase', text: 'pods' } },
        { type: 'is', field: 'kubernetes.audit.verb', value: { type: 'phrase', text: 'create' } },
        {
          type: 'or',
          operands: [['alpine', ''], ['busybox', ''], ['ubuntu:', ''], ['debian:', ''], ['', 'netshoot:', ''], ['', 'network-multitool:', ''], ['', 'curl:', '']].map((parts) => ({
            type: 'is',
            field: 'kubernetes.audit.requestObject.spec.containers.image',
            value: { type: 'wildcard', parts },
          })),
        },
      ],
    });
    // The colon in the image patterns is escaped, exactly as Elastic writes it.
    expect(json!.query).toContain('image:(alpine* or busybox* or ubuntu\\:* or debian\\:* or *netshoot\\:* or *network-multitool\\:* or *curl\\:*)');
  });

  it('is a new_terms rule with the published settings', () => {
    expect(json).toMatchObject({
      rule_id: '93120a05-caf5-47f6-a305-e8abee463fb9',
      type: 'new_terms',
      language: 'kuery',
      index: ['logs-kubernetes.audit_logs-*'],
      new_terms_fields: ['source.ip', 'user_agent.original', 'user.name'],
      history_window_start: 'now-5d',
      risk_score: 21,
      severity: 'low',
      interval: '5m',
      from: 'now-6m',
      timestamp_override: 'event.ingested',
      license: 'Apache-2.0',
    });
    expect(json!.threat.map((t: any) => [t.tactic.id, t.technique.map((x: any) => x.id)])).toEqual([
      ['TA0002', ['T1610', 'T1609']],
      ['TA0005', ['T1610']],
    ]);
    expect(json).not.toHaveProperty('to');
  });
});

const base: Rule = { ...seedRule, id: '00000000-0000-4000-8000-000000000001', detection: { type: 'query', match: eq(f('verb'), str('create')), allowlists: [] } };

describe('rule fields', () => {
  it('maps informational severity to low and keeps the risk score', () => {
    expect(emitOne({ ...base, severity: 'informational', risk: { score: 5 } }).json).toMatchObject({ severity: 'low', risk_score: 5 });
    expect(emitOne({ ...base, severity: 'critical', risk: { score: 99 } }).json).toMatchObject({ severity: 'critical', risk_score: 99 });
  });

  it('searches the lookback, shifted back by the delay', () => {
    const schedule = { interval: dur('10m', 600), lookback: dur('15m', 900), delay: dur('2m', 120) };
    expect(emitOne({ ...base, schedule }).json).toMatchObject({ interval: '10m', from: 'now-17m', to: 'now-2m' });
    const odd = { interval: dur('1h', 3600), lookback: dur('3630s', 3630), delay: dur('0s', 0) };
    expect(emitOne({ ...base, schedule: odd }).json).toMatchObject({ interval: '1h', from: 'now-3630s' });
    expect(emitOne({ ...base, schedule: odd }).json).not.toHaveProperty('to');
  });

  it('nests sub-techniques under their parent technique, under the tactic they serve', () => {
    const attack = [
      { tactic: TA0002, techniques: [T1204_003, T1610], span: base.span },
      { tactic: TA0005, techniques: [T1610, T1609], span: base.span },
    ];
    expect(emitOne({ ...base, attack }).json!.threat).toEqual([
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0002', name: 'Execution', reference: 'https://attack.mitre.org/tactics/TA0002/' },
        technique: [
          {
            id: 'T1204',
            name: 'User Execution',
            reference: 'https://attack.mitre.org/techniques/T1204/',
            subtechnique: [{ id: 'T1204.003', name: 'Malicious Image', reference: 'https://attack.mitre.org/techniques/T1204/003/' }],
          },
          { id: 'T1610', name: 'Deploy Container', reference: 'https://attack.mitre.org/techniques/T1610/' },
        ],
      },
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0005', name: 'Defense Evasion', reference: 'https://attack.mitre.org/tactics/TA0005/' },
        technique: [
          { id: 'T1610', name: 'Deploy Container', reference: 'https://attack.mitre.org/techniques/T1610/' },
          { id: 'T1609', name: 'Container Administration Command', reference: 'https://attack.mitre.org/techniques/T1609/' },
        ],
      },
    ]);
  });

  it('builds threshold rules with cardinality over the test window, suppressing by duration only', () => {
    const rule: Rule = {
      ...base,
      detection: { type: 'threshold', match: eq(f('verb'), str('delete')), allowlists: [], groupBy: [f('user')], value: 20, cardinality: { field: f('namespace'), value: 3 } },
      periods: { test: dur('10m', 600), deduplication: dur('1d', 86400) },
    };
    const { json } = emitOne(rule);
    expect(json).toMatchObject({
      type: 'threshold',
      threshold: { field: ['user.name'], value: 20, cardinality: [{ field: 'kubernetes.audit.objectRef.namespace', value: 3 }] },
      from: 'now-10m',
      alert_suppression: { duration: { value: 24, unit: 'h' } },
    });
    expect(json!.alert_suppression).not.toHaveProperty('group_by');
  });

  it('warns when a threshold window is shorter than the interval', () => {
    const rule: Rule = {
      ...base,
      detection: { type: 'threshold', match: eq(f('verb'), str('delete')), allowlists: [], groupBy: [], value: 5 },
      periods: { test: dur('10m', 600) },
      schedule: { interval: dur('1h', 3600), lookback: dur('1h', 3600), delay: dur('0m', 0) },
    };
    const { result, json } = emitOne(rule);
    expect(json).toMatchObject({ interval: '1h', from: 'now-10m' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'elastic/threshold-window-gap', severity: 'warning' })]);
  });

  it('suppresses query rules by their entity fields for the deduplication period', () => {
    const rule: Rule = {
      ...base,
      periods: { test: 'single-event', deduplication: dur('90m', 5400) },
      entities: [
        { field: f('user'), type: 'user', role: 'victim', span: base.span },
        { field: f('source_ip'), type: 'ip_address', role: 'attacker', span: base.span },
      ],
    };
    expect(emitOne(rule, { missing_fields_strategy: 'doNotSuppress' }).json!.alert_suppression).toEqual({
      group_by: ['user.name', 'source.ip'],
      duration: { value: 90, unit: 'm' },
      missing_fields_strategy: 'doNotSuppress',
    });
    const { result, json } = emitOne({ ...rule, entities: [] });
    expect(json).not.toHaveProperty('alert_suppression');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'elastic/suppression-without-entities', severity: 'warning' })]);
  });

  it('makes building blocks, tags them, and lets rule settings win over project settings', () => {
    const rule: Rule = { ...base, tags: ['Domain: Kubernetes', 'Use Case: Threat Detection'], targets: { splunk: {}, elastic: { building_block: true, enabled: true, max_signals: 5, tags: ['Team: Platform'] } } };
    const { json } = emitOne(rule, { enabled: false, max_signals: 50, timestamp_override: 'event.ingested', tags: ['Source: detc'] });
    expect(json).toMatchObject({ building_block_type: 'default', enabled: true, max_signals: 5, timestamp_override: 'event.ingested' });
    expect(json!.tags).toEqual([
      'Data Source: Kubernetes',
      'Use Case: Threat Detection',
      'Tactic: Execution',
      'Tactic: Defense Evasion',
      'Rule Type: BBR',
      'Domain: Kubernetes',
      'Source: detc',
      'Team: Platform',
    ]);
  });

  it('ANDs one not-clause per allowlist', () => {
    const rule: Rule = { ...base, detection: { type: 'query', match: eq(f('verb'), str('create')), allowlists: [{ name: 'ok_images', description: '', match: like(f('image'), '*falco*', '*splunk*'), span: base.span }] } };
    expect(emitOne(rule).json!.query).toBe(
      'event.dataset:"kubernetes.audit_logs" and\nkubernetes.audit.verb:"create" and\nnot kubernetes.audit.requestObject.spec.containers.image:(*falco* or *splunk*)',
    );
  });

  it('keeps rule text inert in the Markdown investigation guide', () => {
    const rule: Rule = {
      ...base,
      description: 'Runs <script>alert(1)</script> and **bold** [link](http://x) `code` | pipe',
      investigation: ['# not a heading', '1. not a list'],
      falsePositives: ['- not a nested list'],
    };
    const note: string = emitOne(rule).json!.note;
    expect(note).toContain('Runs \\<script\\>alert(1)\\</script\\> and \\*\\*bold\\*\\* \\[link\\](http://x) \\`code\\` \\| pipe');
    expect(note).toContain('- \\# not a heading\n- 1\\. not a list');
    expect(note).toContain('- \\- not a nested list');
    expect(note).not.toMatch(/<script>/);
  });

  it('lists required fields (sorted, ECS-style types) and investigation fields', () => {
    const rule: Rule = { ...base, detection: { type: 'query', match: and(eq(f('verb'), str('create')), eq(f('source_ip'), str('10.0.0.1'))), allowlists: [] }, fields: [f('user'), f('user')] };
    const { json } = emitOne(rule);
    expect(json!.required_fields).toEqual([
      { name: 'event.dataset', type: 'keyword' }, // from the data source filter
      { name: 'kubernetes.audit.verb', type: 'keyword' },
      { name: 'source.ip', type: 'ip' },
    ]);
    expect(json!.investigation_fields).toEqual({ field_names: ['user.name'] });
    expect(json!.related_integrations).toEqual([{ package: 'kubernetes', version: '^1.80.0' }]);
  });

  it('writes a setup guide from the required data and integrations, unless the rule has its own', () => {
    const rule: Rule = { ...base, requiredData: ['Audit policy at level *Request*'] };
    expect(emitOne(rule).json!.setup).toBe(
      '## Setup\n\nThis rule searches Kubernetes events (logs-kubernetes.audit\\_logs-\\*).\n\nElastic integrations: kubernetes.\n\nRequired data:\n\n- Audit policy at level \\*Request\\*\n',
    );
    expect(emitOne({ ...rule, targets: { splunk: {}, elastic: { setup: 'Install it.' } } }).json!.setup).toBe('Install it.');
  });

  it('refuses a rule it cannot compile faithfully, and leaves it out', () => {
    const bad: Rule = { ...base, id: '00000000-0000-4000-8000-000000000002', detection: { type: 'query', match: regex(f('image'), '(?=a)b'), allowlists: [] } };
    const result = emitElastic(libraryOf([seedRule, bad]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['elastic/regex-unsupported']);
    expect(result.files.map((x) => x.path)).toEqual([ruleFile(seedRule.id), 'elastic/rules.ndjson']);
    expect(result.queries?.has(bad.id)).toBe(false);
    expect(result.queries?.get(seedRule.id)?.language).toBe('kuery');
  });

  it('warns when there are more entities than Kibana can suppress by', () => {
    const entities = (['user', 'source_ip', 'user_agent', 'namespace'] as const).map((name) => ({ field: f(name), type: 'other' as const, role: 'victim' as const, span: base.span }));
    const { result, json } = emitOne({ ...base, entities, periods: { test: 'single-event', deduplication: dur('1h', 3600) } });
    expect(json!.alert_suppression.group_by).toEqual(['user.name', 'source.ip', 'user_agent.original']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'elastic/suppression-too-many-entities', severity: 'warning' })]);
  });

  it('refuses new_terms rules with more than three fields', () => {
    const detection = { ...seedRule.detection, fields: [f('source_ip'), f('user_agent'), f('user'), f('namespace')] } as Rule['detection'];
    const { result, json } = emitOne({ ...seedRule, detection });
    expect(json).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['elastic/new-terms-field-count']);
  });

  it('refuses an empty group', () => {
    const { result } = emitOne({ ...base, detection: { type: 'query', match: { kind: 'or', operands: [], span: base.span }, allowlists: [] } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['elastic/empty-group']);
  });

  it('refuses new_terms rules without a training period', () => {
    const { result, json } = emitOne({ ...seedRule, periods: { test: 'single-event' } });
    expect(json).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'elastic/new-terms-needs-training', span: seedRule.span })]);
  });
});

describe('output files', () => {
  const other: Rule = { ...base, id: '00000000-0000-4000-8000-000000000000' };
  const result = emitElastic(libraryOf([seedRule, base, other]));

  it('writes one pretty JSON file per rule and an ndjson bundle sorted by rule_id', () => {
    expect(result.files.map((x) => x.path)).toEqual([
      ruleFile('00000000-0000-4000-8000-000000000000'),
      ruleFile('00000000-0000-4000-8000-000000000001'),
      ruleFile('93120a05-caf5-47f6-a305-e8abee463fb9'),
      'elastic/rules.ndjson',
    ]);
    const ndjson = String(result.files.at(-1)!.contents);
    expect(ndjson.endsWith('}\n')).toBe(true);
    const lines = ndjson.slice(0, -1).split('\n');
    expect(lines.map((l) => JSON.parse(l).rule_id)).toEqual(['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001', '93120a05-caf5-47f6-a305-e8abee463fb9']);
    for (const [i, line] of lines.entries()) expect(JSON.parse(line)).toEqual(JSON.parse(String(result.files[i]!.contents)));
  });

  it('is byte-identical from run to run, whatever the input order', () => {
    const again = emitElastic(libraryOf([other, seedRule, base].reverse()));
    expect(again.files).toEqual(result.files);
  });
});
