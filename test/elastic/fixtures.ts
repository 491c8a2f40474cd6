// Hand-built IR for the Elastic target's tests: the Kubernetes audit data source and the seed
// rule "Kubernetes Pod Creation Using Common Debug or Base Images", plus small builders for
// expressions. (Kept for unit tests of single constructs; library-level tests compile YAML.)

import type {
  DataSource,
  Expr,
  Field,
  FieldType,
  Glob,
  GlobPart,
  Rule,
  Span,
  Tactic,
  Technique,
  Value,
} from '../../compiler/ir.ts';

export const span = (line = 1, column = 1, file = 'rules/test.yml'): Span => ({
  file,
  start: { line, column, offset: 0 },
  end: { line, column: column + 1, offset: 1 },
});

export function field(name: string, type: FieldType, elastic: string, options: { multiValue?: boolean; lowercase?: boolean } = {}): Field {
  return {
    kind: 'field',
    name,
    type,
    multiValue: options.multiValue ?? false,
    lowercase: options.lowercase ?? false,
    description: '',
    splunk: name,
    elastic,
    span: span(),
  };
}

const K8S_FIELDS: Field[] = [
  field('stage', 'keyword', 'kubernetes.audit.stage'),
  field('decision', 'keyword', 'kubernetes.audit.annotations.authorization_k8s_io/decision'),
  field('resource', 'keyword', 'kubernetes.audit.objectRef.resource'),
  field('verb', 'keyword', 'kubernetes.audit.verb'),
  field('image', 'keyword', 'kubernetes.audit.requestObject.spec.containers.image', { multiValue: true }),
  field('user', 'keyword', 'user.name'),
  field('source_ip', 'ip', 'source.ip'),
  field('user_agent', 'keyword', 'user_agent.original'),
  field('namespace', 'keyword', 'kubernetes.audit.objectRef.namespace'),
];

export const kubernetesAudit: DataSource = {
  kind: 'data-source',
  name: 'kubernetes_audit',
  title: 'Kubernetes',
  description: 'Kubernetes API server audit logs.',
  provenance: 'Elastic Kubernetes integration',
  fields: new Map(K8S_FIELDS.map((f) => [f.name, f])),
  splunk: { macro: 'kube_audit', definition: 'sourcetype=kube:apiserver:audit' },
  elastic: {
    index: ['logs-kubernetes.audit_logs-*'],
    filter: 'event.dataset:"kubernetes.audit_logs"',
    integrations: [{ package: 'kubernetes', version: '^1.80.0' }],
  },
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

export const eq = (fld: Field, ...values: Value[]): Expr => ({ kind: 'equals', field: ref(fld), values, ignoreCase: false, written: values.length > 1 ? 'in' : '==', span: span() });
export const eqLower = (fld: Field, ...values: Value[]): Expr => ({ ...(eq(fld, ...values) as Extract<Expr, { kind: 'equals' }>), ignoreCase: true });
export const range = (fld: Field, op: '<' | '<=' | '>' | '>=', value: number): Expr => ({ kind: 'range', field: ref(fld), op, value: { kind: 'number', value, span: span() }, span: span() });
export const exists = (fld: Field): Expr => ({ kind: 'exists', field: ref(fld), span: span() });
export const cidr = (fld: Field, ...blocks: string[]): Expr => ({ kind: 'cidr', field: ref(fld), blocks: blocks.map((b) => ({ kind: 'string', value: b, span: span() })), span: span() });
export const regex = (fld: Field, pattern: string, flags = ''): Expr => ({ kind: 'regex', field: ref(fld), pattern, flags, span: span(7, 9) });
export const and = (...operands: Expr[]): Expr => ({ kind: 'and', operands, span: span() });
export const or = (...operands: Expr[]): Expr => ({ kind: 'or', operands, span: span() });
export const not = (operand: Expr): Expr => ({ kind: 'not', operand, span: span() });

/** A glob from its written form: `*` any string, `?` any character, `\` escapes. */
export function glob(written: string): Glob {
  const parts: GlobPart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < written.length; i++) {
    const ch = written[i]!;
    if (ch === '\\' && i + 1 < written.length) text += written[++i];
    else if (ch === '*') (flush(), parts.push({ kind: 'any-string' }));
    else if (ch === '?') (flush(), parts.push({ kind: 'any-char' }));
    else text += ch;
  }
  flush();
  return { kind: 'glob', parts, span: span(3, 5) };
}

