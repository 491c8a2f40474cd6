// Turns one ajv error into what a rule author needs: a stable code, a sentence that says what is
// wrong and how to fix it, and which YAML node to point at. ajv's own messages ("must match
// pattern "^[1-9][0-9]*[smhd]$"") describe the schema; ours describe the rule.

import type { ErrorObject } from 'ajv';
import { didYouMean } from '../did-you-mean.ts';
import { quote } from '../quote.ts';
import type { Path } from '../load/source-document.ts';
import { placesOfKey } from './key-locations.ts';
import { resolveSchema, schemas, type JsonSchema } from './schemas.ts';

export interface SchemaProblem {
  readonly code: string;
  readonly message: string;
  /** The document path the diagnostic points at. */
  readonly path: Path;
  /** `key`: point at the map key (unknown keys); `value`: at the value, or its parent key when missing. */
  readonly at: 'key' | 'value';
  /** For an unknown key that is misspelt or misplaced: the path of the key it stands for. */
  readonly standsFor?: Path;
}

export interface ErrorContext {
  readonly error: ErrorObject;
  /** ajv's instancePath as document path segments (array indexes as numbers). */
  readonly path: Path;
  /** The whole document's data. */
  readonly data: unknown;
  /** What the root of the document is called in messages: "the rule", "the data source", "detc.yml". */
  readonly rootName: string;
  /** `$id` of the root schema, to resolve `#/…` references. */
  readonly schemaId: string;
  /** When the error comes from the closest branch of a `oneOf`: that `oneOf`'s error. */
  readonly alternative?: ErrorObject;
}

type SchemaObject = { readonly [keyword: string]: unknown };

export function describeError(context: ErrorContext): SchemaProblem {
  const { error, path } = context;
  const where = describePath(path, context.rootName);
  const value = error.data;
  const parentSchema = asObject(error.parentSchema);
  // For a value that can be written in several forms (risk), the fix is to name the forms.
  const forms = context.alternative ? firstSentence(asObject(context.alternative.parentSchema).description) : undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(asObject(parentSchema.properties));
      const suggestion = didYouMean(key, allowed);
      const elsewhere = placesOfKey(key, schemas().byId.get(context.schemaId) ?? {}, context.schemaId).filter(
        (place) => place !== genericPath(path),
      );
      const place = forms ? undefined : elsewhere[0];
      const fix = suggestion
        ? `did you mean "${suggestion}"?`
        : forms
          ? `write ${forms}`
          : place !== undefined
            ? `it belongs ${describePlace(place, context.rootName)}`
            : allowed.length > 0
              ? `allowed keys are ${allowed.join(', ')}`
              : 'remove it';
      const problem = {
        code: 'schema/unknown-key',
        message: `unknown key ${quote(key)} in ${where}; ${fix}`,
        path: [...path, key],
        at: 'key',
      } as const;
      if (suggestion) return { ...problem, standsFor: [...path, suggestion] };
      // A key one level off (`interval:` beside `schedule:`) also makes its right place "missing".
      if (place !== undefined && !/\[\]|<name>/.test(place)) {
        return { ...problem, standsFor: [...(place === '' ? [] : place.split('.')), key] };
      }
      return problem;
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      const propertySchema = propertySchemaOf(parentSchema, key, context.schemaId);
      const hint = forms ? `write ${forms}` : (propertyHint(propertySchema) ?? firstSentence(parentSchema.description));
      const inWhere = path.length === 0 ? '' : ` in ${where}`;
      return {
        code: 'schema/required',
        message: `missing required key "${key}"${inWhere}${hint ? ` (${hint})` : ''}`,
        path: [...path, key],
        at: 'value',
      };
    }
    case 'false schema': {
      // Only detection's if/else uses `false`: the new_terms and threshold blocks are named after
      // the detection type they belong to, and are forbidden on any other type.
      const key = String(path[path.length - 1]);
      const parentPath = path.slice(0, -1);
      const parent = asObject(valueAt(context.data, parentPath));
      const type = typeof parent.type === 'string' ? ` (type is ${parent.type})` : '';
      return {
        code: 'schema/not-allowed',
        message: `"${key}" only applies to a ${key} detection${type}; remove it, or set type: ${key}`,
        path,
        at: 'key',
      };
    }
    case 'type': {
      const message = typeMessage(where, error.params.type, value, path.length === 0);
      const wholeValue = error.instancePath === context.alternative?.instancePath;
      return { code: 'schema/type', message: forms && wholeValue ? `${message}; write ${forms}` : message, path, at: 'value' };
    }
    case 'oneOf': {
      // Reached only when several forms match at once.
      const written = firstSentence(parentSchema.description);
      return {
        code: 'schema/one-of',
        message: `${where} mixes several forms; write ${written ?? 'only one of them'}`,
        path,
        at: 'value',
      };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
      const noun = enumNoun(path);
      if (value === null)
        return { code: 'schema/enum', message: `${where} has no value; use one of ${allowed}`, path, at: 'value' };
      const suggestion =
        typeof value === 'string' ? didYouMean(value, (error.params.allowedValues as unknown[]).map(String)) : undefined;
      const fix = suggestion ? `did you mean "${suggestion}"? Use one of ${allowed}` : `use one of ${allowed}`;
      return { code: 'schema/enum', message: `${show(value)} is not ${noun}; ${fix}`, path, at: 'value' };
    }
    case 'pattern':
      return {
        code: 'schema/pattern',
        message: patternMessage(String(error.params.pattern), value, where, parentSchema),
        path,
        at: 'value',
      };
    case 'format':
      return { code: 'schema/format', message: formatMessage(String(error.params.format), value, where), path, at: 'value' };
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        code: `schema/${kebab(error.keyword)}`,
        message: `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'more than'} ${String(error.params.limit)}, not ${show(value)}`,
        path,
        at: 'value',
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        code: `schema/${kebab(error.keyword)}`,
        message: `${where} must be ${error.keyword === 'maximum' ? 'at most' : 'less than'} ${String(error.params.limit)}, not ${show(value)}`,
        path,
        at: 'value',
      };
    case 'minLength':
      return { code: 'schema/min-length', message: `${where} must not be empty; write some text`, path, at: 'value' };
    case 'minItems':
      return {
        code: 'schema/min-items',
        message: `${where} needs at least ${countOf(error.params.limit, 'item')}${hintSuffix(parentSchema)}`,
        path,
        at: 'value',
      };
    case 'maxItems':
      return {
        code: 'schema/max-items',
        message: `${where} allows at most ${countOf(error.params.limit, 'item')}, found ${(value as unknown[]).length}${hintSuffix(parentSchema)}`,
        path,
        at: 'value',
      };
    case 'uniqueItems': {
      const later = Number(error.params.i);
      const earlier = Number(error.params.j);
      const item = (value as unknown[])[later];
      return {
        code: 'schema/unique-items',
        message: `${show(item)} is listed twice in ${where} (items ${earlier + 1} and ${later + 1}); remove one`,
        path: [...path, later],
        at: 'value',
      };
    }
    case 'minProperties':
      return {
        code: 'schema/min-properties',
        message: `${where} must not be empty${hintSuffix(parentSchema)}`,
        path,
        at: 'value',
      };
    default:
      return {
        code: `schema/${kebab(error.keyword)}`,
        message: `${where} ${error.message ?? 'is not valid'}`,
        path,
        at: 'value',
      };
  }
}

