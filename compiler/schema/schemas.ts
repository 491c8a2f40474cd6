// The JSON Schemas of detc's YAML files (JSON Schema 2020-12). Validation runs ajv's standalone
// code, generated from schema/*.schema.json ahead of time (`npm run schema:generate`, committed in
// generated/): compiling schemas was the expensive part of ajv, and detc no longer does it, nor
// loads ajv's compiler, when it starts. The schema documents themselves are read only when a file
// has errors, for the messages (descriptions, enums, `$ref`s to follow).

import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { packageUrl } from '../package-files.ts';
import * as generated from './generated/validators.js';
import { ROOT_FILES, SCHEMA_FILES, type SchemaKind } from './schema-files.ts';

export type { SchemaKind } from './schema-files.ts';

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

interface CompiledSchemas {
  readonly validators: Record<SchemaKind, ValidateFunction>;
  /** Every schema document by its `$id`, for resolving `$ref`s when writing messages. */
  readonly byId: ReadonlyMap<string, JsonSchema>;
  readonly rootIds: Record<SchemaKind, string>;
}

interface SchemaDocuments {
  readonly byId: ReadonlyMap<string, JsonSchema>;
  readonly rootIds: Record<SchemaKind, string>;
}

const validators: Record<SchemaKind, ValidateFunction> = {
  rule: generated.rule,
  'data-source': generated.dataSource,
  config: generated.config,
};

let documents: SchemaDocuments | undefined;

function schemaDocuments(): SchemaDocuments {
  documents ??= readSchemaDocuments();
  return documents;
}

const compiled: CompiledSchemas = {
  validators,
  get byId() {
    return schemaDocuments().byId;
  },
  get rootIds() {
    return schemaDocuments().rootIds;
  },
};

export function schemas(): CompiledSchemas {
  return compiled;
}

function readSchemaDocuments(): SchemaDocuments {
  const byId = new Map<string, JsonSchema>();
  const idOfFile = new Map<string, string>();
  for (const file of SCHEMA_FILES) {
    const schema = JSON.parse(readFileSync(packageUrl(`schema/${file}`), 'utf8')) as { $id: string };
    byId.set(schema.$id, schema);
    idOfFile.set(file, schema.$id);
  }
  const rootIds = {} as Record<SchemaKind, string>;
  for (const kind of Object.keys(ROOT_FILES) as SchemaKind[]) rootIds[kind] = idOfFile.get(ROOT_FILES[kind])!;
  return { byId, rootIds };
}

/**
 * Follows `$ref`s (local `#/…` pointers and references to the other schema files) until a
 * schema with content is reached. Keywords written beside a `$ref` (such as `description`) win
 * over the referenced schema's.
 */
export function resolveSchema(schema: JsonSchema | undefined, baseId: string): JsonSchema | undefined {
  let current = schema;
  let base = baseId;
  for (let depth = 0; depth < 16 && typeof current === 'object' && typeof current.$ref === 'string'; depth++) {
    const url = new URL(current.$ref, base);
    const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
    url.hash = '';
    base = url.href;
    const { $ref: _ref, ...siblings } = current;
    const target = followPointer(schemas().byId.get(base), pointer);
    if (typeof target !== 'object') return target ?? current;
    current = { ...target, ...siblings };
  }
  return current;
}

function followPointer(schema: JsonSchema | undefined, pointer: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node as JsonSchema | undefined;
}
