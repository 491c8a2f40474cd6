import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { isDataSourceFile, loadLibrary } from '../../compiler/load/load-library.ts';

const at = (d: Diagnostic) => [d.span.file, d.code, d.span.start.line, d.span.start.column] as const;

/** A throwaway project folder: files by relative path. */
async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'detc-load-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe('loadLibrary', () => {
  let root: string;
  beforeAll(async () => {
    root = await project({
      'detc.yml': 'splunk: { label: Fixture }\n',
      'rules/z_last.yml': 'name: z\n',
      'rules/a_first.yaml': 'name: a\n',
      'rules/kubernetes/b.yml': 'name: b\n',
      'rules/kubernetes/README.md': '# not a rule\n',
      'rules/data-sources/k8s.yml': 'name: k8s\n',
      'rules/cloud/data-sources/aws.yml': 'name: aws\n',
      'rules/.hidden/c.yml': 'name: hidden\n',
      'rules/Upper.yml': 'name: upper\n',
      'other/extra.yml': 'name: extra\n',
      'other/nested/detc.yml': 'splunk: {}\n',
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads rules and data sources in sorted order, with cwd-relative / names', async () => {
    const loaded = await loadLibrary(['rules'], { cwd: root });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.rules.map((d) => d.file)).toEqual([
      'rules/Upper.yml',
      'rules/a_first.yaml',
      'rules/kubernetes/b.yml',
      'rules/z_last.yml',
    ]);
    expect(loaded.dataSources.map((d) => d.file)).toEqual(['rules/cloud/data-sources/aws.yml', 'rules/data-sources/k8s.yml']);
    expect(loaded.rules[1]?.data).toEqual({ name: 'a' });
  });

  it('reads detc.yml from cwd and never takes it for a rule', async () => {
    const loaded = await loadLibrary(['.'], { cwd: root });
    expect(loaded.config?.file).toBe('detc.yml');
    expect(loaded.config?.data).toEqual({ splunk: { label: 'Fixture' } });
    expect(loaded.rules.map((d) => d.file)).not.toContain('detc.yml');
    expect(loaded.rules.map((d) => d.file)).toContain('other/extra.yml');
  });

  it('has no config when cwd has no detc.yml, and skips a detc.yml elsewhere with a warning', async () => {
    const loaded = await loadLibrary(['.'], { cwd: path.join(root, 'other') });
    expect(loaded.config).toBeUndefined();
    expect(loaded.rules.map((d) => d.file)).toEqual(['extra.yml']);
    expect(loaded.diagnostics.map((d) => [...at(d), d.severity])).toEqual([
      ['nested/detc.yml', 'load/misplaced-config', 1, 1, 'warning'],
    ]);
  });

  it('accepts files and folders together, reading each file once', async () => {
    const loaded = await loadLibrary(['rules/z_last.yml', 'rules', path.join(root, 'other/extra.yml')], { cwd: root });
    expect(loaded.rules.map((d) => d.file)).toEqual([
      'other/extra.yml',
      'rules/Upper.yml',
      'rules/a_first.yaml',
      'rules/kubernetes/b.yml',
      'rules/z_last.yml',
    ]);
  });

  it('names files outside cwd (inside the library root) relative to cwd', async () => {
    const loaded = await loadLibrary(['../rules/z_last.yml'], { cwd: path.join(root, 'other'), root });
    expect(loaded.rules.map((d) => d.file)).toEqual(['../rules/z_last.yml']);
  });

  it('refuses a named file outside the library root, without reading it', async () => {
    const loaded = await loadLibrary(['../rules/z_last.yml'], { cwd: path.join(root, 'other') });
    expect(loaded.rules).toEqual([]);
    expect(loaded.diagnostics.map(at)).toEqual([['../rules/z_last.yml', 'load/outside-root', 1, 1]]);
    expect(loaded.sources.size).toBe(0);
  });

  it('reports a path that does not exist, and goes on with the others', async () => {
    const loaded = await loadLibrary(['rules/missing', 'nope.yml', 'other'], { cwd: root });
    expect(loaded.diagnostics.map(at)).toEqual([
      ['nope.yml', 'load/not-found', 1, 1],
      ['other/nested/detc.yml', 'load/misplaced-config', 1, 1],
      ['rules/missing', 'load/not-found', 1, 1],
    ]);
    expect(loaded.diagnostics[0]?.message).toBe(
      '"nope.yml" does not exist; check the path (relative paths start at the current folder)',
    );
    expect(loaded.rules.map((d) => d.file)).toEqual(['other/extra.yml']);
  });

  it('reports a file named explicitly that is not YAML', async () => {
    const loaded = await loadLibrary(['rules/kubernetes/README.md'], { cwd: root });
    expect(loaded.diagnostics.map(at)).toEqual([['rules/kubernetes/README.md', 'load/not-yaml', 1, 1]]);
  });

  it('ignores a UTF-8 byte order mark, so columns match the editor', async () => {
    const clean = await project({ 'bom.yml': '\uFEFFname: x\n' });
    expect((await loadLibrary(['bom.yml'], { cwd: clean })).rules[0]?.spanAt(['name']).start.column).toBe(7);
    await rm(clean, { recursive: true, force: true });
  });

  it('gives the same result run after run', async () => {
    const first = await loadLibrary(['.'], { cwd: root });
    const second = await loadLibrary(['.'], { cwd: root });
    expect(second.rules.map((d) => d.file)).toEqual(first.rules.map((d) => d.file));
    expect(second.dataSources.map((d) => d.file)).toEqual(first.dataSources.map((d) => d.file));
  });
});

describe('loadLibrary on a large folder', () => {
  it('reads every file, in sorted order, whatever order reads finish in', async () => {
    const files: Record<string, string> = {};
    // Sizes vary so that reads finish out of order.
    for (let i = 199; i >= 0; i--)
      files[`many/r${String(i).padStart(3, '0')}.yml`] = `name: r${i}\ndescription: ${'x'.repeat((i * 7919) % 5000)}\n`;
    const dir = await project(files);
    const loaded = await loadLibrary(['many'], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.rules.map((d) => d.file)).toEqual(Object.keys(files).sort());
    expect(loaded.rules.map((d) => (d.data as { name: string }).name)).toEqual(Array.from({ length: 200 }, (_, i) => `r${i}`));
    await rm(dir, { recursive: true, force: true });
  });
});

describe('isDataSourceFile', () => {
  it.each([
    ['rules/data-sources/k8s.yml', true],
    ['data-sources/k8s.yml', true],
    ['rules/cloud/data-sources/nested/aws.yml', true],
    ['rules/kubernetes/data-sources.yml', false],
    ['rules/my-data-sources/k8s.yml', false],
    ['rules/k8s.yml', false],
  ])('%s → %s', (file, expected) => {
    expect(isDataSourceFile(file)).toBe(expected);
  });
});
