// Field lists of a rule in Elastic terms: `required_fields` (every field the query, allowlists,
// new-terms, threshold and suppression use, with an ECS-style type) and `investigation_fields`.

import { detectionFields, type Field, type FieldType, type Rule } from '../../compiler/ir.ts';
import { splitFilterClauses } from './filter-clauses.ts';

/** The Elasticsearch type a field of each logical type is expected to be mapped as. */
const ES_TYPE: Record<FieldType, string> = {
  keyword: 'keyword',
  text: 'text',
  number: 'long',
  ip: 'ip',
  boolean: 'boolean',
  date: 'date',
};

export function esType(field: Field): string {
  return ES_TYPE[field.type];
}

export function requiredFields(rule: Rule): { name: string; type: string }[] {
  const fields = new Map<string, Field>();
  for (const f of detectionFields(rule.detection)) fields.set(f.elastic, f);
  const required = new Map([...fields.values()].map((f) => [f.elastic, esType(f)]));
  // The data source filter's fields (e.g. event.dataset), when it is plain `field:value` clauses.
  for (const name of filterFields(rule.dataSource.elastic.filter)) if (!required.has(name)) required.set(name, 'keyword');
  return [...required]
    .map(([name, type]) => ({ name, type }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function filterFields(filter: string): string[] {
  if (filter.trim() === '') return [];
  return splitFilterClauses(filter.trim()).flatMap((clause) => {
    const m = /^([A-Za-z0-9_@.-]+)\s*:\s*("(?:[^"\\]|\\.)*"|[^\s()"\\*]+)$/.exec(clause);
    return m ? [m[1]!] : [];
  });
}

/** Native names of the rule's `fields`, in the rule's order, without repeats. */
export function investigationFieldNames(rule: Rule): string[] {
  return [...new Set(rule.fields.map((f) => f.elastic))];
}
