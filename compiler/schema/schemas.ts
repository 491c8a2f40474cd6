// The JSON Schemas of detc's YAML files, compiled once per process with ajv (JSON Schema 2020-12).
// Compiling is the expensive part of ajv, so it happens lazily on first use and is then shared
// by every document validated in the process.

import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** What kind of file a schema describes. */
export type SchemaKind = 'rule' | 'data-source' | 'config';

const SCHEMA_DIRECTORY = new URL('../../schema/', import.meta.url);

/** Every schema file, including the per-target schemas that rule and config schemas `$ref`. */
const SCHEMA_FILES = [
  'targets/splunk.schema.json',
  'targets/elastic.schema.json',
  'targets/docs.schema.json',
  'rule.schema.json',
  'data-source.schema.json',
  'config.schema.json',
] as const;

const ROOT_FILES: Record<SchemaKind, string> = {
  rule: 'rule.schema.json',
  'data-source': 'data-source.schema.json',
  config: 'config.schema.json',
};

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

interface CompiledSchemas {
  readonly validators: Record<SchemaKind, ValidateFunction>;
  /** Every schema document by its `$id`, for resolving `$ref`s when writing messages. */
  readonly byId: ReadonlyMap<string, JsonSchema>;
  readonly rootIds: Record<SchemaKind, string>;
}

let compiled: CompiledSchemas | undefined;

export function schemas(): CompiledSchemas {
  compiled ??= compileSchemas();
  return compiled;
}

function compileSchemas(): CompiledSchemas {
  // allErrors: report every problem of a file at once, not just the first.
  // verbose: keep the failing sub-schema on each error (messages use its enum, description …).
  // strictRequired is off because if/then branches require keys declared by the enclosing schema.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  // ajv-formats is CommonJS: imported from ESM, its default export is the plugin function itself,
  // while its type declarations describe a namespace holding it.
  (addFormats as unknown as (ajv: Ajv2020) => Ajv2020)(ajv);

  const byId = new Map<string, JsonSchema>();
  const idOfFile = new Map<string, string>();
  for (const file of SCHEMA_FILES) {
    const schema = JSON.parse(readFileSync(new URL(file, SCHEMA_DIRECTORY), 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    byId.set(schema.$id, schema);
    idOfFile.set(file, schema.$id);
  }
  const rootIds = {} as Record<SchemaKind, string>;
  const validators = {} as Record<SchemaKind, ValidateFunction>;
  for (const kind of Object.keys(ROOT_FILES) as SchemaKind[]) {
    const id = idOfFile.get(ROOT_FILES[kind])!;
    rootIds[kind] = id;
    validators[kind] = ajv.getSchema(id)!;
  }
  return { validators, byId, rootIds };
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
