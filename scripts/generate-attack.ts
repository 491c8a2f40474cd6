// Generates compiler/attack/enterprise-attack.json, the compact ATT&CK Enterprise table detc
// ships, from MITRE's catalog in ../shared/attack/enterprise-attack.json.
//
//   npm run attack:generate [-- <input.json> [<output.json>]]
//
// We keep only what rules and targets need (tactics, techniques, sub-techniques, names, tactic
// relations, deprecation and revocation) and MITRE's attribution line, which must travel with
// the data. The output is deterministic: stable order, one entry per line, so that a new ATT&CK
// release shows up as a readable diff. Never edit the output by hand; a test regenerates it.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { techniqueUrl, type AttackTable, type AttackTableTactic, type AttackTableTechnique } from '../compiler/attack/table.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_INPUT = resolve(root, '../shared/attack/enterprise-attack.json');
export const DEFAULT_OUTPUT = resolve(root, 'compiler/attack/enterprise-attack.json');

/** Builds the compact table from MITRE's catalog. Throws on input that does not look like it. */
export function buildAttackTable(input: unknown): AttackTable {
  const data = object(input, 'the catalog');
  const attack = object(data['attack'], 'attack');
  const tactics = array(data['tactics'], 'tactics').map((value, i): AttackTableTactic => {
    const t = object(value, `tactics[${i}]`);
    return {
      id: text(t['id'], `tactics[${i}].id`, /^TA[0-9]{4}$/),
      name: text(t['name'], `tactics[${i}].name`),
      shortname: text(t['shortname'], `tactics[${i}].shortname`, /^[a-z]+(-[a-z]+)*$/),
      url: text(t['url'], `tactics[${i}].url`),
    };
  });
  // Tactics stay in the input's order: that is the matrix order, which nothing else encodes.
  const matrixIndex = new Map(tactics.map((t, i) => [t.shortname, i]));

  const techniques = array(data['techniques'], 'techniques').map((value, i): AttackTableTechnique => {
    const where = `techniques[${i}]`;
    const t = object(value, where);
    const id = text(t['id'], `${where}.id`, /^T[0-9]{4}(\.[0-9]{3})?$/);
    const tacticNames = array(t['tactics'], `${where}.tactics`).map((s, j) => text(s, `${where}.tactics[${j}]`));
    for (const shortname of tacticNames) {
      if (!matrixIndex.has(shortname)) throw new Error(`${id}: unknown tactic "${shortname}"`);
    }
    if (t['url'] !== techniqueUrl(id)) throw new Error(`${id}: url ${String(t['url'])} is not ${techniqueUrl(id)}`);
    const revoked = bool(t['revoked'], `${where}.revoked`);
    const entry: AttackTableTechnique = {
      id,
      name: text(t['name'], `${where}.name`),
      tactics: [...new Set(tacticNames)].sort((a, b) => matrixIndex.get(a)! - matrixIndex.get(b)!),
      parent: t['parent'] === null ? null : text(t['parent'], `${where}.parent`, /^T[0-9]{4}$/),
      deprecated: bool(t['deprecated'], `${where}.deprecated`),
      revoked,
    };
    if (!revoked) return entry;
    return {
      ...entry,
      revoked_by: text(t['revoked_by'], `${where}.revoked_by`),
      current_id: t['current_id'] === null ? null : text(t['current_id'], `${where}.current_id`),
    };
  });
  techniques.sort((a, b) => compareTechniqueIds(a.id, b.id));

  const ids = new Set<string>();
  for (const t of techniques) {
    if (ids.has(t.id)) throw new Error(`${t.id}: listed twice`);
    ids.add(t.id);
  }
  for (const t of techniques) {
    for (const ref of [t.parent, t.revoked_by, t.current_id]) {
      if (ref && !ids.has(ref)) throw new Error(`${t.id}: refers to ${ref}, which is not in the catalog`);
    }
    if (t.parent && !t.id.startsWith(`${t.parent}.`)) throw new Error(`${t.id}: parent ${t.parent} does not prefix its id`);
  }

  return {
    version: text(attack['version'], 'attack.version'),
    modified: text(attack['modified'], 'attack.modified'),
    copyright: text(attack['copyright'], 'attack.copyright', /MITRE Corporation/),
    tactics,
    techniques,
  };
}

/** The file's text: top-level keys one per line, then one tactic or technique per line. */
export function formatAttackTable(table: AttackTable): string {
  const list = (items: readonly object[]) => `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  return [
    '{',
    `  "version": ${JSON.stringify(table.version)},`,
    `  "modified": ${JSON.stringify(table.modified)},`,
    `  "copyright": ${JSON.stringify(table.copyright)},`,
    `  "tactics": ${list(table.tactics)},`,
    `  "techniques": ${list(table.techniques)}`,
    '}',
    '',
  ].join('\n');
}

/** Reads MITRE's catalog from `inputPath` and returns the generated file's text. */
export function generateAttackTable(inputPath: string = DEFAULT_INPUT): string {
  return formatAttackTable(buildAttackTable(JSON.parse(readFileSync(inputPath, 'utf8'))));
}

/** `T1204` < `T1204.001` < `T1205`: compare numerically, parent before its sub-techniques. */
function compareTechniqueIds(a: string, b: string): number {
  const [aBase = '', aSub = ''] = a.split('.');
  const [bBase = '', bSub = ''] = b.split('.');
  return aBase === bBase ? (aSub < bSub ? -1 : aSub > bSub ? 1 : 0) : aBase < bBase ? -1 : 1;
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: expected an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected an array`);
  return value;
}

function text(value: unknown, what: string, shape?: RegExp): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${what}: expected a non-empty string`);
  if (shape && !shape.test(value)) throw new Error(`${what}: "${value}" does not match ${shape}`);
  return value;
}

function bool(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${what}: expected true or false`);
  return value;
}

// Run only as a script (not when a test imports the functions above).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input = DEFAULT_INPUT, output = DEFAULT_OUTPUT] = process.argv.slice(2);
  const result = generateAttackTable(resolve(input));
  writeFileSync(resolve(output), result);
  const table = JSON.parse(result) as AttackTable;
  console.log(`wrote ${output}: ATT&CK ${table.version}, ${table.tactics.length} tactics, ${table.techniques.length} techniques`);
}
