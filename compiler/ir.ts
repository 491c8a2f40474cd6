// The intermediate representation: what targets consume. Targets import this file only
// (never YAML, ajv or peggy). Everything here is readonly, resolved and already checked:
// fields point at their data-source definition, ATT&CK ids carry names, durations carry seconds.
//
// Every union has a `kind`; targets `switch` on it and end with `assertNever`, so adding a
// construct fails to compile in every target until each one handles it.

import type { Span } from './diagnostics.ts';

export type { Span } from './diagnostics.ts';

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------
// Data sources and fields

export type FieldType = 'keyword' | 'text' | 'number' | 'ip' | 'boolean' | 'date';

/** One logical field of a data source, with its native name in each target. */
export interface Field {
  readonly kind: 'field';
  /** Logical name used by rules and tests, e.g. `image`. */
  readonly name: string;
  readonly type: FieldType;
  /** The field can hold several values (an array); a comparison matches when any value matches. */
  readonly multiValue: boolean;
  /** The source already lower-cases this field's values (so a case-sensitive match of a lower-case value is safe). */
  readonly lowercase: boolean;
  readonly description: string;
  /** Native name per target: Splunk `requestObject.spec.containers{}.image`, Elastic `kubernetes.audit.requestObject.spec.containers.image`. */
  readonly splunk: string;
  readonly elastic: string;
  readonly span: Span;
}

