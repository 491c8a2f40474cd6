// A small IR library built by hand: a base rule with two variations, a rule without variations,
// two data sources, and the project's ATT&CK v18.1 catalog. The docs and navigator unit tests use
// it so that they exercise every page section without depending on the YAML rule library.

import { attackCatalogInfo, resolveTactic, resolveTechnique } from '../../compiler/attack/catalog.ts';
import type {
  AttackMapping,
  DataSource,
  Duration,
  Expr,
  Field,
  FieldType,
  Library,
  Rule,
  Span,
  Tactic,
  Technique,
} from '../../compiler/ir.ts';

export const span: Span = { file: 'fixture.yml', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export function tactic(text: string): Tactic {
  const found = resolveTactic(text);
  if (!found) throw new Error(`no tactic ${text}`);
  return found;
}

export function technique(id: string): Technique {
  const found = resolveTechnique(id);
  if (!found) throw new Error(`no technique ${id}`);
  return found;
}

export function mapping(tacticName: string, ...techniqueIds: string[]): AttackMapping {
  return { tactic: tactic(tacticName), techniques: techniqueIds.map(technique), span };
}

export function duration(text: string): Duration {
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[text.slice(-1) as 's' | 'm' | 'h' | 'd'];
  return { kind: 'duration', text, seconds: Number(text.slice(0, -1)) * unit, span };
}

function field(name: string, type: FieldType, splunk: string, elastic: string, description: string, multiValue = false): Field {
  return { kind: 'field', name, type, multiValue, lowercase: false, description, splunk, elastic, span };
}

function dataSource(
  name: string,
  title: string,
  description: string,
  fields: Field[],
  splunk: DataSource['splunk'],
  elastic: DataSource['elastic'],
): DataSource {
  return {
    kind: 'data-source',
    name,
    title,
    description,
    provenance: 'Vendor documentation',
    fields: new Map(fields.map((f) => [f.name, f])),
    splunk,
    elastic,
    span,
  };
}

export const kubernetesAudit = dataSource(
  'kubernetes_audit',
  'Kubernetes audit logs',
  'API server audit events.',
  [
    field('verb', 'keyword', 'verb', 'kubernetes.audit.verb', 'API verb.'),
    field('resource', 'keyword', 'objectRef.resource', 'kubernetes.audit.objectRef.resource', 'Resource type.'),
    field('image', 'keyword', 'requestObject.spec.containers{}.image', 'kubernetes.audit.requestObject.spec.containers.image', 'Container images of the pod.', true),
    field('namespace', 'keyword', 'objectRef.namespace', 'kubernetes.audit.objectRef.namespace', 'Namespace of the object.'),
    field('user', 'keyword', 'user.username', 'kubernetes.audit.user.username', 'User who made the request.'),
    field('source_ip', 'ip', 'sourceIPs{}', 'source.ip', 'Client address.'),
  ],
  { macro: 'kube_audit', definition: 'sourcetype=kube:apiserver:audit' },
  { index: ['logs-kubernetes.audit_logs-*'], filter: 'event.dataset:"kubernetes.audit_logs"', integrations: [{ package: 'kubernetes', version: '^1.80.0' }] },
);

export const containerRuntime = dataSource(
  'container_runtime',
  'Container runtime events',
  'Container lifecycle events from the runtime.',
  [
    field('action', 'keyword', 'action', 'event.action', 'Lifecycle action.'),
    field('privileged', 'boolean', 'privileged', 'container.security_context.privileged', 'Started with --privileged.'),
    field('host', 'keyword', 'host', 'host.name', 'Host name.'),
    field('container_image', 'keyword', 'image', 'container.image.name', 'Image name.'),
  ],
  { macro: 'container_runtime', definition: 'sourcetype=docker:events' },
  { index: ['logs-docker-*'], filter: '', integrations: [] },
);

const f = (source: DataSource, name: string): Field => {
  const found = source.fields.get(name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

function equals(source: DataSource, name: string, ...values: (string | boolean)[]): Expr {
  return {
    kind: 'equals',
    field: { kind: 'field-ref', field: f(source, name), span },
    values: values.map((v) => (typeof v === 'string' ? { kind: 'string', value: v, span } : { kind: 'boolean', value: v, span })),
    ignoreCase: false,
    written: values.length > 1 ? 'in' : '==',
    span,
  };
}

function like(source: DataSource, name: string, ...patterns: string[]): Expr {
  return {
    kind: 'like',
    field: { kind: 'field-ref', field: f(source, name), span },
    patterns: patterns.map((p) => ({
      kind: 'glob',
      parts: p.split(/(\*)/).filter(Boolean).map((part) => (part === '*' ? { kind: 'any-string' } : { kind: 'text', text: part })),
      span,
    })),
    ignoreCase: false,
    written: 'like',
    span,
  };
}

const and = (...operands: Expr[]): Expr => ({ kind: 'and', operands, span });

/** A complete rule with sensible defaults; tests override what they look at. */
export function makeRule(overrides: Partial<Rule> & Pick<Rule, 'id' | 'name'>): Rule {
  return {
    kind: 'rule',
    version: 1,
    status: 'stable',
    severity: 'low',
    risk: { score: 21 },
    description: '',
    dataSource: kubernetesAudit,
    detection: { type: 'query', match: equals(kubernetesAudit, 'verb', 'create'), allowlists: [] },
    periods: { test: 'single-event' },
    schedule: { interval: duration('5m'), lookback: duration('5m'), delay: duration('0m') },
    attack: [],
    entities: [],
    fields: [],
    message: '',
    requiredData: [],
    detectionModules: [],
    detectorTags: [],
    attackerGoals: '',
    investigation: [],
    falsePositives: [],
    references: [],
    author: [],
    tags: [],
    targets: { splunk: {}, elastic: {} },
    tests: [],
    variations: [],
    file: 'rules/fixture.yml',
    span,
    ...overrides,
  };
}

const debugImagesMatch = and(
  equals(kubernetesAudit, 'verb', 'create'),
  equals(kubernetesAudit, 'resource', 'pods'),
  like(kubernetesAudit, 'image', 'alpine*', 'busybox*', '*netshoot:*'),
);

const debugImageBase = {
  dataSource: kubernetesAudit,
  detection: {
    type: 'new_terms' as const,
    match: debugImagesMatch,
    allowlists: [],
    fields: [f(kubernetesAudit, 'user'), f(kubernetesAudit, 'source_ip')],
  },
  periods: { activation: duration('14d'), training: duration('30d'), test: 'single-event' as const, deduplication: duration('1d') },
  requiredData: ['Kubernetes audit logs'],
  detectionModules: ['Cloud Security'],
  detectorTags: ['Kubernetes - API', 'Containers'],
  entities: [{ field: f(kubernetesAudit, 'user'), type: 'user' as const, role: 'victim' as const, span }],
  fields: [f(kubernetesAudit, 'user'), f(kubernetesAudit, 'image'), f(kubernetesAudit, 'namespace')],
};

const variationByServiceAccount = makeRule({
  ...debugImageBase,
  id: '3a0c5f4e-6d1b-4c7e-9a2f-0b8d7e6c5a41',
  name: 'Kubernetes Debug Image Pod Created by a Service Account',
  severity: 'medium',
  risk: { score: 47 },
  description: 'A service account, not a person, created a pod from a debug or base image.',
  attackerGoals: 'Use a stolen service account token to run tooling inside the cluster.',
  investigation: ['Find which workload owns the service account.'],
  attack: [mapping('execution', 'T1610'), mapping('privilege-escalation', 'T1078.004')],
  variationOf: { id: '93120a05-caf5-47f6-a305-e8abee463fb9', name: 'Kubernetes Pod Creation Using Common Debug or Base Images' },
  tests: [
    {
      name: 'service account creates busybox pod',
      expect: 'alert',
      events: [{ verb: 'create', resource: 'pods', image: 'busybox:1.36', user: 'system:serviceaccount:ci:deployer' }],
      history: [],
      span,
    },
  ],
});

const variationInKubeSystem = makeRule({
  ...debugImageBase,
  id: 'c7d1e2f3-0a4b-4c5d-8e9f-1a2b3c4d5e6f',
  name: 'Kubernetes Debug Image Pod Created in kube-system',
  severity: 'high',
  risk: { score: 73 },
  description: 'A debug or base image pod appeared in the kube-system namespace.',
  attackerGoals: 'Hide a tooling pod among system workloads.',
  investigation: ['Compare the pod with the cluster add-ons that normally run in kube-system.'],
  attack: [mapping('execution', 'T1610'), mapping('defense-evasion', 'T1610')],
  variationOf: { id: '93120a05-caf5-47f6-a305-e8abee463fb9', name: 'Kubernetes Pod Creation Using Common Debug or Base Images' },
});

export const ruleWithVariations = makeRule({
  ...debugImageBase,
  id: '93120a05-caf5-47f6-a305-e8abee463fb9',
  name: 'Kubernetes Pod Creation Using Common Debug or Base Images',
  version: 3,
  severity: 'low',
  risk: { score: 21 },
  description:
    'Detects successful pod creation requests that use commonly abused base and debugging images.\n\nThe first pod per user and address in 30 days alerts.',
  attackerGoals: 'Deploy a throwaway container with built-in tooling for reconnaissance and lateral movement.',
  investigation: ['Check which user created the pod and from which address.', 'Look at what the pod ran (`kubectl logs <pod>`, `kubectl describe pod`).'],
  attack: [mapping('execution', 'T1610', 'T1204.003'), mapping('defense-evasion', 'T1610')],
  falsePositives: ['Administrators debugging a cluster with a toolbox image.'],
  references: ['https://attack.mitre.org/techniques/T1610/', 'Internal runbook KUBE-12'],
  author: ['Detection Engineering'],
  created: '2026-01-12',
  modified: '2026-03-02',
  tests: [
    {
      name: 'busybox pod creation alerts',
      expect: 'alert',
      events: [{ verb: 'create', resource: 'pods', image: 'busybox:1.36', user: 'alice', source_ip: '10.0.0.5' }],
      history: [{ verb: 'create', resource: 'pods', image: 'nginx:1.25', user: 'bob', source_ip: '10.0.0.6' }],
      span,
    },
    {
      name: 'nginx pod does not alert',
      expect: 'no-alert',
      events: [{ verb: 'create', resource: 'pods', image: 'nginx:1.25', user: 'alice', source_ip: '10.0.0.5' }],
      history: [],
      span,
    },
  ],
  variations: [variationByServiceAccount, variationInKubeSystem],
});

export const ruleWithoutVariations = makeRule({
  id: '5e2b8c1d-7f3a-4b6e-9c0d-2a1b3c4d5e6f',
  name: 'Privileged Container Started',
  severity: 'high',
  risk: { impact: 80, confidence: 70, score: 56 },
  description: 'A container started with full access to the host devices and kernel capabilities.',
  dataSource: containerRuntime,
  detection: {
    type: 'threshold',
    match: and(equals(containerRuntime, 'action', 'start'), equals(containerRuntime, 'privileged', true)),
    allowlists: [
      { name: 'known_privileged_images', description: 'Agents that need privileges.', match: like(containerRuntime, 'container_image', '*falco*'), span },
    ],
    groupBy: [f(containerRuntime, 'host')],
    value: 3,
  },
  periods: { activation: duration('14d'), test: duration('10m'), deduplication: duration('6h') },
  requiredData: ['Docker daemon events', 'containerd events'],
  attack: [mapping('privilege-escalation', 'T1611')],
  attackerGoals: 'Escape the container to the host.',
  investigation: ['Check who started the container.'],
  falsePositives: [],
  references: [],
  author: ['Detection Engineering', 'Platform Security'],
  created: '2026-02-01',
  tests: [
    {
      name: 'three privileged starts on one host alert',
      expect: 'alert',
      events: [
        { action: 'start', privileged: true, host: 'node-1', container_image: 'alpine' },
        { action: 'start', privileged: true, host: 'node-1', container_image: 'alpine' },
        { action: 'start', privileged: true, host: 'node-1', container_image: 'alpine' },
      ],
      history: [],
      span,
    },
  ],
});

export const hostileName = 'Evil <script>alert("name")</script> *bold* | pipe [x](javascript:alert(1))';
export const hostileDescription = '<img src=x onerror=alert(1)> **strong** | cell [link](https://evil.example) `<script>alert("code")</script>`';
/** How the description reads once the author's `code` span is shown as code. */
export const hostileDescriptionShown = '<img src=x onerror=alert(1)> **strong** | cell [link](https://evil.example) <script>alert("code")</script>';
/** A test-event value (YAML escapes can write these) with a bidi override, a C1 control and a line separator. */
export const hostileInvisibleValue = 'a\u202eb\u0085c\u2028d\u2066e';
/** A rule whose every text field tries to inject HTML or Markdown. */
export const hostileRule = makeRule({
  id: '00000000-0000-4000-8000-000000000001',
  name: hostileName,
  description: `${hostileDescription}\n\n# Heading? - list? 1. item?`,
  attackerGoals: '</p><script>alert("goals")</script>',
  investigation: ['<b>bold</b> & "quotes" \'single\'', '- [ ] checkbox'],
  falsePositives: ['| a | b |'],
  references: ['javascript:alert(1)', 'https://example.com/"><script>alert(1)</script>'],
  detectorTags: ['*tag*', '<iframe src="https://evil.example">'],
  requiredData: ['<style>body{display:none}</style>'],
  attack: [mapping('execution', 'T1610')],
  tests: [{ name: '</code></pre><script>alert("test")</script>', expect: 'alert', events: [{ verb: '</script><script>alert(1)</script>', image: hostileInvisibleValue }], history: [], span }],
});
export function makeLibrary(rules: readonly Rule[], docsConfig: Record<string, unknown> = { title: 'Example detections' }): Library {
  const all = rules.flatMap((rule) => [rule, ...rule.variations]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sources = [...new Set(all.map((r) => r.dataSource))].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    rules: all,
    dataSources: sources,
    config: { splunk: {}, elastic: {}, docs: docsConfig },
    attack: attackCatalogInfo(),
  };
}

/** The hand-made library: one base rule with two variations and one rule without. */
export const exampleLibrary: Library = makeLibrary([ruleWithVariations, ruleWithoutVariations]);

/** Queries as the Splunk and Elastic targets would hand them to docs (the text is what matters here). */
export const exampleQueries = new Map([
  [
    'splunk',
    new Map([
      [ruleWithVariations.id, { language: 'spl', text: '`kube_audit` verb="create" objectRef.resource="pods"\n| stats min(_time) as firstTime by user.username' }],
      [ruleWithoutVariations.id, { language: 'spl', text: '`container_runtime` action="start" privileged="true"\n| stats count by host\n| where count >= 3' }],
    ]),
  ],
  [
    'elastic',
    new Map([[ruleWithVariations.id, { language: 'kuery', text: 'kubernetes.audit.verb:"create" and kubernetes.audit.objectRef.resource:"pods"' }]]),
  ],
]);
