import { describe, expect, it } from 'vitest';
import { durationInWords, testPeriodInWords } from '../../targets/docs/durations.ts';
import { buildRulePage, type PageContext } from '../../targets/docs/rule-page.ts';
import { assignSlugs, slugify } from '../../targets/docs/slugs.ts';
import { duration, exampleLibrary, exampleQueries, makeRule, mapping, ruleWithoutVariations, ruleWithVariations } from './fixtures.ts';

const context = (queries = exampleQueries): PageContext => ({
  slugs: assignSlugs(exampleLibrary.rules),
  dataSourceSlugs: new Map([['kubernetes_audit', 'kubernetes-audit'], ['container_runtime', 'container-runtime']]),
  queries: [...queries],
});

describe('durations in words', () => {
  const cases: [string, string][] = [
    ['14d', '14 Days'],
    ['1d', '1 Day'],
    ['10m', '10 Minutes'],
    ['1m', '1 Minute'],
    ['6h', '6 Hours'],
    ['36h', '36 Hours'],
    ['90s', '90 Seconds'],
    ['120s', '2 Minutes'],
    ['0m', '0 Seconds'],
  ];
  for (const [text, words] of cases) {
    it(`${text} → ${words}`, () => expect(durationInWords(duration(text).seconds)).toBe(words));
  }
  it('test period', () => {
    expect(testPeriodInWords('single-event')).toBe('N/A (single event)');
    expect(testPeriodInWords(duration('10m'))).toBe('10 Minutes');
  });
});

describe('the Cortex synopsis', () => {
  it('lists the rows in Cortex order with their values', () => {
    const page = buildRulePage(ruleWithVariations, context());
    expect(page.cortex.synopsis.map((row) => [row.label, row.intro ?? '', row.lines.map((l) => l.text)])).toEqual([
      ['Activation Period', '', ['14 Days']],
      ['Training Period', '', ['30 Days']],
      ['Test Period', '', ['N/A (single event)']],
      ['Deduplication Period', '', ['1 Day']],
      ['Required Data', 'Requires:', ['Kubernetes audit logs']],
      ['Detection Modules', '', ['Cloud Security']],
      ['Detector Tags', '', ['Kubernetes - API', 'Containers']],
      ['ATT&CK Tactic', '', ['Execution (TA0002)', 'Defense Evasion (TA0005)']],
      ['ATT&CK Technique', '', ['Deploy Container (T1610)', 'User Execution: Malicious Image (T1204.003)']],
      ['Severity', '', ['Low']],
    ]);
  });

  it('says "one of the following" for several data sources and omits empty rows', () => {
    const page = buildRulePage(ruleWithoutVariations, context());
    const labels = page.cortex.synopsis.map((row) => row.label);
    expect(labels).toEqual(['Activation Period', 'Test Period', 'Deduplication Period', 'Required Data', 'ATT&CK Tactic', 'ATT&CK Technique', 'Severity']);
    expect(page.cortex.synopsis[3]).toMatchObject({ intro: 'Requires one of the following data sources:', list: true });
  });

  it('omits empty text sections', () => {
    const bare = makeRule({ id: 'x', name: 'Bare', attack: [mapping('execution', 'T1059.001')] });
    const page = buildRulePage(bare, context());
    expect(page.cortex.description).toEqual([]);
    expect(page.cortex.attackerGoals).toEqual([]);
    expect(page.cortex.investigation).toEqual([]);
    expect(page.cortex.synopsis.map((r) => r.label)).toEqual(['Test Period', 'ATT&CK Tactic', 'ATT&CK Technique', 'Severity']);
    expect(page.cortex.synopsis[2]?.lines[0]?.text).toBe('Command and Scripting Interpreter: PowerShell (T1059.001)');
  });

  it('gives variations their own tactics, techniques, severity and text, inheriting the rest', () => {
    const page = buildRulePage(ruleWithVariations, context());
    expect(page.variations.map((v) => v.name)).toEqual([
      'Kubernetes Debug Image Pod Created by a Service Account',
      'Kubernetes Debug Image Pod Created in kube-system',
    ]);
    const first = page.variations[0]!;
    expect(first.synopsis.map((row) => [row.label, row.lines.map((l) => l.text)])).toEqual([
      ['ATT&CK Tactic', ['Execution (TA0002)', 'Privilege Escalation (TA0004)']],
      ['ATT&CK Technique', ['Deploy Container (T1610)', 'Valid Accounts: Cloud Accounts (T1078.004)']],
      ['Severity', ['Medium']],
    ]);
    expect(first.description).toEqual([[{ code: false, text: 'A service account, not a person, created a pod from a debug or base image.' }]]);
    expect(first.anchor).toBe('kubernetes-debug-image-pod-created-by-a-service-account');
  });
});