export interface DataSource {
  readonly kind: 'data-source';
  /** Identifier used in rules' `data_source`, e.g. `kubernetes_audit`. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Where the field names come from (vendor documentation), shown in docs. */
  readonly provenance: string;
  readonly fields: ReadonlyMap<string, Field>;
  readonly splunk: {
    /** Macro that selects the events, e.g. `kube_audit`; rules start with `` `kube_audit` ``. */
    readonly macro: string;
    /** The macro's definition for macros.conf, e.g. `sourcetype=kube:apiserver:audit`. */
    readonly definition: string;
  };
  readonly elastic: {
    readonly index: readonly string[];
    /** KQL filter ANDed with every query, e.g. `event.dataset:"kubernetes.audit_logs"`; empty when none. */
    readonly filter: string;
    /** Integration package names, for `related_integrations`, e.g. `kubernetes`. */
    readonly integrations: readonly { readonly package: string; readonly version: string; readonly integration?: string }[];
  };
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Match expressions

export type Expr = And | Or | Not | Equals | Range | Like | Regex | Cidr | Exists;

export interface And {
  readonly kind: 'and';
  readonly operands: readonly Expr[];
  readonly span: Span;
}

export interface Or {
  readonly kind: 'or';
  readonly operands: readonly Expr[];
  readonly span: Span;
}

export interface Not {
  readonly kind: 'not';
  readonly operand: Expr;
  readonly span: Span;
}

/** A field reference; `field` is the data-source definition. */
export interface FieldRef {
  readonly kind: 'field-ref';
  readonly field: Field;
  readonly span: Span;
}

export type Value = StringValue | NumberValue | BooleanValue;

export interface StringValue {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}
export interface NumberValue {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}
export interface BooleanValue {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

/**
 * `f == v` and `f in [v1, v2]`: true when some value of f equals some listed value.
 * `f != v` is lowered to `not (f == v)`.
 * With `ignoreCase` (written `lower(f) == "v"`), the field value is lower-cased before comparing;
 * the listed values are already lower case (a check guarantees it).
 */
export interface Equals {
  readonly kind: 'equals';
  readonly field: FieldRef;
  readonly values: readonly Value[];
  readonly ignoreCase: boolean;
  /** How the rule wrote it, for messages and docs only. */
  readonly written: '==' | 'in';
  readonly span: Span;
}

/** `f < n`, `f <= n`, `f > n`, `f >= n` on numbers. */
export interface Range {
  readonly kind: 'range';
  readonly field: FieldRef;
  readonly op: '<' | '<=' | '>' | '>=';
  readonly value: NumberValue;
  readonly span: Span;
}

/** A glob pattern: literal text, `*` (any run of characters, possibly empty) and `?` (one character). */
export interface Glob {
  readonly kind: 'glob';
  readonly parts: readonly GlobPart[];
  readonly span: Span;
}
export type GlobPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'any-string' }
  | { readonly kind: 'any-char' };

/**
 * `like`, `startswith`, `endswith`, `contains`: true when some value of f matches some pattern
 * (the whole value must match the glob). `startswith "a"` is the glob `a*`, and so on.
 */
export interface Like {
  readonly kind: 'like';
  readonly field: FieldRef;
  readonly patterns: readonly Glob[];
  readonly ignoreCase: boolean;
  readonly written: 'like' | 'startswith' | 'endswith' | 'contains';
  readonly span: Span;
}

/**
 * `f matches /re/flags`: true when some value of f contains a match of the regex (unanchored search).
 * The regex flavour is the common subset documented in docs/language.md; flags are a subset of `ims`.
 */
export interface Regex {
  readonly kind: 'regex';
  readonly field: FieldRef;
  readonly pattern: string;
  readonly flags: string;
  readonly span: Span;
}

/** `f cidr "10.0.0.0/8"` or a list: true when some value of f is an IP address inside some block. */
export interface Cidr {
  readonly kind: 'cidr';
  readonly field: FieldRef;
  readonly blocks: readonly StringValue[];
  readonly span: Span;
}

/** `f exists`: the field is present and not null (an empty array counts as absent). */
export interface Exists {
  readonly kind: 'exists';
  readonly field: FieldRef;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Rules

export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type Status = 'experimental' | 'test' | 'stable' | 'deprecated';

export interface Duration {
  readonly kind: 'duration';
  /** As written, e.g. `14d`. */
  readonly text: string;
  readonly seconds: number;
  readonly span: Span;
}

export interface Tactic {
  readonly id: string; // TA0002
  readonly name: string; // Execution
  readonly shortname: string; // execution
  readonly url: string;
}

export interface Technique {
  readonly id: string; // T1204.003
  readonly name: string; // Malicious Image (a sub-technique's own name)
  readonly url: string;
  /** For a sub-technique, its parent technique; `undefined` for a technique. */
  readonly parent?: { readonly id: string; readonly name: string; readonly url: string };
}

export interface AttackMapping {
  readonly tactic: Tactic;
  readonly techniques: readonly Technique[];
  readonly span: Span;
}

export type EntityType = 'user' | 'system' | 'ip_address' | 'process' | 'file' | 'image' | 'container' | 'other';

export interface Entity {
  readonly field: Field;
  readonly type: EntityType;
  /** victim → Splunk risk object; attacker → Splunk threat object. Both suppress in Elastic. */
  readonly role: 'victim' | 'attacker';
  readonly span: Span;
}

/** A named exclusion: Splunk macro `` `name` `` (search NOT …), Elastic `and not (…)`. */
export interface Allowlist {
  readonly name: string;
  readonly description: string;
  readonly match: Expr;
  /** The expression as the rule wrote it, for documentation (absent in IR built by hand). */
  readonly matchText?: string;
  readonly span: Span;
}

export type Detection = QueryDetection | NewTermsDetection | ThresholdDetection;

export interface QueryDetection {
  readonly type: 'query';
  readonly match: Expr;
  /** The expression as the rule wrote it, for documentation (absent in IR built by hand). */
  readonly matchText?: string;
  readonly allowlists: readonly Allowlist[];
}

/** Alert on events whose combination of `fields` values was not seen during `periods.training`. */
export interface NewTermsDetection {
  readonly type: 'new_terms';
  readonly match: Expr;
  readonly matchText?: string;
  readonly allowlists: readonly Allowlist[];
  readonly fields: readonly Field[]; // 1–3
}

/** Alert when at least `value` matching events share the `groupBy` values within `periods.test`. */
export interface ThresholdDetection {
  readonly type: 'threshold';
  readonly match: Expr;
  readonly matchText?: string;
  readonly allowlists: readonly Allowlist[];
  readonly groupBy: readonly Field[]; // may be empty: count over all events
  readonly value: number;
  /** Optional: also require at least `value` distinct values of `field` in the group. */
  readonly cardinality?: { readonly field: Field; readonly value: number };
}

export interface Periods {
  readonly activation?: Duration;
  readonly training?: Duration;
  /** `single-event` for rules that alert on one event; a window for threshold rules. */
  readonly test: Duration | 'single-event';
  readonly deduplication?: Duration;
}

export interface Schedule {
  readonly interval: Duration;
  readonly lookback: Duration;
  readonly delay: Duration;
}

export interface Risk {
  readonly score: number; // 0–100
  readonly impact?: number;
  readonly confidence?: number;
}

/** Event as given in a rule test: keyed by logical field names; `_time` optional (ISO 8601). */
export type TestEvent = Readonly<Record<string, unknown>>;

export interface RuleTest {
  readonly name: string;
  readonly expect: 'alert' | 'no-alert';
  readonly events: readonly TestEvent[];
  /** new_terms only: the events seen during the training window. */
  readonly history: readonly TestEvent[];
  readonly span: Span;
}

/** `targets.splunk` / `targets.elastic`: schema-validated per target, typed by the target itself. */
export type TargetOverrides = Readonly<Record<string, unknown>>;

export interface Rule {
  readonly kind: 'rule';
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly status: Status;
  readonly severity: Severity;
  readonly risk: Risk;
  readonly description: string;
  readonly dataSource: DataSource;
  readonly detection: Detection;
  readonly periods: Periods;
  readonly schedule: Schedule;
  readonly attack: readonly AttackMapping[];
  readonly entities: readonly Entity[];
  /** Fields shown in the alert (Splunk `stats … by`, Elastic `investigation_fields`). */
  readonly fields: readonly Field[];
  /** Alert / risk message with `$field$` tokens naming logical fields. */
  readonly message: string;
  readonly requiredData: readonly string[];
  readonly detectionModules: readonly string[];
  readonly detectorTags: readonly string[];
  readonly attackerGoals: string;
  readonly investigation: readonly string[];
  readonly falsePositives: readonly string[];
  readonly references: readonly string[];
  readonly author: readonly string[];
  readonly created?: string; // YYYY-MM-DD
  readonly modified?: string;
  readonly tags: readonly string[];
  readonly targets: { readonly splunk: TargetOverrides; readonly elastic: TargetOverrides };
  readonly tests: readonly RuleTest[];
  /** Set on a variation: the rule it derives from. Variations are full rules of their own. */
  readonly variationOf?: { readonly id: string; readonly name: string };
  /** On a base rule: its variations, in file order (each also appears in `Library.rules`). */
  readonly variations: readonly Rule[];
  /** The rule file and the span of the rule (or the variation entry). */
  readonly file: string;
  readonly span: Span;
}

/** The whole compiled library: what `emit` receives. */
export interface Library {
  /** Every rule and every variation, sorted by id. */
  readonly rules: readonly Rule[];
  /** Sorted by name. */
  readonly dataSources: readonly DataSource[];
  /** Project settings per target (`detc.yml`), schema-validated, typed by each target. */
  readonly config: { readonly splunk: TargetOverrides; readonly elastic: TargetOverrides; readonly docs: TargetOverrides };
  readonly attack: AttackCatalogInfo;
}

export interface AttackCatalogInfo {
  readonly version: string; // "18.1"
  readonly copyright: string;
  readonly tactics: readonly Tactic[]; // matrix order
  /** Every active technique and sub-technique, sorted by id, with tactic shortnames. */
  readonly techniques: readonly (Technique & { readonly tactics: readonly string[]; readonly isSubtechnique: boolean })[];
}

// ---------------------------------------------------------------------------------------------
// Helpers over the IR, shared by targets

/** Every field an expression compares, in order of appearance (repeats included). */
export function exprFields(expr: Expr): Field[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.operands.flatMap(exprFields);
    case 'not':
      return exprFields(expr.operand);
    case 'equals':
    case 'range':
    case 'like':
    case 'regex':
    case 'cidr':
    case 'exists':
      return [expr.field.field];
    default:
      return assertNever(expr, 'expression');
  }
}

/** The fields a detection reads: its match, allowlists, new_terms fields, threshold group and cardinality. */
export function detectionFields(detection: Detection): Field[] {
  const fields = [...exprFields(detection.match), ...detection.allowlists.flatMap((a) => exprFields(a.match))];
  switch (detection.type) {
    case 'query':
      return fields;
    case 'new_terms':
      return [...fields, ...detection.fields];
    case 'threshold':
      return [...fields, ...detection.groupBy, ...(detection.cardinality ? [detection.cardinality.field] : [])];
    default:
      return assertNever(detection, 'detection type');
  }
}
