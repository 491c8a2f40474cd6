// Stage "schema": validates a parsed YAML document against its JSON Schema and reports every
// problem as a diagnostic at the YAML node it concerns (file:line:col), never as a JSON pointer.

import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import { error, sortDiagnostics, type Diagnostic, type Span } from '../diagnostics.ts';
import type { Path, PathSegment, SourceDocument } from '../load/source-document.ts';
import { collapseErrors } from './collapse-errors.ts';
import { describeError } from './error-messages.ts';
import { schemas, type SchemaKind } from './schemas.ts';

/** Validates a rule file against schema/rule.schema.json. */
export function validateRuleDocument(doc: SourceDocument): Diagnostic[] {
  return validateDocument(doc, 'rule', 'the rule');
}

/** Validates a data-source file against schema/data-source.schema.json. */
export function validateDataSourceDocument(doc: SourceDocument): Diagnostic[] {
  return validateDocument(doc, 'data-source', 'the data source');
}

/** Validates detc.yml against schema/config.schema.json. */
export function validateConfigDocument(doc: SourceDocument): Diagnostic[] {
  return validateDocument(doc, 'config', 'detc.yml');
}

function validateDocument(doc: SourceDocument, kind: SchemaKind, rootName: string): Diagnostic[] {
  const validate = schemas().validators[kind];
  if (validate(doc.data)) return [];
  // Only a file with errors needs the schema documents (read on first use) for its messages.
  const { rootIds } = schemas();
  const misplaced = misplacedFile(doc, kind);
  if (misplaced) return [misplaced];
  const problems = collapseErrors(validate.errors ?? []).map(({ error: ajvError, alternative }) => {
    const problem = describeError({
      error: ajvError,
      ...(alternative ? { alternative } : {}),
      path: errorPath(ajvError, doc.data),
      data: doc.data,
      rootName,
      schemaId: rootIds[kind],
    });
    // Key names are reported at the key (propertyNames), not at the value they hold.
    return ajvError.propertyName === undefined ? problem : { ...problem, at: 'key' as const };
  });
  // `sevrity: high` is one mistake: the unknown key says "did you mean severity?", so the
  // "missing severity" it causes is not reported separately (likewise for a key one level off).
  const misspelt = new Set(problems.flatMap((p) => (p.standsFor ? [pathKey(p.standsFor)] : [])));
  // With a missing or invalid detection type, "new_terms is not allowed here" is a consequence:
  // once the type is fixed, the block is either right or reported then.
  const badTypes = new Set(problems.filter((p) => p.path.at(-1) === 'type').map((p) => pathKey(p.path)));
  // A value that fails its pattern usually fails its format too ("Internal Research" is neither a
  // URI nor a web address); the pattern's message is the more precise one.
  const patternFailed = new Set(problems.filter((p) => p.code === 'schema/pattern').map((p) => pathKey(p.path)));
  const diagnostics = new Map<string, Diagnostic>();
  for (const problem of problems) {
    if (problem.code === 'schema/format' && patternFailed.has(pathKey(problem.path))) continue;
    if (problem.code === 'schema/required' && misspelt.has(pathKey(problem.path))) continue;
    if (problem.code === 'schema/not-allowed' && badTypes.has(pathKey([...problem.path.slice(0, -1), 'type']))) continue;
    const span = problem.at === 'key' ? doc.keySpanAt(problem.path) : valueSpan(doc, problem.path);
    // Two schema paths can produce the same complaint (e.g. a $ref used twice); report it once.
    diagnostics.set(
      `${span.start.offset}\u0000${problem.code}\u0000${problem.message}`,
      error(problem.code, span, problem.message),
    );
  }
  return sortDiagnostics([...diagnostics.values()]);
}

/**
 * A data source outside a data-sources/ folder is read as a rule (and the other way round); a
 * dozen "unknown key" errors would hide the one fix, which is to move the file.
 */
function misplacedFile(doc: SourceDocument, kind: SchemaKind): Diagnostic | undefined {
  const data = doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const has = (...keys: string[]) => keys.every((key) => key in data);
  const span = doc.spanOfRange(0, 0);
  if (kind === 'rule' && has('provenance', 'fields') && !has('detection')) {
    return error(
      'schema/misplaced-data-source',
      span,
      'this file is a data source (it has provenance and fields), but it is not in a data-sources/ folder, so it was read as a rule; move it into rules/data-sources/',
    );
  }
  if (kind === 'data-source' && has('detection') && !has('provenance')) {
    return error(
      'schema/misplaced-rule',
      span,
      'this file is a rule (it has a detection), but it is in a data-sources/ folder, so it was read as a data source; move it out of data-sources/',
    );
  }
  return undefined;
}

function pathKey(path: Path): string {
  return JSON.stringify(path);
}

/**
 * The document path an error is about. For `propertyNames` errors ajv reports the object and
 * names the offending key separately; the key is what the author must fix.
 */
function errorPath(ajvError: ErrorObject, data: unknown): Path {
  const path = pointerToPath(ajvError.instancePath, data);
  return ajvError.propertyName === undefined ? path : [...path, ajvError.propertyName];
}

/** `/attack/0/techniques` → `['attack', 0, 'techniques']` (numbers where the data is a list). */
function pointerToPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const segment: PathSegment = Array.isArray(node) && /^[0-9]+$/.test(key) ? Number(key) : key;
    path.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

/** The value's span; for a key written with no value (`severity:`), the key's span. */
function valueSpan(doc: SourceDocument, path: Path): Span {
  const node = doc.nodeAt(path);
  if (isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1]) {
    return doc.keySpanAt(path);
  }
  return doc.spanAt(path);
}
