// The JSON Schemas and compiler/load/source-types.ts describe the same files twice; these tests
// keep them in step. The key lists below are checked against the types by tsc (`satisfies` and
// the Exact<> assertions) and against the schemas by vitest.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  AllowlistSource,
  AttackSource,
  ConfigSource,
  DataSourceSource,
  DetectionSource,
  EntitySource,
  FieldSource,
  RuleSource,
  TestSource,
  VariationSource,
} from '../../compiler/load/source-types.ts';
import { PATTERNS_WITH_HINTS } from '../../compiler/schema/error-messages.ts';

/** Compiles only when `List` names every key of `T` (and nothing else). */
type Exact<T, List extends readonly (keyof T)[]> = [Exclude<keyof T, List[number]>] extends [never] ? List : never;
const keys =
  <T>() =>
  <const List extends readonly (keyof T)[]>(list: Exact<T, List>): readonly string[] =>
    list as readonly string[];

const RULE = keys<RuleSource>()([
  'id',
  'name',
  'version',
  'status',
  'severity',
  'risk',
  'description',
  'data_source',
  'detection',
  'periods',
  'schedule',
  'attack',
  'entities',
  'fields',
  'message',
  'required_data',
  'detection_modules',
  'detector_tags',
  'attacker_goals',
  'investigation',
  'false_positives',
  'references',
  'author',
  'created',
  'modified',
  'tags',
  'variations',
  'targets',
  'tests',
]);
const PERIODS = keys<RuleSource['periods']>()(['activation', 'training', 'test', 'deduplication']);
const SCHEDULE = keys<RuleSource['schedule']>()(['interval', 'lookback', 'delay']);
const DETECTION = keys<DetectionSource>()(['type', 'match', 'new_terms', 'threshold', 'allowlist']);
const THRESHOLD = keys<NonNullable<DetectionSource['threshold']>>()(['group_by', 'value', 'cardinality']);
const ALLOWLIST = keys<AllowlistSource>()(['name', 'description', 'match']);
const ATTACK = keys<AttackSource>()(['tactic', 'techniques']);
const ENTITY = keys<EntitySource>()(['field', 'type', 'role']);
const VARIATION = keys<VariationSource>()([
  'id',
  'name',
  'description',
  'severity',
  'risk',
  'detection',
  'attack',
  'entities',
  'fields',
  'message',
  'attacker_goals',
  'investigation',
  'false_positives',
  'tags',
  'targets',
  'tests',
]);
const TEST = keys<TestSource>()(['name', 'expect', 'events', 'history']);
const DATA_SOURCE = keys<DataSourceSource>()(['name', 'title', 'description', 'provenance', 'splunk', 'elastic', 'fields']);
const DATA_SOURCE_ELASTIC = keys<DataSourceSource['elastic']>()(['index', 'filter', 'integrations']);
const FIELD = keys<FieldSource>()(['type', 'description', 'multi_value', 'lowercase', 'splunk', 'elastic']);
const CONFIG = keys<ConfigSource>()(['splunk', 'elastic', 'docs']);

type Schema = { [keyword: string]: unknown };
const load = (file: string) => JSON.parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')) as Schema;
const rule = load('rule.schema.json');
const dataSource = load('data-source.schema.json');
const config = load('config.schema.json');

function at(schema: Schema, ...path: string[]): Schema {
  let node: unknown = schema;
  for (const key of path) node = (node as Schema)[key];
  return node as Schema;
}
const propertyNames = (schema: Schema) => Object.keys(schema.properties as Schema).sort();
const sorted = (list: readonly string[]) => [...list].sort();

