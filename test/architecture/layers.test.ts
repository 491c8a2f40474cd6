// The import arrows of docs/architecture.md: driver → compiler, driver → targets, driver →
// importers, targets → compiler (IR, diagnostics, language), importers → compiler. Nothing
// points back up, and no target reaches into the evaluator.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';

function sourceFiles(folder: string): string[] {
  const dir = path.join(repoRoot, folder);
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const relative = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(relative);
    return /\.(ts|mjs|js)$/.test(name) ? [relative] : [];
  });
}

/** The repository-relative files a source file imports (relative specifiers only). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), s)).split(path.sep).join('/'));
}

function violations(folder: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => importsOf(file).filter((t) => !allowed(t)).map((t) => `${file} → ${t}`));
}

const inside = (...prefixes: string[]) => (target: string) => prefixes.some((p) => target.startsWith(p));

describe('import layers', () => {
  it('compiler/ imports only itself (and package.json for the version)', () => {
    expect(violations('compiler', inside('compiler/', 'schema/', 'package.json'))).toEqual([]);
  });

  it('targets/ import the IR, diagnostics, the language, the unsafe-character set and the package-files helper, never the evaluator, the driver or an importer', () => {
    expect(
      violations(
        'targets',
        inside('targets/', 'compiler/ir.ts', 'compiler/diagnostics.ts', 'compiler/language/', 'compiler/attack/', 'compiler/package-files.ts', 'compiler/unsafe-characters.ts'),
      ),
    ).toEqual([]);
  });

  it('importers/ import the compiler front end, never a target or the driver', () => {
    expect(violations('importers', inside('importers/', 'compiler/', 'schema/', 'rules/'))).toEqual([]);
  });
});
