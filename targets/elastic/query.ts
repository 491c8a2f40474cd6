// A rule's whole query: the data source filter, the rule's match expression, and one
// `not (…)` per allowlist, ANDed and laid out for reading.
//
// KQL (`language: kuery`) is the default, as in Elastic's own rules. A rule whose only obstacles
// are things Lucene can say and KQL cannot — `lower()` on a field the source does not lower-case,
// a regex, a `?` wildcard, whitespace in a wildcard pattern — is compiled to Lucene
// (`language: lucene`) instead. Anything else that cannot be expressed is refused.

import type { Diagnostic } from '../../compiler/diagnostics.ts';
import type { Expr, Rule } from '../../compiler/ir.ts';
import { splitFilterClauses } from './filter-clauses.ts';
import { exprToKql } from './kql/from-expr.ts';
import { KQL, layoutKql, type Dialect } from './kql/layout.ts';
import { and, not, type KqlNode } from './kql/tree.ts';
import { filterToLucene } from './lucene/filter.ts';
import { exprToLucene, safeNegations } from './lucene/from-expr.ts';

export type QueryLanguage = 'kuery' | 'lucene';

export interface RuleQuery {
  /** Both absent when a construct was refused (then `diagnostics` has an error for each). */
  readonly language?: QueryLanguage;
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

const LUCENE: Dialect = { and: 'AND', or: 'OR', not: 'NOT' };

/** KQL refusals that Lucene can express. */
const LUCENE_CAN = new Set(['elastic/regex-unsupported', 'elastic/case-insensitive-unsupported', 'elastic/single-char-wildcard-unsupported', 'elastic/wildcard-whitespace', 'elastic/wildcard-marker']);

export function ruleQuery(rule: Rule): RuleQuery {
  const kql = build(rule, exprToKql, () => rawFilter(rule));
  if (kql.node) return { language: 'kuery', text: layoutKql(kql.node, KQL), diagnostics: kql.diagnostics };
  const errors = kql.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.every((d) => LUCENE_CAN.has(d.code))) return { diagnostics: kql.diagnostics };

  const lucene = build(rule, exprToLucene, (out) => filterToLucene(rule.dataSource, out));
  if (!lucene.node) return { diagnostics: lucene.diagnostics };
  return { language: 'lucene', text: layoutKql(safeNegations(lucene.node, false), LUCENE), diagnostics: lucene.diagnostics };
}

/** The KQL filter as it is, one raw clause per top-level `and` operand. */
function rawFilter(rule: Rule): KqlNode | undefined {
  const filter = rule.dataSource.elastic.filter.trim();
  return filter === '' ? undefined : and(splitFilterClauses(filter).map((text): KqlNode => ({ kind: 'raw', text })));
}

function build(
  rule: Rule,
  translate: (expr: Expr) => { node?: KqlNode; diagnostics: readonly Diagnostic[] },
  filter: (out: Diagnostic[]) => KqlNode | undefined,
): { node?: KqlNode; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const clauses: KqlNode[] = [];
  const f = filter(diagnostics);
  if (f) clauses.push(f);
  const match = translate(rule.detection.match);
  diagnostics.push(...match.diagnostics);
  if (match.node) clauses.push(match.node);
  for (const allowlist of rule.detection.allowlists) {
    const excluded = translate(allowlist.match);
    diagnostics.push(...excluded.diagnostics);
    if (excluded.node) clauses.push(not(excluded.node));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { node: and(clauses), diagnostics };
}
