// The `note` field: a Markdown investigation guide shown with every alert, built from the rule's
// description, attacker goals, investigation steps and false positives. All rule text is escaped
// (markdown.ts); only the headings and list markers are ours.

import type { Rule } from '../../compiler/ir.ts';
import { escapeMarkdown } from './markdown.ts';

export function investigationGuide(rule: Rule): string {
  const sections: string[] = ['## Triage and analysis', `### Investigating ${escapeMarkdown(rule.name)}`, paragraph(rule.description)];
  if (rule.variationOf) sections.push(`This rule is a variation of ${escapeMarkdown(rule.variationOf.name)} (${rule.variationOf.id}).`);
  if (rule.attackerGoals.trim() !== '') sections.push('### Attacker goals', paragraph(rule.attackerGoals));
  if (rule.investigation.length > 0) sections.push('### Possible investigation steps', list(rule.investigation));
  if (rule.falsePositives.length > 0) sections.push('### False positive analysis', list(rule.falsePositives));
  return `${sections.join('\n\n')}\n`;
}

/**
 * The `setup` guide: what the rule needs to see its events (the rule's required data and the
 * data source's integrations), unless `targets.elastic.setup` says otherwise.
 */
export function setupGuide(rule: Rule): string | undefined {
  const integrations = rule.dataSource.elastic.integrations.map((i) => `${i.package}${i.integration ? ` (${i.integration})` : ''}`);
  if (rule.requiredData.length === 0 && integrations.length === 0) return undefined;
  const sections = ['## Setup', `This rule searches ${escapeMarkdown(rule.dataSource.title)} events (${escapeMarkdown(rule.dataSource.elastic.index.join(', '))}).`];
  if (integrations.length > 0) sections.push(`Elastic integrations: ${escapeMarkdown(integrations.join(', '))}.`);
  if (rule.requiredData.length > 0) sections.push('Required data:', list(rule.requiredData));
  return `${sections.join('\n\n')}\n`;
}

function paragraph(text: string): string {
  return escapeMarkdown(text.trim());
}

/** One list item per entry; an entry's further lines are indented so they stay in the item. */
function list(items: readonly string[]): string {
  return items.map((item) => `- ${escapeMarkdown(item.trim()).split('\n').join('\n  ')}`).join('\n');
}
