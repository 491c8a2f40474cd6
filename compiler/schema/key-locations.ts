// Where each key of a format is allowed, for "it belongs in schedule" hints: a key written at the
// wrong level (`interval:` at the top of a rule instead of under `schedule:`) is a common slip
// that a did-you-mean on spelling cannot catch.

import { resolveSchema, type JsonSchema } from './schemas.ts';

type SchemaObject = { readonly [keyword: string]: unknown };

const cache = new Map<string, ReadonlyMap<string, readonly string[]>>();

/**
 * The mappings where `key` is allowed, as display paths (`schedule`, `detection`, `attack[]`;
 * `''` for the top level), shortest first; empty when the format has no such key anywhere.
 */
export function placesOfKey(key: string, rootSchema: JsonSchema, schemaId: string): readonly string[] {
  let index = cache.get(schemaId);
  if (!index) {
    index = buildIndex(rootSchema, schemaId);
    cache.set(schemaId, index);
  }
  return index.get(key) ?? [];
}

function buildIndex(rootSchema: JsonSchema, schemaId: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const visit = (schema: JsonSchema | undefined, at: string, depth: number): void => {
    const resolved = resolveSchema(schema, schemaId);
    if (typeof resolved !== 'object' || depth > 6) return;
    const properties = asObject(resolved.properties);
    for (const [key, property] of Object.entries(properties)) {
      if (property === false) continue;
      index.set(key, [...(index.get(key) ?? []), at]);
      visit(property as JsonSchema, at === '' ? key : `${at}.${key}`, depth + 1);
    }
    if (resolved.items !== undefined) visit(resolved.items as JsonSchema, `${at}[]`, depth + 1);
    if (typeof resolved.additionalProperties === 'object') {
      visit(resolved.additionalProperties as JsonSchema, `${at}.<name>`, depth + 1);
    }
    for (const branch of [...asArray(resolved.oneOf), ...asArray(resolved.anyOf)]) visit(branch as JsonSchema, at, depth + 1);
  };
  visit(rootSchema, '', 0);
  for (const places of index.values()) places.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return index;
}

function asObject(value: unknown): SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaObject) : {};
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