/** `detection.new_terms.fields`, `attack[0].techniques`; the root is named by `rootName`. */
export function describePath(path: Path, rootName: string): string {
  if (path.length === 0) return rootName;
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${quote(segment)}]`;
  }
  return text;
}

/** "in schedule", "in each item of attack", "at the top level of the rule". */
function describePlace(place: string, rootName: string): string {
  if (place === '') return `at the top level of ${rootName}`;
  if (place.endsWith('[]')) return `in each item of ${place.slice(0, -2)}`;
  if (place.endsWith('.<name>')) return `in each entry of ${place.slice(0, -'.<name>'.length)}`;
  return `in ${place}`;
}

/** `attack[0].techniques` → `attack[].techniques`: the path as key-locations.ts writes it. */
function genericPath(path: Path): string {
  return describePath(path, '').replace(/\[[0-9]+\]/g, '[]');
}

// ---------------------------------------------------------------------------------------------
// Keyword-specific wording

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function typeMessage(where: string, expected: unknown, value: unknown, isRoot: boolean): string {
  const types = (Array.isArray(expected) ? expected : [String(expected)]).map((t) => TYPE_NAMES[t] ?? t);
  const want = types.join(' or ');
  if (value === null) return `${where} has no value; write ${want}`;
  const found = foundType(value);
  if (isRoot) return `${where} must be a mapping of keys (key: value lines), but the file holds ${found}`;
  return `${where} must be ${want}, not ${found}${typeFix(expected, value)}`;
}

/** The edit that turns a value of the wrong kind into the right one, when it is obvious. */
function typeFix(expected: unknown, value: unknown): string {
  const types = Array.isArray(expected) ? expected : [expected];
  const numeric = typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value);
  if (numeric && (types.includes('integer') || types.includes('number'))) return ' (remove the quotes)';
  if (types.includes('array') && (typeof value === 'string' || typeof value === 'number')) {
    return `; write a list, e.g. [${String(value)}]`;
  }
  return '';
}

function foundType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text (${show(value)})`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** What a value of an enum is called, from the key that holds it. */
function enumNoun(path: Path): string {
  const key = String(path[path.length - 1]);
  if (key === 'type') {
    // The map holding `type`: detection, entities[N], fields.<name> (data sources).
    const holder = path.filter((s): s is string => typeof s === 'string').at(-2);
    if (holder === 'detection') return 'a detection type';
    if (holder === 'entities') return 'an entity type';
    if (path.length === 3 && path[0] === 'fields') return 'a field type';
  }
  const nouns: Record<string, string> = {
    severity: 'a severity',
    status: 'a status',
    role: 'an entity role',
    expect: 'a test expectation',
    security_domain: 'a security domain',
  };
  return nouns[key] ?? `a valid value for ${key}`;
}