describe('beyond Cortex', () => {
  it('shows the queries of the targets built before docs, in build order', () => {
    const page = buildRulePage(ruleWithVariations, context());
    expect(page.queries.map((g) => [g.ruleName, g.queries.map((q) => q.title)])).toEqual([
      ['Kubernetes Pod Creation Using Common Debug or Base Images', ['Splunk search', 'Elastic query']],
    ]);
  });

  it('has no query section when no query target was built', () => {
    expect(buildRulePage(ruleWithVariations, context(new Map())).queries).toEqual([]);
  });

  it('lists the fields the detection, entities and alert use', () => {
    const page = buildRulePage(ruleWithoutVariations, context());
    expect(page.fields.map((f) => f.name)).toEqual(['action', 'container_image', 'host', 'privileged']);
    expect(buildRulePage(ruleWithVariations, context()).fields.find((f) => f.name === 'image')?.type).toBe('keyword (multi-value)');
  });

  it('collects the tests of the rule and its variations', () => {
    const page = buildRulePage(ruleWithVariations, context());
    expect(page.tests.map((t) => [t.ruleName, t.name, t.expectLabel])).toEqual([
      ['Kubernetes Pod Creation Using Common Debug or Base Images', 'busybox pod creation alerts', 'Alerts'],
      ['Kubernetes Pod Creation Using Common Debug or Base Images', 'nginx pod does not alert', 'Does not alert'],
      ['Kubernetes Debug Image Pod Created by a Service Account', 'service account creates busybox pod', 'Alerts'],
    ]);
  });

  it('explains the detection: type, window, schedule, entities and exclusions', () => {
    expect(buildRulePage(ruleWithoutVariations, context()).detection).toEqual({
      typeLabel: 'Threshold',
      summary: 'Alerts when at least 3 matching events with the same host occur within 10 minutes.',
      schedule: 'Runs every 5 minutes over the previous 5 minutes.',
      // IR built by hand carries no source text: no expression is shown rather than a made-up one.
      match: '',
      allowlists: [{ name: 'known_privileged_images', description: 'Agents that need privileges.', match: '' }],
      entities: [],
    });
    expect(buildRulePage(ruleWithVariations, context()).detection).toMatchObject({
      summary: 'Alerts when a combination of user, source_ip appears that was not seen in the previous 30 days.',
      entities: ['user (user, victim)'],
    });
  });

  it('links references only when they are web addresses', () => {
    expect(buildRulePage(ruleWithVariations, context()).references).toEqual([
      { text: 'https://attack.mitre.org/techniques/T1610/', url: 'https://attack.mitre.org/techniques/T1610/' },
      { text: 'Internal runbook KUBE-12' },
    ]);
  });
});

describe('slugs', () => {
  it('come from names and stay file-safe', () => {
    expect(slugify('Kubernetes Pod Creation (Debug) — v2!')).toBe('kubernetes-pod-creation-debug-v2');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });

  it('stay unique when names collide', () => {
    const a = makeRule({ id: 'aaaaaaaa-0000-4000-8000-000000000000', name: 'Same name' });
    const b = makeRule({ id: 'bbbbbbbb-0000-4000-8000-000000000000', name: 'Same Name' });
    const c = makeRule({ id: 'cccccccc-0000-4000-8000-000000000000', name: '日本語' });
    expect([...assignSlugs([b, a, c])]).toEqual([
      ['aaaaaaaa-0000-4000-8000-000000000000', 'same-name-aaaaaaaa'],
      ['bbbbbbbb-0000-4000-8000-000000000000', 'same-name-bbbbbbbb'],
      ['cccccccc-0000-4000-8000-000000000000', 'rule'],
    ]);
  });
});
