// The shipped command as a process: `node bin/detc.js` runs the compiled JavaScript of lib/, finds
// its data files from there (schemas, templates, ATT&CK table), and each command loads only what
// it needs. The loaded modules are recorded by a loader hook (test/support/trace-modules.mjs), so
// these tests state what a command loads, never how long it takes.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { emitTargets, targetNames } from '../../driver/emit-all-targets.ts';
import { ownModules, packagesOf, repoRoot, runCompiled } from '../support/run-compiled.ts';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const scratch = mkdtempSync(join(tmpdir(), 'detc-compiled-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A copy of the shipped library (rules/ and detc.yml) in a folder of its own, to build into;
 * with `folders`, only those rule folders (and the data sources), for a smaller build.
 */
function libraryCopy(name: string, folders?: readonly string[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const folder of folders ? ['data-sources', ...folders] : ['']) {
    cpSync(join(repoRoot, 'rules', folder), join(dir, 'rules', folder), { recursive: true });
  }
  cpSync(join(repoRoot, 'detc.yml'), join(dir, 'detc.yml'));
  return dir;
}

function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const pipelineModules = (modules: readonly string[]) => ownModules(modules).filter((m) => /^lib\/compiler\/(pipeline|load|schema|parse|checks|lower)\b/.test(m));
const targetModules = (modules: readonly string[]) => ownModules(modules).filter((m) => /^lib\/targets\/[^/]+\//.test(m));

describe('detc --version and --help', () => {
  it('--version prints the package version and loads no compiler, no target and no YAML parser', async () => {
    const run = await runCompiled(['--version'], { trace: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
    expect(ownModules(run.modules)).toEqual(['lib/compiler/package-files.js', 'lib/compiler/unsafe-characters.js', 'lib/driver/cli/main.js', 'lib/driver/cli/terminal-text.js', 'lib/targets/index.js']);
    expect(packagesOf(run.modules)).toEqual(['commander']);
  });

  it('--help lists the commands and loads the same few modules', async () => {
    const run = await runCompiled(['--help'], { trace: true });
    expect(run.status).toBe(0);
    for (const command of ['validate', 'test', 'build', 'import']) expect(run.stdout).toContain(command);
    expect(ownModules(run.modules)).toEqual(['lib/compiler/package-files.js', 'lib/compiler/unsafe-characters.js', 'lib/driver/cli/main.js', 'lib/driver/cli/terminal-text.js', 'lib/targets/index.js']);
    expect(packagesOf(run.modules)).toEqual(['commander']);
  });
});

describe('detc validate', () => {
  it('checks the shipped library with the compiled pipeline, loading no target, no ajv compiler, no template engine', async () => {
    const run = await runCompiled(['validate', 'rules'], { trace: true });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\d+ files checked: 0 errors, 0 warnings\n$/);
    expect(run.status).toBe(0);
    expect(pipelineModules(run.modules)).toContain('lib/compiler/pipeline.js');
    expect(run.modules).toContain('lib/compiler/schema/generated/validators.js');
    expect(targetModules(run.modules)).toEqual([]);
    expect(ownModules(run.modules).filter((m) => m.startsWith('lib/driver/') && !['lib/driver/cli/main.js', 'lib/driver/cli/format-diagnostics.js', 'lib/driver/cli/terminal-text.js', 'lib/driver/cli/output-control.js'].includes(m))).toEqual([]);
    // The standalone validators need ajv's small runtime helpers only, never its compiler.
    const ajv = run.modules.filter((m) => m.startsWith('node_modules/ajv/'));
    expect(ajv.every((m) => m.startsWith('node_modules/ajv/dist/runtime/')), ajv.join(', ')).toBe(true);
    expect(packagesOf(run.modules)).not.toContain('handlebars');
    expect(packagesOf(run.modules)).not.toContain('prettier');
  });

  it('reports schema errors through the compiled validators with the same file:line:col and message', async () => {
    const dir = libraryCopy('broken');
    const file = join(dir, 'rules', 'bad.yml');
    const good = readFileSync(join(repoRoot, 'test/fixtures/schema/valid-rule.yml'), 'utf8');
    // A misspelt key: the message says which key was meant, at the key's own position.
    writeFileSync(file, good.replace(/^severity:/m, 'sevrity:'));
    const line = good.split('\n').findIndex((l) => l.startsWith('severity:')) + 1;
    const run = await runCompiled(['validate', 'rules/bad.yml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`rules/bad.yml:${line}:1: error schema/unknown-key: unknown key "sevrity" in the rule; did you mean "severity"?\n`);
  });
});

describe('detc build', () => {
  it('--target splunk loads the Splunk target only: no docs code, templates or handlebars', async () => {
    const dir = libraryCopy('splunk-only');
    const run = await runCompiled(['build', '--target', 'splunk', '--out', 'dist'], { cwd: dir, trace: true });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const targets = new Set(targetModules(run.modules).map((m) => m.split('/')[2]));
    expect([...targets]).toEqual(['splunk']);
    expect(packagesOf(run.modules)).not.toContain('handlebars');
  });

  // Every target, so the docs templates and assets are read through the compiled code; a few
  // rules keep the two builds (each formats its pages with prettier) short.
  it('writes, from the compiled command, exactly the files an in-process build of the same library gives', { timeout: 240_000 }, async () => {
    const dir = libraryCopy('all-targets', ['containers']);
    const run = await runCompiled(['build', '--out', 'dist'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const compiled = await compileLibrary({ paths: ['rules'], cwd: dir });
    const emitted = await emitTargets(compiled.library!, targetNames());
    const written = filesUnder(join(dir, 'dist'));
    for (const file of emitted.files) {
      expect(written.get(file.path)?.toString('utf8'), file.path).toBe(typeof file.contents === 'string' ? file.contents : Buffer.from(file.contents).toString('utf8'));
    }
    // The output's marker (.detc-output.json, docs/output.md) is the writer's, not a target's.
    expect([...written.keys()].filter((p) => p !== '.detc-output.json').sort()).toEqual(emitted.files.map((f) => f.path).sort());
    // The docs pages come out of the templates and assets the compiled command found in the package.
    expect([...written.keys()].filter((p) => p.startsWith('docs/site/')).length).toBeGreaterThan(10);
    for (const asset of ['style.css', 'site.js', 'favicon.svg']) expect(written.get(`docs/site/assets/${asset}`)?.length, asset).toBeGreaterThan(100);
  });
});

describe('bin/detc.js without lib/', () => {
  it('says how to build lib/ instead of failing with a module-resolution stack', async () => {
    const dir = join(scratch, 'no-lib');
    mkdirSync(join(dir, 'bin'), { recursive: true });
    cpSync(join(repoRoot, 'bin', 'detc.js'), join(dir, 'bin', 'detc.js'));
    const run = await runCompiled(['--version'], { script: join(dir, 'bin', 'detc.js') });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('detc: the compiled command (lib/) is missing; run `npm run build` in the detc folder\n');
  });
});
