// `detc import sigma` end to end on test/fixtures/sigma/input: the report, the written rules and
// data sources (goldens in test/fixtures/sigma/expected), determinism, and the output compiling.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportSigma } from '../../driver/import-sigma.ts';
import { importSigma } from '../../importers/sigma/index.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXPECTED = fileURLToPath(new URL('../fixtures/sigma/expected/', import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), 'detc-sigma-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The file without its first line (the schema comment, whose relative path depends on where the output is). */
const withoutSchemaLine = (text: string) => text.slice(text.indexOf('\n') + 1);

describe('detc import sigma', () => {
  const out = join(scratch, 'out');
  const reportFile = join(scratch, 'report.json');
  const run = runImportSigma({ paths: ['test/fixtures/sigma/input'], out, report: reportFile, cwd: REPO });

  it('prints the counts and the refusals by code', async () => {
    const { exitCode, summary } = await run;
    expect(exitCode).toBe(0);
    expect(summary).toBe(
      `imported 5 of 8 Sigma rules into ${out} (2 with warnings), refused 3; 4 data sources written\n` +
        '  refused 1: sigma/correlation-type\n  refused 1: sigma/keyword-search\n  refused 1: sigma/yaml-syntax\n',
    );
  });

  it('reports each input file as imported, imported with warnings, or refused with a reason', async () => {
    await run;
    const report = JSON.parse(await readFile(reportFile, 'utf8'));
    expect(report.files.map((f: { file: string; status: string; code?: string }) => [f.file.replace('test/fixtures/sigma/input/', ''), f.status, f.code])).toEqual([
      ['broken_yaml.yml', 'refused', 'sigma/yaml-syntax'],
      ['correlation_event_count.yml', 'imported', undefined],
      ['correlation_temporal.yml', 'refused', 'sigma/correlation-type'],
      ['correlation_value_count.yml', 'imported', undefined],
      ['keywords_rule.yml', 'refused', 'sigma/keyword-search'],
      ['kubernetes_exec.yml', 'imported', undefined],
      ['okta_unmapped.yml', 'imported-with-warnings', undefined],
      ['proc_creation_win_encoded_powershell.yml', 'imported-with-warnings', undefined],
    ]);
    const powershell = report.files.find((f: { file: string }) => f.file.endsWith('proc_creation_win_encoded_powershell.yml'));
    expect(powershell.warnings).toEqual([
      'Tag `attack.stealth`: `stealth` is not a tactic of ATT&CK 18.1 (newer release?); kept as a plain tag.',
      'Tag `attack.t1685`: T1685 is not in ATT&CK 18.1 (newer release?); kept as a plain tag.',
      'Technique T1027 is tagged without one of its tactics (defense-evasion); mapped under defense-evasion per the ATT&CK catalog.',
      'references that are not URLs were dropped: "Internal Research".',
    ]);
    expect(report.dataSources).toEqual(['kubernetes_audit', 'sigma_okta_okta', 'windows_process_creation', 'windows_security']);
  });

  it.each([
    ['rules/input/proc_creation_win_encoded_powershell.yml', 'proc_creation_win_encoded_powershell.yml'],
    ['rules/input/correlation_event_count.yml', 'correlation_event_count.yml'],
    ['data-sources/sigma_okta_okta.yml', 'sigma_okta_okta.yml'],
  ])('writes %s like the reviewed golden', async (written, golden) => {
    await run;
    const text = await readFile(join(out, written), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+\/schema\/(rule|data-source)\.schema\.json\n/);
    expect(withoutSchemaLine(text)).toBe(await readFile(join(EXPECTED, golden), 'utf8'));
  });

  it('writes a library that compiles with no error', async () => {
    await run;
    const result = await compileLibrary({ paths: [out], cwd: scratch });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Library rules come sorted by id.
    expect(result.library?.rules.map((r) => [r.name, r.detection.type])).toEqual([
      ['Encoded PowerShell Command Line', 'query'],
      ['Many Failed Logons For One Account', 'threshold'],
      ['Password Spraying From One Address', 'threshold'],
      ['Kubernetes Pod Exec', 'query'],
      ['Okta MFA Reset', 'query'],
    ]);
  });

  it('gives byte-identical output run to run', async () => {
    const first = await importSigma(['test/fixtures/sigma/input'], REPO, out);
    const second = await importSigma(['test/fixtures/sigma/input'], REPO, out);
    expect([...second.files]).toEqual([...first.files]);
  });

  it('exits 2 with a message when a path does not exist', async () => {
    const result = await runImportSigma({ paths: ['no/such/folder'], out: join(scratch, 'none'), cwd: REPO });
    expect(result).toEqual({ exitCode: 2, summary: 'error: no/such/folder does not exist; give Sigma rule files or folders.\n', diagnostics: [] });
  });
});
