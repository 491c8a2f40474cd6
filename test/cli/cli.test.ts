import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../driver/cli/main.ts';
import { repoRoot } from '../support/compile.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd: repoRoot, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function listFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  async function walk(at: string) {
    for (const entry of (await readdir(at, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path));
    }
  }
  await walk(dir);
  return files;
}

describe('detc validate', () => {
  it('exits 1 and names file:line:col, code and a fix for an unknown field', async () => {
    const { code, out } = await run('validate', 'test/fixtures/cli/bad');
    expect(code).toBe(1);
    expect(out).toContain('test/fixtures/cli/bad/broken.yml:11:10: error field/unknown:');
    expect(out).toContain('Did you mean "url"?');
    expect(out).toMatch(/1 error, 0 warnings\n$/);
  });

  it('prints JSON diagnostics that tools can read', async () => {
    const { code, out } = await run('validate', '--format', 'json', 'test/fixtures/cli/bad');
    expect(code).toBe(1);
    const diagnostics = JSON.parse(out) as { file: string; line: number; column: number; code: string }[];
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([['test/fixtures/cli/bad/broken.yml', 11, 10, 'field/unknown']]);
  });

  it('prints GitHub annotations', async () => {
    const { out } = await run('validate', '--format', 'github', 'test/fixtures/cli/bad');
    expect(out.split('\n')[0]).toMatch(/^::error file=test\/fixtures\/cli\/bad\/broken\.yml,line=11,col=10,.*title=field\/unknown::Unknown field "uri"/);
  });

  it('exits 0 on a valid library', async () => {
    const { code, out } = await run('validate', 'test/fixtures/cli/library');
    expect(out).toMatch(/0 errors, 0 warnings\n$/);
    expect(code).toBe(0);
  });

  it('reports a path that does not exist instead of crashing', async () => {
    const { code, out } = await run('validate', 'test/fixtures/cli/nowhere');
    expect(code).toBe(1);
    expect(out).toContain('test/fixtures/cli/nowhere');
  });
});

describe('detc test', () => {
  it('prints each failing test with file:line and why, then the totals, and exits 1', async () => {
    const { code, out } = await run('test', 'test/fixtures/cli/library');
    expect(code).toBe(1);
    expect(out).toContain(
      'test/fixtures/cli/library/admin_page.yml:28:5: FAIL Admin page reached through the proxy › deliberately wrong expectation: expected an alert',
    );
    expect(out).toMatch(/\n2 passed, 1 failed\n$/);
  });
});

describe('detc build', () => {
  it('writes nothing and exits 1 when the library has an error', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'detc-cli-'));
    const { code, out } = await run('build', 'test/fixtures/cli/bad', '--out', join(parent, 'dist'));
    expect(code).toBe(1);
    expect(out).toContain('nothing written');
    expect(await readdir(parent)).toEqual([]);
  });

  it('stops on a rule a target cannot express, naming the construct', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'detc-cli-'));
    const { code, out } = await run('build', 'test/fixtures/cli/refused', '--out', join(parent, 'dist'));
    expect(code).toBe(1);
    expect(out).toContain('test/fixtures/cli/refused/exact_message.yml:11:10: error elastic/text-field-unsupported:');
    expect(out).toContain('build failed: 1 error; nothing written');
    expect(await readdir(parent)).toEqual([]);
  });

  it('with --skip-refused, leaves the rule out of that target only, with a warning', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'detc-cli-'));
    const out = join(parent, 'dist');
    const result = await run('build', 'test/fixtures/cli/refused', '--out', out, '--skip-refused', '--target', 'splunk,elastic');
    expect(result.code).toBe(0);
    expect(result.out).toContain('warning elastic/text-field-unsupported: left out of the elastic output (--skip-refused):');
    expect(await readFile(join(out, 'elastic/rules.ndjson'), 'utf8')).toBe('');
    const app = (await readdir(join(out, 'splunk'))).find((name) => !name.endsWith('.tar.gz'))!;
    expect(await readFile(join(out, 'splunk', app, 'default/savedsearches.conf'), 'utf8')).toContain('Exact application message - Rule]');
  });

  it('rejects an unknown target name', async () => {
    const { code, err } = await run('build', 'test/fixtures/cli/library', '--target', 'qradar');
    expect(code).toBe(2);
    expect(err).toContain('unknown target qradar');
  });

  it('gives byte-identical output for the same rules', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'detc-cli-'));
    const first = await run('build', 'test/fixtures/cli/library', '--out', join(parent, 'one'));
    expect(first.code).toBe(0);
    const second = await run('build', 'test/fixtures/cli/library', '--out', join(parent, 'two'));
    expect(second.code).toBe(0);
    const one = await listFiles(join(parent, 'one'));
    const two = await listFiles(join(parent, 'two'));
    expect([...one.keys()]).toEqual([...two.keys()]);
    expect(one.size).toBeGreaterThan(3);
    for (const [path, bytes] of one) expect(bytes.equals(two.get(path)!), path).toBe(true);
    expect((await stat(join(parent, 'one'))).isDirectory()).toBe(true);
  });
});
