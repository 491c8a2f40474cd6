// Which schema files there are and which one validates each kind of YAML file. Shared by the
// runtime (schemas.ts) and the generator of the standalone validators
// (scripts/generate-schema-validators.ts), so the two cannot disagree.

/** What kind of file a schema describes. */
export type SchemaKind = 'rule' | 'data-source' | 'config';

/** Every schema file under schema/, including the per-target schemas that rule and config schemas `$ref`. */
export const SCHEMA_FILES = [
  'targets/splunk.schema.json',
  'targets/elastic.schema.json',
  'targets/docs.schema.json',
  'rule.schema.json',
  'data-source.schema.json',
  'config.schema.json',
] as const;

/** The schema file that validates each kind of file. */
export const ROOT_FILES: Record<SchemaKind, (typeof SCHEMA_FILES)[number]> = {
  rule: 'rule.schema.json',
  'data-source': 'data-source.schema.json',
  config: 'config.schema.json',
};

/** The export name of each kind's validator in generated/validators.js (a JavaScript identifier). */
export const VALIDATOR_EXPORTS: Record<SchemaKind, string> = {
  rule: 'rule',
  'data-source': 'dataSource',
  config: 'config',
};
