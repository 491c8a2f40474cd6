// A schema-valid data source document becomes the IR `DataSource` every rule of it points to.

import type { DataSourceDocument } from '../checks/context.ts';
import type { DataSource, Field } from '../ir.ts';

export function lowerDataSource({ doc, source }: DataSourceDocument): DataSource {
  const fields = new Map<string, Field>();
  for (const name of Object.keys(source.fields).sort()) {
    const f = source.fields[name]!;
    fields.set(name, {
      kind: 'field',
      name,
      type: f.type,
      multiValue: f.multi_value ?? false,
      lowercase: f.lowercase ?? false,
      description: (f.description ?? '').trim(),
      splunk: f.splunk,
      elastic: f.elastic,
      span: doc.spanAt(['fields', name]),
    });
  }
  return {
    kind: 'data-source',
    name: source.name,
    title: source.title,
    description: source.description.trim(),
    provenance: source.provenance.trim(),
    fields,
    splunk: { macro: source.splunk.macro, definition: source.splunk.definition },
    elastic: {
      index: source.elastic.index,
      filter: source.elastic.filter ?? '',
      integrations: source.elastic.integrations ?? [],
    },
    span: doc.spanAt([]),
  };
}
