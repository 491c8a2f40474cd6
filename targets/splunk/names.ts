// Names of the objects the app defines: correlation-search stanzas and per-rule macros.

import type { Rule } from '../../compiler/ir.ts';

/** Enterprise Security's content build keeps correlation search names under 100 characters. */
export const MAX_SEARCH_NAME = 99;

/** `kubernetes_suspicious_image_pulling`: the rule name in lower case, words joined by `_`. */
export function ruleSlug(rule: Rule): string {
  const slug = rule.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug === '' ? `rule_${rule.id.replace(/[^a-z0-9]/gi, '_').toLowerCase()}` : slug;
}

export function filterMacroName(rule: Rule): string {
  return `${ruleSlug(rule)}_filter`;
}

/** Characters a stanza header cannot hold: brackets end it, line breaks end the line. */
function stanzaSafe(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\[/g, '(').replace(/\]/g, ')');
}

/**
 * `<App label> - <rule name> - Rule`; when longer than Splunk allows, the rule name is shortened
 * (`truncated` tells the caller to warn).
 */
export function searchName(label: string, rule: Rule): { name: string; truncated: boolean } {
  const prefix = `${stanzaSafe(label)} - `;
  const suffix = ' - Rule';
  const ruleName = stanzaSafe(rule.name);
  const full = `${prefix}${ruleName}${suffix}`;
  if (full.length <= MAX_SEARCH_NAME) return { name: full, truncated: false };
  // Two long names can share their first 99 characters; a piece of the rule id keeps them apart.
  const tag = ` (${rule.id.slice(0, 8)})`;
  const room = Math.max(1, MAX_SEARCH_NAME - prefix.length - suffix.length - tag.length);
  return { name: `${prefix}${ruleName.slice(0, room).trimEnd()}${tag}${suffix}`, truncated: true };
}
