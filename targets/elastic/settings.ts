// The Elastic settings: project defaults (detc.yml `elastic:`, schema $defs.project) and per-rule
// overrides (`targets.elastic`, schema $defs.rule), both already validated by the schema. A rule
// setting wins over the project's; the project's over detc's default.

import type { Rule, TargetOverrides } from '../../compiler/ir.ts';

export interface ProjectSettings {
  readonly author?: readonly string[];
  readonly license?: string;
  readonly enabled?: boolean;
  readonly max_signals?: number;
  readonly timestamp_override?: string;
  readonly tags?: readonly string[];
  readonly missing_fields_strategy?: 'suppress' | 'doNotSuppress';
}

export interface RuleSettings {
  readonly building_block?: boolean;
  readonly timestamp_override?: string;
  readonly enabled?: boolean;
  readonly max_signals?: number;
  readonly tags?: readonly string[];
  readonly index?: readonly string[];
  readonly setup?: string;
  readonly missing_fields_strategy?: 'suppress' | 'doNotSuppress';
}

/** What one rule's JSON is built with. */
export interface EffectiveSettings {
  readonly author: readonly string[];
  readonly license?: string;
  readonly enabled: boolean;
  readonly maxSignals: number;
  readonly buildingBlock: boolean;
  readonly timestampOverride?: string;
  readonly extraTags: readonly string[];
  readonly index?: readonly string[];
  readonly setup?: string;
  readonly missingFieldsStrategy: 'suppress' | 'doNotSuppress';
}

/** Kibana's own default for max_signals. */
export const DEFAULT_MAX_SIGNALS = 100;

export function effectiveSettings(rule: Rule, projectConfig: TargetOverrides): EffectiveSettings {
  const project = projectConfig as ProjectSettings;
  const own = rule.targets.elastic as RuleSettings;
  return {
    author: rule.author.length > 0 ? rule.author : (project.author ?? []),
    license: project.license,
    // Rules ship disabled unless someone chose otherwise, as Elastic's prebuilt rules do.
    enabled: own.enabled ?? project.enabled ?? false,
    maxSignals: own.max_signals ?? project.max_signals ?? DEFAULT_MAX_SIGNALS,
    buildingBlock: own.building_block ?? false,
    timestampOverride: own.timestamp_override ?? project.timestamp_override,
    extraTags: [...(project.tags ?? []), ...(own.tags ?? [])],
    index: own.index,
    setup: own.setup,
    missingFieldsStrategy: own.missing_fields_strategy ?? project.missing_fields_strategy ?? 'suppress',
  };
}
