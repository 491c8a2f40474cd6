// The data source filter is written in KQL (`event.dataset:"kubernetes.audit_logs"`). A rule
// compiled to Lucene needs it in Lucene: we convert filters made of `field:"phrase"` or
// `field:plain-value` clauses joined by `and`, and refuse anything else.

import { error, type Diagnostic } from '../../../compiler/diagnostics.ts';
import type { DataSource } from '../../../compiler/ir.ts';
import { and, type KqlNode } from '../kql/tree.ts';
import { splitFilterClauses } from '../filter-clauses.ts';
import { escapeLuceneTerm } from './escape.ts';

const CLAUSE = /^([A-Za-z0-9_@.\/-]+)\s*:\s*(?:"((?:[^"\\]|\\["\\])*)"|([A-Za-z0-9_.-]+))$/;

export function filterToLucene(dataSource: DataSource, out: Diagnostic[]): KqlNode | undefined {
  const filter = dataSource.elastic.filter.trim();
  if (filter === '') return undefined;
  const clauses: KqlNode[] = [];
  for (const part of splitFilterClauses(filter)) {
    const m = CLAUSE.exec(part.trim());
    if (!m) {
      out.push(
        error(
          'elastic/lucene-filter',
          dataSource.span,
          `a rule of this data source needs a Lucene query, and its elastic.filter clause "${part.trim()}" is not of the form field:"value" that detc converts; write the filter as field:"value" clauses joined by "and".`,
        ),
      );
      return undefined;
    }
    const value = m[2] !== undefined ? `"${m[2]}"` : escapeLuceneTerm(m[3]!);
    clauses.push({ kind: 'raw', text: `${escapeLuceneTerm(m[1]!)}:${value}` });
  }
  return and(clauses);
}
