// The parsers are generated ahead of time and committed (scripts/generate-parsers.ts). These
// tests regenerate them and compare bytes, so a grammar edited without `npm run grammar:generate`
// fails here, and they hold that nothing shipped needs peggy at run time.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dtsPath, GENERATED_PARSERS, generateParser, type ParserFiles } from '../../scripts/generate-parsers.ts';
import { repoRoot } from '../support/compile.ts';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

function shippedSources(folder: string): string[] {
  return readdirSync(path.join(repoRoot, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    if (statSync(path.join(repoRoot, relative)).isDirectory()) return shippedSources(relative);
    return /\.(ts|js)$/.test(name) ? [relative] : [];
  });
}

describe.each(GENERATED_PARSERS)('$output', (parser) => {
  let generated: ParserFiles;
  // Regenerating spawns peggy's command line: generous time for a busy machine.
  beforeAll(() => {
    generated = generateParser(parser);
  }, 60_000);

  it('is exactly what peggy generates from the grammar (run npm run grammar:generate after editing it)', () => {
    expect(read(parser.output)).toBe(generated.js);
  });

  it('has the .d.ts peggy generates, typing what the start rule returns', () => {
    const dts = read(dtsPath(parser.output));
    expect(dts).toBe(generated.dts);
    expect(dts).toContain(`options?: Options,\n): ${parser.returnType};`);
  });

  it('imports nothing but modules of this repository (no peggy at run time)', () => {
    const specifiers = [...read(parser.output).matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('../'))).toEqual([]);
  });
});

describe('shipped code', () => {
  it('never imports peggy (the parsers are generated ahead of time)', () => {
    const files = ['compiler', 'importers', 'targets', 'driver', 'bin'].flatMap(shippedSources);
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => /from\s+['"]peggy['"]|import\(\s*['"]peggy['"]/.test(read(file)))).toEqual([]);
  });
});
