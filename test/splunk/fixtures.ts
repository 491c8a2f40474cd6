// Hand-built IR for the Splunk target's unit tests: a small Kubernetes audit data source (native
// names as in rules/data-sources/kubernetes_audit.yml) and the seed rule "Kubernetes Suspicious
// Image Pulling", plus builders for expressions. Library-level tests compile the real YAML.

import type { DataSource, Expr, Field, FieldType, Glob, GlobPart, Rule, Span, Value } from '../../compiler/ir.ts';

export const span = (line = 1, column = 1, file = 'rules/test.yml'): Span => ({
  file,
  start: { line, column, offset: line * 100 + column },
  end: { line, column: column + 1, offset: line * 100 + column + 1 },
});

export function field(name: string, type: FieldType, splunk: string, options: { multiValue?: boolean; lowercase?: boolean } = {}): Field {
  return {
    kind: 'field',
    name,
    type,
    multiValue: options.multiValue ?? false,
    lowercase: options.lowercase ?? false,
    description: '',
    splunk,
    elastic: name,
    span: span(),
  };
}

const FIELDS: Field[] = [
  field('verb', 'keyword', 'verb', { lowercase: true }),
  field('stage', 'keyword', 'stage'),
  field('decision', 'keyword', 'annotations.authorization.k8s.io/decision', { lowercase: true }),
  field('resource', 'keyword', 'objectRef.resource', { lowercase: true }),
  field('namespace', 'keyword', 'objectRef.namespace'),
  field('object_name', 'keyword', 'objectRef.name'),
  field('user', 'keyword', 'user.username'),
  field('user_groups', 'keyword', 'user.groups{}', { multiValue: true }),
  field('source_ip', 'ip', 'sourceIPs{}', { multiValue: true }),
  field('user_agent', 'keyword', 'userAgent'),
  field('response_code', 'number', 'responseStatus.code'),
  field('image', 'keyword', 'requestObject.spec.containers{}.image', { multiValue: true }),
  field('privileged', 'boolean', 'requestObject.spec.containers{}.securityContext.privileged', { multiValue: true }),
  field('event_message', 'text', 'requestObject.message'),
];

export const kubernetesAudit: DataSource = {
  kind: 'data-source',
  name: 'kubernetes_audit',
  title: 'Kubernetes API server audit log',
  description: 'Kubernetes API server audit logs.',
  provenance: 'test',
  fields: new Map(FIELDS.map((f) => [f.name, f])),
  splunk: { macro: 'kube_audit', definition: 'source="kubernetes"' },
  elastic: { index: ['logs-kubernetes.audit_logs-*'], filter: '', integrations: [] },
  span: span(),
};

