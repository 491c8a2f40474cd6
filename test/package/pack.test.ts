// What `npm pack` ships is what runs: the command (bin/, lib/) and the data files it reads at run
// time, found through compiler/package-files.ts. No tests, fixtures, TypeScript sources or tools.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageUrl } from '../../compiler/package-files.ts';
import { repoRoot } from '../support/run-compiled.ts';

const run = promisify(execFile);

/** The runtime sources: what tsconfig.build.json compiles into lib/. */
const RUNTIME_FOLDERS = ['compiler', 'targets', 'importers', 'driver'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

const runtimeCode = RUNTIME_FOLDERS.flatMap(sourceFiles).filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('/assets/'));

describe('npm pack', async () => {
  // --ignore-scripts: `prepare` would rebuild lib/, which the test setup has just built.
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  const packed = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();

  it('ships the command, its compiled code and the package description', () => {
    for (const file of ['bin/detc.js', 'lib/driver/cli/main.js', 'lib/compiler/pipeline.js', 'lib/compiler/schema/generated/validators.js', 'package.json', 'README.md']) {
      expect(packed, file).toContain(file);
    }
  });

  it('ships no tests, fixtures, TypeScript sources, benchmarks, scripts or build bookkeeping', () => {
    const unwanted = packed.filter(
      (p) => /^(test|bench|scripts|docs|node_modules|dist)\//.test(p) || p.includes('fixtures/') || (p.endsWith('.ts') && !p.endsWith('.d.ts')) || p.startsWith('tsconfig') || p === 'lib/.source-hash' || p === 'bin/run-ts.js',
    );
    expect(unwanted).toEqual([]);
  });

  it('ships every compiled module of lib/, one for each runtime source', () => {
    const expected = runtimeCode.map((f) => `lib/${f.replace(/\.ts$/, '.js')}`).sort();
    expect(packed.filter((p) => p.startsWith('lib/'))).toEqual(expected);
  });

  /** The paths (files, or folders ending in `/`) the runtime code names through packageUrl(). */
  const named = new Set<string>();
  for (const file of runtimeCode) {
    for (const m of readFileSync(join(repoRoot, file), 'utf8').matchAll(/packageUrl\(\s*[`'"]([^`'"$]+)/g)) named.add(m[1]!);
  }
  const isNamed = (packedPath: string) => [...named].some((path) => (path.endsWith('/') ? packedPath.startsWith(path) : packedPath === path));

  it('ships every data file the code names through packageUrl()', () => {
    expect(named.size).toBeGreaterThan(5);
    for (const path of named) {
      expect(packed.some((p) => (path.endsWith('/') ? p.startsWith(path) : p === path)), path).toBe(true);
    }
  });

  it('ships no data file the code does not read (package.json `files` lists nothing stale)', () => {
    const always = ['bin/detc.js', 'package.json', 'README.md'];
    expect(packed.filter((p) => !p.startsWith('lib/') && !always.includes(p) && !isNamed(p))).toEqual([]);
  });

  it('reads data files only through packageUrl(): import.meta.url elsewhere names a module beside the code', () => {
    const elsewhere = runtimeCode
      .filter((file) => file !== 'compiler/package-files.ts')
      .flatMap((file) => {
        const named = [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/new URL\(\s*['"`]([^'"`]+)['"`]\s*,\s*import\.meta\.url\s*\)/g)].map((m) => m[1]!);
        // A module beside the code: JavaScript, or a .ts source named only with its compiled .js
        // twin (the sources' path for tests; lib/ has no .ts to find).
        const isModule = (url: string) => /\.(mjs|js)$/.test(url) || (url.endsWith('.ts') && named.includes(url.replace(/\.ts$/, '.js')));
        return named.filter((url) => !isModule(url)).map((url) => `${file}: ${url}`);
      });
    expect(elsewhere).toEqual([]);
  });
});

describe('packageUrl', () => {
  it('resolves from the package root in the TypeScript sources (the compiled lib/ is covered by the process tests)', () => {
    expect(packageUrl('package.json').href).toBe(pathToFileURL(join(repoRoot, 'package.json')).href);
    expect((JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { name: string }).name).toBe('detc');
  });
});