export const like = (fld: Field, ...patterns: string[]): Expr => ({ kind: 'like', field: ref(fld), patterns: patterns.map(glob), ignoreCase: false, written: 'like', span: span(3, 5) });
export const likeGlobs = (fld: Field, patterns: Glob[], ignoreCase = false): Expr => ({ kind: 'like', field: ref(fld), patterns, ignoreCase, written: 'like', span: span(3, 5) });

const tactic = (id: string, name: string, shortname: string): Tactic => ({ id, name, shortname, url: `https://attack.mitre.org/tactics/${id}` });
const technique = (id: string, name: string, parent?: { id: string; name: string }): Technique => ({
  id,
  name,
  url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}`,
  ...(parent ? { parent: { ...parent, url: `https://attack.mitre.org/techniques/${parent.id}` } } : {}),
});
export const TA0002 = tactic('TA0002', 'Execution', 'execution');
export const TA0005 = tactic('TA0005', 'Defense Evasion', 'defense-evasion');
export const T1610 = technique('T1610', 'Deploy Container');
export const T1609 = technique('T1609', 'Container Administration Command');
export const T1204_003 = technique('T1204.003', 'Malicious Image', { id: 'T1204', name: 'User Execution' });

const duration = (text: string, seconds: number) => ({ kind: 'duration' as const, text, seconds, span: span(20, 3) });

export const seedRule: Rule = {
  kind: 'rule',
  id: '93120a05-caf5-47f6-a305-e8abee463fb9',
  name: 'Kubernetes Pod Creation Using Common Debug or Base Images',
  version: 1,
  status: 'stable',
  severity: 'low',
  risk: { score: 21 },
  description:
    'Detects successful Kubernetes pod creation requests using commonly abused base and debugging container images such as BusyBox, Alpine, Ubuntu, Netshoot, and network multitool variants.',
  dataSource: kubernetesAudit,
  detection: {
    type: 'new_terms',
    match: and(
      eq(f('stage'), str('ResponseComplete')),
      eq(f('decision'), str('allow')),
      eq(f('resource'), str('pods')),
      eq(f('verb'), str('create')),
      like(f('image'), 'alpine*', 'busybox*', 'ubuntu:*', 'debian:*', '*netshoot:*', '*network-multitool:*', '*curl:*'),
    ),
    allowlists: [],
    fields: [f('source_ip'), f('user_agent'), f('user')],
  },
  periods: { training: duration('5d', 5 * 86400), test: 'single-event' },
  schedule: { interval: duration('5m', 300), lookback: duration('6m', 360), delay: duration('0m', 0) },
  attack: [
    { tactic: TA0002, techniques: [T1610, T1609], span: span() },
    { tactic: TA0005, techniques: [T1610], span: span() },
  ],
  entities: [],
  fields: [f('user'), f('source_ip'), f('user_agent'), f('image'), f('namespace')],
  message: 'Pod created with debug image $image$ by $user$',
  requiredData: ['Kubernetes audit logs'],
  detectionModules: [],
  detectorTags: [],
  attackerGoals: 'Deploy a throwaway container with built-in tooling for reconnaissance or payload staging.',
  investigation: ['Check which user created the pod and from which address.'],
  falsePositives: ['Administrators debugging a cluster with a toolbox image.'],
  references: ['https://attack.mitre.org/techniques/T1610/'],
  author: ['Elastic'],
  tags: ['Domain: Kubernetes'],
  targets: { splunk: {}, elastic: { timestamp_override: 'event.ingested' } },
  tests: [],
  variations: [],
  file: 'rules/kubernetes/debug-image-pod.yml',
  span: span(),
};

/** A library of the given rules, as the pipeline would hand it to the target. */
export function libraryOf(rules: readonly Rule[], elastic: Record<string, unknown> = {}): import('../../compiler/ir.ts').Library {
  return {
    rules: [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    dataSources: [kubernetesAudit],
    config: { splunk: {}, elastic, docs: {} },
    attack: { version: '18.1', copyright: '', tactics: [TA0002, TA0005], techniques: [] },
  };
}

export const dur = duration;