export const f = (name: string): Field => {
  const found = kubernetesAudit.fields.get(name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

const ref = (fld: Field) => ({ kind: 'field-ref' as const, field: fld, span: span() });
export const str = (value: string): Value => ({ kind: 'string', value, span: span() });
export const num = (value: number): Value => ({ kind: 'number', value, span: span() });
export const bool = (value: boolean): Value => ({ kind: 'boolean', value, span: span() });

export const eq = (fld: Field, values: Value[], ignoreCase = false): Expr => ({
  kind: 'equals',
  field: ref(fld),
  values,
  ignoreCase,
  written: values.length > 1 ? 'in' : '==',
  span: span(),
});
export const range = (fld: Field, op: '<' | '<=' | '>' | '>=', value: number): Expr => ({
  kind: 'range',
  field: ref(fld),
  op,
  value: { kind: 'number', value, span: span() },
  span: span(),
});

/** A glob from its written form: `*` any string, `?` any character, `\` escapes. */
export function glob(written: string): Glob {
  const parts: GlobPart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < written.length; i++) {
    const c = written[i]!;
    if (c === '\\' && i + 1 < written.length) text += written[++i];
    else if (c === '*') (flush(), parts.push({ kind: 'any-string' }));
    else if (c === '?') (flush(), parts.push({ kind: 'any-char' }));
    else text += c;
  }
  flush();
  return { kind: 'glob', parts, span: span() };
}
export const like = (fld: Field, patterns: string[], ignoreCase = false, written: 'like' | 'startswith' | 'endswith' | 'contains' = 'like'): Expr => ({
  kind: 'like',
  field: ref(fld),
  patterns: patterns.map(glob),
  ignoreCase,
  written,
  span: span(),
});
export const regex = (fld: Field, pattern: string, flags = '', at = span()): Expr => ({ kind: 'regex', field: ref(fld), pattern, flags, span: at });
export const cidr = (fld: Field, ...blocks: string[]): Expr => ({
  kind: 'cidr',
  field: ref(fld),
  blocks: blocks.map((value) => ({ kind: 'string', value, span: span() })),
  span: span(),
});
export const exists = (fld: Field): Expr => ({ kind: 'exists', field: ref(fld), span: span() });
export const and = (...operands: Expr[]): Expr => ({ kind: 'and', operands, span: span() });
export const or = (...operands: Expr[]): Expr => ({ kind: 'or', operands, span: span() });
export const not = (operand: Expr): Expr => ({ kind: 'not', operand, span: span() });

const duration = (text: string, seconds: number) => ({ kind: 'duration' as const, text, seconds, span: span() });
export const minutes = (n: number) => duration(`${n}m`, n * 60);
export const hours = (n: number) => duration(`${n}h`, n * 3600);

/** The seed rule, as rules/kubernetes/kubernetes_suspicious_image_pulling.yml lowers it. */
export const suspiciousImagePulling: Rule = {
  kind: 'rule',
  id: '4d3a17b3-0a6d-4ae0-9421-46623a69c122',
  name: 'Kubernetes Suspicious Image Pulling',
  version: 3,
  status: 'stable',
  severity: 'medium',
  risk: { score: 49, impact: 70, confidence: 70 },
  description: 'Detects image pulls in a Kubernetes cluster for pods outside an allowlist.',
  dataSource: kubernetesAudit,
  detection: {
    type: 'query',
    match: like(f('event_message'), ['Pulling image*'], false, 'startswith'),
    allowlists: [
      {
        name: 'kube_allowed_images',
        description: 'Event objects (named after their pod) whose pulls are expected.',
        match: like(f('object_name'), ['*splunk*', '*falco*'], true),
        span: span(20),
      },
    ],
  },
  periods: { test: 'single-event', deduplication: hours(1) },
  schedule: { interval: hours(1), lookback: minutes(60), delay: minutes(10) },
  attack: [
    {
      tactic: { id: 'TA0007', name: 'Discovery', shortname: 'discovery', url: 'https://attack.mitre.org/tactics/TA0007/' },
      techniques: [{ id: 'T1526', name: 'Cloud Service Discovery', url: 'https://attack.mitre.org/techniques/T1526/' }],
      span: span(),
    },
  ],
  entities: [
    { field: f('user'), type: 'user', role: 'victim', span: span() },
    { field: f('source_ip'), type: 'ip_address', role: 'attacker', span: span() },
  ],
  fields: ['object_name', 'namespace', 'resource', 'event_message', 'source_ip', 'stage', 'user_groups', 'user', 'user_agent', 'verb'].map(f),
  message: 'Suspicious image pull ($event_message$) for $object_name$ in Kubernetes from ip $source_ip$ by user $user$',
  requiredData: [],
  detectionModules: [],
  detectorTags: [],
  attackerGoals: '',
  investigation: [],
  falsePositives: [],
  references: [],
  author: [],
  tags: [],
  targets: { splunk: { notable: false, security_domain: 'network' }, elastic: {} },
  tests: [],
  variations: [],
  file: 'rules/kubernetes/kubernetes_suspicious_image_pulling.yml',
  span: span(),
};

export function library(rules: Rule[], splunkConfig: Record<string, unknown> = {}) {
  return {
    rules,
    dataSources: [kubernetesAudit],
    config: { splunk: splunkConfig, elastic: {}, docs: {} },
    attack: { version: '18.1', copyright: '', tactics: [], techniques: [] },
  };
}
