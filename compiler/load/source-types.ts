// The shapes of the YAML files as written by rule authors, after they passed the JSON Schemas
// (schema/rule.schema.json, schema/data-source.schema.json, schema/config.schema.json).
// Keys are snake_case as in YAML. Checks read these (with source positions); lower turns them into the IR.

export type DurationText = string; // `^[1-9][0-9]*[smhd]$`, e.g. `10m`, `14d`; only `schedule.delay` may be zero (`0m`)

export interface RuleSource {
  id: string; // UUID
  name: string;
  version: number; // integer ≥ 1
  status: 'experimental' | 'test' | 'stable' | 'deprecated';
  severity: 'informational' | 'low' | 'medium' | 'high' | 'critical';
  risk: { score: number } | { impact: number; confidence: number }; // 0–100 each
  description: string;
  data_source: string;
  detection: DetectionSource;
  periods: {
    activation?: DurationText;
    training?: DurationText;
    test: DurationText | 'single-event';
    deduplication?: DurationText;
  };
  schedule: { interval: DurationText; lookback: DurationText; delay?: DurationText };
  attack: AttackSource[];
  entities?: EntitySource[];
  fields?: string[];
  message: string;
  required_data?: string[];
  detection_modules?: string[];
  detector_tags?: string[];
  attacker_goals?: string;
  investigation?: string[];
  false_positives?: string[];
  references?: string[];
  author?: string | string[];
  created?: string; // YYYY-MM-DD
  modified?: string;
  tags?: string[];
  variations?: VariationSource[];
  targets?: { splunk?: Record<string, unknown>; elastic?: Record<string, unknown> };
  tests?: TestSource[];
}

export interface DetectionSource {
  type: 'query' | 'new_terms' | 'threshold';
  match: string; // a match expression (docs/language.md)
  new_terms?: { fields: string[] }; // required for new_terms
  threshold?: { group_by?: string[]; value: number; cardinality?: { field: string; value: number } }; // required for threshold
  allowlist?: AllowlistSource[];
}

export interface AllowlistSource {
  name: string; // `^[a-z][a-z0-9_]*$`, becomes a Splunk macro name
  description?: string;
  match: string;
}

export interface AttackSource {
  tactic: string; // TA0002 | Execution | execution
  techniques: string[]; // T1610, T1204.003
}

export interface EntitySource {
  field: string;
  type: 'user' | 'system' | 'ip_address' | 'process' | 'file' | 'image' | 'container' | 'other';
  role: 'victim' | 'attacker';
}

/** A variation: a derived rule with its own id and name; every other key overrides the base rule's. */
export interface VariationSource {
  id: string;
  name: string;
  description?: string;
  severity?: RuleSource['severity'];
  risk?: RuleSource['risk'];
  detection?: DetectionSource;
  attack?: AttackSource[];
  entities?: EntitySource[];
  fields?: string[];
  message?: string;
  attacker_goals?: string;
  investigation?: string[];
  false_positives?: string[];
  tags?: string[];
  targets?: RuleSource['targets'];
  tests?: TestSource[];
}

export interface TestSource {
  name: string;
  expect: 'alert' | 'no-alert';
  events: Record<string, unknown>[];
  history?: Record<string, unknown>[];
}

export interface DataSourceSource {
  name: string; // `^[a-z][a-z0-9_]*$`
  title: string;
  description: string;
  provenance: string; // where the field names come from
  splunk: { macro: string; definition: string };
  elastic: {
    index: string[];
    filter?: string;
    integrations?: { package: string; version: string; integration?: string }[];
  };
  fields: Record<string, FieldSource>;
}

export interface FieldSource {
  type: 'keyword' | 'text' | 'number' | 'ip' | 'boolean' | 'date';
  description?: string;
  multi_value?: boolean; // default false
  lowercase?: boolean; // default false
  splunk: string;
  elastic: string;
}

/** detc.yml at the project root (optional): settings per target. */
export interface ConfigSource {
  splunk?: Record<string, unknown>;
  elastic?: Record<string, unknown>;
  docs?: Record<string, unknown>;
}
