// A rule's whole KQL query: the data source filter, the rule's match expression, and one
// `not (…)` per allowlist, ANDed and laid out for reading.

import type { Diagnostic } from '../../../compiler/diagnostics.ts';
import type { Rule } from '../../../compiler/ir.ts';
import { exprToKql } from './from-expr.ts';
import { layoutKql } from './layout.ts';
import { and, not, type KqlNode } from './tree.ts';

export interface RuleQuery {
  /** Absent when a construct was refused. */
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function ruleKql(rule: Rule): RuleQuery {
  const diagnostics: Diagnostic[] = [];
  const clauses: KqlNode[] = [];
  const filter = rule.dataSource.elastic.filter.trim();
  if (filter !== '') clauses.push({ kind: 'raw', text: filter });

  const match = exprToKql(rule.detection.match);
  diagnostics.push(...match.diagnostics);
  if (match.node) clauses.push(match.node);

  for (const allowlist of rule.detection.allowlists) {
    const excluded = exprToKql(allowlist.match);
    diagnostics.push(...excluded.diagnostics);
    if (excluded.node) clauses.push(not(excluded.node));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { text: layoutKql(and(clauses)), diagnostics };
}
