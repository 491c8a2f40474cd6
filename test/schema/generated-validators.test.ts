// compiler/schema/generated/ holds the JSON Schemas compiled ahead of time by ajv's standalone
// code generation (scripts/generate-schema-validators.ts). It must be exactly what the script
// generates from today's schema/*.schema.json, and detc's runtime must not need ajv's compiler.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateValidators, OUTPUT_DTS, OUTPUT_JS, schemaCompiler } from '../../scripts/generate-schema-validators.ts';
import { VALIDATOR_EXPORTS } from '../../compiler/schema/schema-files.ts';
import { schemas } from '../../compiler/schema/schemas.ts';
import { repoRoot } from '../support/compile.ts';

const yamlFiles = (dir: string) =>
  readdirSync(join(repoRoot, dir))
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => `${dir}/${name}`);

describe('the generated schema validators', () => {
  const generated = generateValidators();

  it('are exactly what `npm run schema:generate` writes from schema/ (never edit them by hand)', () => {
    expect(readFileSync(OUTPUT_JS, 'utf8')).toBe(generated.js);
    expect(readFileSync(OUTPUT_DTS, 'utf8')).toBe(generated.dts);
  });

  it('change when a schema changes, so the test above catches a schema edited without regenerating', () => {
    const edited = mkdtempSync(join(tmpdir(), 'detc-schema-'));
    try {
      cpSync(join(repoRoot, 'schema'), edited, { recursive: true });
      const file = join(edited, 'rule.schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { $defs: { severity: { enum: string[] } } };
      schema.$defs.severity.enum.push('urgent');
      writeFileSync(file, JSON.stringify(schema));
      const regenerated = generateValidators(edited).js;
      expect(regenerated).not.toBe(generated.js);
      expect(regenerated).toContain('"urgent"');
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('require only ajv’s runtime helpers and ajv-formats’ format checks, never ajv itself', () => {
    const required = [...new Set([...generated.js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
    expect(required).toEqual(['ajv-formats/dist/formats', 'ajv/dist/runtime/equal', 'ajv/dist/runtime/ucs2length']);
    expect(generated.js).not.toMatch(/^import .* from ['"]ajv/m);
  });

  it('give the very errors ajv gives when it compiles the schemas at run time, on every schema fixture', () => {
    const { ajv, exports } = schemaCompiler();
    const { validators } = schemas();
    const fixtures = [
      ...yamlFiles('test/fixtures/schema').map((file) => ['rule', file] as const),
      ...yamlFiles('test/fixtures/schema/data-sources').map((file) => ['data-source', file] as const),
      ...yamlFiles('test/fixtures/schema/config').map((file) => ['config', file] as const),
      // The shipped library: every rule, data source and its detc.yml.
      ...readdirSync(join(repoRoot, 'rules'))
        .filter((dir) => dir !== 'data-sources' && statSync(join(repoRoot, 'rules', dir)).isDirectory())
        .flatMap((dir) => yamlFiles(`rules/${dir}`))
        .map((file) => ['rule', file] as const),
      ...yamlFiles('rules/data-sources').map((file) => ['data-source', file] as const),
      ['config', 'detc.yml'] as const,
    ];
    expect(fixtures.length).toBeGreaterThan(40);
    let invalid = 0;
    for (const [kind, file] of fixtures) {
      const data: unknown = parse(readFileSync(join(repoRoot, file), 'utf8'));
      const compiled = ajv.getSchema(exports[VALIDATOR_EXPORTS[kind]]!)!;
      const expected = compiled(data);
      expect(validators[kind](data), file).toBe(expected);
      // verbose errors: the failing sub-schema, its parent and the data come along, as the messages need.
      expect(validators[kind].errors ?? null, file).toEqual(compiled.errors ?? null);
      if (!expected) invalid++;
    }
    expect(invalid).toBeGreaterThanOrEqual(10);
  });
});

describe('the runtime side of the schema stage', () => {
  const runtimeSources = (dir: string): string[] =>
    readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? runtimeSources(`${dir}/${e.name}`) : /\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [`${dir}/${e.name}`] : [],
    );

  it('imports ajv for its types only: nothing under compiler/, targets/, importers/ or driver/ loads it', () => {
    const offenders = ['compiler', 'targets', 'importers', 'driver']
      .flatMap(runtimeSources)
      .filter((file) => /^import (?!type\b)[^;]*from ['"]ajv(-formats)?(\/[^'"]*)?['"]/m.test(readFileSync(join(repoRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
