// Runs the shipped command as a process, the way a user does: `node bin/detc.js …`, which runs the
// compiled lib/ (built by the global setup, test/support/build-lib.global.ts). Optionally records
// every module the process loads (test/support/trace-modules.mjs).

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(import.meta.dirname, '../..');
const detc = join(repoRoot, 'bin', 'detc.js');
const tracer = pathToFileURL(join(repoRoot, 'test', 'support', 'trace-modules.mjs')).href;

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /**
   * With `trace`: the modules the process loaded, sorted, without repeats. Files of the package
   * are relative to the repository root (`lib/compiler/pipeline.js`, `node_modules/yaml/dist/index.js`),
   * built-in modules keep their `node:` name.
   */
  readonly modules: readonly string[];
}

export interface RunOptions {
  readonly cwd?: string;
  readonly trace?: boolean;
  /** The script to run instead of bin/detc.js (a copy of it, elsewhere). */
  readonly script?: string;
}

export async function runCompiled(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  const traceDir = options.trace ? mkdtempSync(join(tmpdir(), 'detc-trace-')) : undefined;
  const traceFile = traceDir && join(traceDir, 'modules.txt');
  const nodeArgs = [...(traceFile ? ['--import', tracer] : []), options.script ?? detc, ...args];
  const env = { ...process.env, NO_COLOR: '1', ...(traceFile ? { DETC_TRACE_MODULES: traceFile } : {}) };
  try {
    const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, nodeArgs, { cwd: options.cwd ?? repoRoot, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
        done({ status: code, stdout, stderr });
      });
    });
    const modules = traceFile ? loadedModules(readFileSync(traceFile, 'utf8')) : [];
    return { status, stdout, stderr, modules };
  } finally {
    if (traceDir) rmSync(traceDir, { recursive: true, force: true });
  }
}

function loadedModules(trace: string): string[] {
  const root = pathToFileURL(repoRoot).href + '/';
  const names = trace
    .split('\n')
    .filter(Boolean)
    .filter((url) => !url.startsWith(pathToFileURL(join(repoRoot, 'test')).href + '/'))
    .map((url) => (url.startsWith(root) ? url.slice(root.length) : url.startsWith('file:') ? fileURLToPath(url) : url));
  return [...new Set(names)].sort();
}

/** The modules of the package itself (lib/…), without node_modules and built-ins. */
export function ownModules(modules: readonly string[]): string[] {
  return modules.filter((m) => m.startsWith('lib/'));
}

/** The npm packages the modules belong to (`yaml`, `handlebars`, `ajv`). */
export function packagesOf(modules: readonly string[]): string[] {
  return [...new Set(modules.filter((m) => m.startsWith('node_modules/')).map((m) => m.split('/')[1]!))].sort();
}
