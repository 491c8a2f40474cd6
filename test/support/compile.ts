// Compiles YAML fixtures through the real pipeline, for tests of later stages and targets.

import { resolve } from 'node:path';
import { formatDiagnostics } from '../../driver/cli/format-diagnostics.ts';
import type { Library } from '../../compiler/ir.ts';
import { compileLibrary, type CompileResult } from '../../compiler/pipeline.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Compiles files or folders (relative to the repository root); throws with the diagnostics if any is an error. */
export async function compileFixture(...paths: string[]): Promise<Library> {
  const result = await compileFixtureResult(...paths);
  if (!result.library) {
    throw new Error(`fixture did not compile:\n${formatDiagnostics(result.diagnostics, 'text', () => undefined)}`);
  }
  return result.library;
}

export async function compileFixtureResult(...paths: string[]): Promise<CompileResult> {
  return compileLibrary({ paths, cwd: repoRoot });
}
