// Splunk target settings: project defaults (detc.yml `splunk:`, validated against
// schema/targets/splunk.schema.json#/$defs/project) overridden per rule by `targets.splunk`
// (validated against #/$defs/rule). The pipeline validates both; here we only read them, with
// the defaults documented in docs/targets.md.

import type { Library, Rule } from '../../compiler/ir.ts';

export type SecurityDomain = 'access' | 'endpoint' | 'network' | 'threat' | 'identity' | 'audit';

export interface ProjectSettings {
  readonly appId: string;
  readonly label: string;
  readonly version: string;
  readonly description: string;
  readonly author: string;
  readonly rule: RuleSettings;
}

export interface RuleSettings {
  /** Open an ES notable event when the search fires (risk is always written). */
  readonly notable: boolean;
  readonly securityDomain: SecurityDomain;
  /** Ship the correlation search disabled. */
  readonly disabled: boolean;
  /** Add a drilldown search to the notable event. */
  readonly drilldown: boolean;
}

export const DEFAULTS: ProjectSettings = {
  appId: 'detc_detections',
  label: 'detc',
  version: '1.0.0',
  description: 'Detection rules compiled by detc.',
  author: 'detc',
  rule: { notable: false, securityDomain: 'threat', disabled: false, drilldown: true },
};

type Raw = Readonly<Record<string, unknown>>;

const str = (raw: Raw, key: string, fallback: string): string => (typeof raw[key] === 'string' ? (raw[key] as string) : fallback);
const bool = (raw: Raw, key: string, fallback: boolean): boolean => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : fallback);

function ruleSettings(raw: Raw, fallback: RuleSettings): RuleSettings {
  return {
    notable: bool(raw, 'notable', fallback.notable),
    securityDomain: str(raw, 'security_domain', fallback.securityDomain) as SecurityDomain,
    disabled: bool(raw, 'disabled', fallback.disabled),
    drilldown: bool(raw, 'drilldown', fallback.drilldown),
  };
}

export function projectSettings(library: Library): ProjectSettings {
  const raw = library.config.splunk ?? {};
  return {
    appId: str(raw, 'app_id', DEFAULTS.appId),
    label: str(raw, 'label', DEFAULTS.label),
    version: str(raw, 'version', DEFAULTS.version),
    description: str(raw, 'description', DEFAULTS.description),
    author: str(raw, 'author', DEFAULTS.author),
    rule: ruleSettings(raw, DEFAULTS.rule),
  };
}

export function settingsFor(rule: Rule, project: ProjectSettings): RuleSettings {
  return ruleSettings(rule.targets.splunk ?? {}, project.rule);
}
