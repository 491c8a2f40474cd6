// Kibana rule tags in Elastic's conventions (`Data Source: …`, `Use Case: …`, `Tactic: …`,
// `Rule Type: BBR` for building blocks), then the rule's own tags and the configured extra
// tags; duplicates dropped, first occurrence kept.

import type { Rule } from '../../compiler/ir.ts';

export function ruleTags(rule: Rule, options: { buildingBlock: boolean; extraTags: readonly string[] }): string[] {
  const tags = [
    `Data Source: ${rule.dataSource.title}`,
    'Use Case: Threat Detection',
    ...rule.attack.map((m) => `Tactic: ${m.tactic.name}`),
    ...(options.buildingBlock ? ['Rule Type: BBR'] : []),
    ...rule.tags,
    ...options.extraTags,
  ];
  return [...new Set(tags)];
}