describe('schemas match source-types.ts', () => {
  it.each([
    ['rule', rule, RULE],
    ['periods', at(rule, 'properties', 'periods'), PERIODS],
    ['schedule', at(rule, 'properties', 'schedule'), SCHEDULE],
    ['detection', at(rule, '$defs', 'detection'), DETECTION],
    ['threshold', at(rule, '$defs', 'detection', 'properties', 'threshold'), THRESHOLD],
    ['allowlist', at(rule, '$defs', 'allowlist'), ALLOWLIST],
    ['attack', at(rule, '$defs', 'attack'), ATTACK],
    ['entity', at(rule, '$defs', 'entity'), ENTITY],
    ['variation', at(rule, '$defs', 'variation'), VARIATION],
    ['test', at(rule, '$defs', 'test'), TEST],
    ['data source', dataSource, DATA_SOURCE],
    ['data source elastic', at(dataSource, 'properties', 'elastic'), DATA_SOURCE_ELASTIC],
    ['field', at(dataSource, '$defs', 'field'), FIELD],
    ['config', config, CONFIG],
  ] as const)('%s', (_name, schema, list) => {
    expect(propertyNames(schema)).toEqual(sorted(list));
  });

  it('requires exactly the keys that source-types.ts does not mark optional', () => {
    expect(sorted(rule.required as string[])).toEqual(
      sorted([
        'id',
        'name',
        'version',
        'status',
        'severity',
        'risk',
        'description',
        'data_source',
        'detection',
        'periods',
        'schedule',
        'attack',
        'message',
      ]),
    );
    expect(sorted(at(rule, '$defs', 'variation').required as string[])).toEqual(['id', 'name']);
    expect(sorted(dataSource.required as string[])).toEqual(sorted(DATA_SOURCE));
  });
});

/** Every sub-schema of a schema, with its JSON pointer. */
function* walk(schema: unknown, pointer = ''): Generator<[string, Schema]> {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* walk(item, `${pointer}/${i}`);
    return;
  }
  yield [pointer, schema as Schema];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'examples' || key === 'enum' || key === 'const') continue;
    yield* walk(value, `${pointer}/${key}`);
  }
}

describe('schemas help editors and authors', () => {
  const files = { 'rule.schema.json': rule, 'data-source.schema.json': dataSource, 'config.schema.json': config };

  it.each(Object.entries(files))('%s: every property has a description', (_file, schema) => {
    const missing: string[] = [];
    for (const [pointer, node] of walk(schema)) {
      if (/\/if(\/|$)/.test(pointer)) continue; // conditions of if/then, not keys an author writes
      for (const [key, property] of Object.entries((node.properties as Schema | undefined) ?? {})) {
        const described = typeof property === 'object' && typeof (property as Schema).description === 'string';
        // `properties: { new_terms: false }` in an if/else forbids a key; it needs no help text.
        if (!described && property !== false) missing.push(`${pointer}/properties/${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(files))('%s: every object with properties rejects unknown keys', (_file, schema) => {
    const open: string[] = [];
    for (const [pointer, node] of walk(schema)) {
      if (node.type === 'object' && node.additionalProperties === undefined) open.push(pointer);
    }
    // Test events are free-form by design: their keys are the data source's field names.
    expect(open).toEqual(schema === rule ? ['/$defs/event'] : []);
  });

  it('has a tailored message for every pattern it uses', () => {
    const patterns = new Set<string>();
    for (const schema of Object.values(files)) {
      for (const [, node] of walk(schema)) if (typeof node.pattern === 'string') patterns.add(node.pattern);
    }
    expect([...patterns].filter((p) => !PATTERNS_WITH_HINTS.includes(p))).toEqual([]);
  });

  it('identifies itself for editors and for $ref', () => {
    for (const [file, schema] of Object.entries(files)) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`https://detc.dev/schema/${file}`);
    }
  });
});

describe('schema examples', () => {
  it('are valid against the schema they illustrate', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default as unknown as (ajv: InstanceType<typeof Ajv2020>) => void;
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv);
    for (const file of ['targets/splunk', 'targets/elastic', 'targets/docs', 'rule', 'data-source', 'config']) {
      ajv.addSchema(load(`${file}.schema.json`));
    }
    const invalid: string[] = [];
    let checked = 0;
    for (const schema of [rule, dataSource, config]) {
      for (const [pointer, node] of walk(schema)) {
        if (!Array.isArray(node.examples)) continue;
        const validate = ajv.getSchema(`${String(schema.$id)}#${pointer}`)!;
        for (const example of node.examples) {
          checked++;
          if (!validate(example)) invalid.push(`${pointer}: ${JSON.stringify(example)}`);
        }
      }
    }
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