/** The fix for a value that does not have the required shape, by the shape's regular expression. */
const PATTERN_HINTS: Readonly<Record<string, (value: string, where: string) => string>> = {
  '^[1-9][0-9]*[smhd]$': (value) =>
    `duration ${show(value)} must be a number and a unit, e.g. 10m, 6h, 14d (units: s, m, h, d; no spaces, not zero)`,
  '^(0|[1-9][0-9]*)[smhd]$': (value) => `duration ${show(value)} must be a number and a unit, e.g. 0m, 10m, 1h`,
  '^(single-event|[1-9][0-9]*[smhd])$': (value) =>
    `${show(value)} is not a test period; write single-event, or a duration such as 10m, 6h, 14d`,
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$': (value) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
      ? `id ${show(value)} must be written in lower case: "${value.toLowerCase()}"`
      : `${show(value)} is not a UUID; write 32 hex digits grouped 8-4-4-4-12, e.g. 93120a05-caf5-47f6-a305-e8abee463fb9 (generate one with uuidgen | tr A-Z a-z)`,
  '^[a-z][a-z0-9_]*$': (value, where) => {
    const fixed = value
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .replace(/_+$/, '');
    const example = fixed !== '' && fixed !== value ? `, e.g. ${fixed}` : '';
    return `${where} ${show(value)} must be lower-case letters, digits and underscores, starting with a letter${example}`;
  },
  '^T[0-9]{4}(\\.[0-9]{3})?$': (value) =>
    `${show(value)} is not an ATT&CK technique id; write T and four digits, with .NNN for a sub-technique, e.g. T1610 or T1204.003`,
  '^[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*$': (value) =>
    `${show(value)} is not a valid field name; use letters, digits, _ and -, starting with a letter or _, with dots between parts, e.g. source_ip or request.verb`,
  '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$': (value, where) => {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
    const why =
      scheme !== undefined && !/^https?$/i.test(scheme)
        ? `its scheme "${scheme.toLowerCase()}:" is refused: only https:// and http:// addresses are shipped as links (javascript:, vbscript:, data: and file: addresses run code or read files when clicked)`
        : /^https?:\/\//i.test(value)
          ? 'a web address holds no spaces (write %20)'
          : 'it is not a web address';
    return `${where} ${show(value)} is not allowed: ${why}; write an address starting with https://, e.g. https://attack.mitre.org/techniques/T1610/`;
  },
  '^[A-Za-z0-9_][A-Za-z0-9_.-]*$': (value) =>
    `${show(value)} is not a valid Splunk macro name; use letters, digits, _, . and -, e.g. kube_audit`,
};

/** The patterns that have a tailored message (tests check every schema pattern is covered). */
export const PATTERNS_WITH_HINTS: readonly string[] = Object.keys(PATTERN_HINTS);

function patternMessage(pattern: string, value: unknown, where: string, schema: SchemaObject): string {
  const hint = PATTERN_HINTS[pattern];
  if (hint) return hint(String(value), where);
  const example = Array.isArray(schema.examples) ? `, e.g. ${schema.examples.map(String).join(', ')}` : '';
  const description = firstSentence(schema.description);
  return `${where} ${show(value)} does not have the expected form${description ? ` (${description})` : ''}${example}`;
}

function formatMessage(format: string, value: unknown, where: string): string {
  switch (format) {
    case 'date':
      return `${where} ${show(value)} is not a date; write YYYY-MM-DD, e.g. 2026-11-24`;
    case 'uri':
      return `${where} ${show(value)} is not a full URL; write it with its scheme, e.g. https://attack.mitre.org/techniques/T1610/`;
    default:
      return `${where} ${show(value)} is not a valid ${format}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The schema of `key` in an object schema, with `$ref`s followed. */
function propertySchemaOf(objectSchema: SchemaObject, key: string, schemaId: string): JsonSchema | undefined {
  const property = asObject(objectSchema.properties)[key] as JsonSchema | undefined;
  return resolveSchema(property, schemaId);
}

/** "one of a, b, c" for an enum, else the first sentence of the property's description. */
function propertyHint(schema: JsonSchema | undefined): string | undefined {
  if (typeof schema !== 'object') return undefined;
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(', ')}`;
  return firstSentence(schema.description);
}

function hintSuffix(schema: SchemaObject): string {
  const sentence = firstSentence(schema.description);
  return sentence ? ` (${sentence})` : '';
}

function firstSentence(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  // A sentence ends at . ! or ? before a space, except in the abbreviations e.g. and i.e.
  const end = /(?<!\be\.g|\bi\.e)[.!?](\s|$)/.exec(description);
  return end ? description.slice(0, end.index) : description;
}

function asObject(value: unknown): SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as SchemaObject) : {};
}

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A value quoted in a message: bounded, escaped (compiler/quote.ts). */
function show(value: unknown): string {
  return quote(value);
}

function countOf(limit: unknown, noun: string): string {
  return `${String(limit)} ${noun}${limit === 1 ? '' : 's'}`;
}

function kebab(keyword: string): string {
  return keyword
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/\s+/g, '-')
    .toLowerCase();
}
