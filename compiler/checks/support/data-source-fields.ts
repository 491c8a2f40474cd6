// The fields a rule may use: those of its data source.

import type { FieldSource } from '../../load/source-types.ts';
import type { CheckContext, DataSourceDocument, RuleDocument } from '../context.ts';

const cache = new WeakMap<DataSourceDocument, ReadonlyMap<string, FieldSource>>();

/** The data source's fields by logical name, or undefined when the data source is unknown (reported elsewhere). */
export function fieldsOf(ctx: CheckContext, rule: RuleDocument): ReadonlyMap<string, FieldSource> | undefined {
  const dataSource = ctx.dataSources.get(rule.source.data_source);
  if (!dataSource) return undefined;
  let fields = cache.get(dataSource);
  if (!fields) {
    fields = new Map(Object.entries(dataSource.source.fields ?? {}));
    cache.set(dataSource, fields);
  }
  return fields;
}

/** Fields whose values are strings, on which text operators (like, contains, matches, lower()) work. */
export function isTextField(field: FieldSource): boolean {
  return field.type === 'keyword' || field.type === 'text';
}
