// Golden test of the seed rule "Kubernetes Suspicious Image Pulling", compiled from YAML
// (test/fixtures/splunk/library, a copy of the shipped rule and a trimmed data source) through
// the real pipeline. The golden files are reviewed like code; regenerate them with
// UPDATE_GOLDEN=1 npx vitest run test/splunk/golden.test.ts and read the diff.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../compiler/ir.ts';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import type { EmitResult } from '../../targets/target.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';

const GOLDEN = resolve(import.meta.dirname, '../fixtures/splunk/golden');
/** The fixture library, with its own detc.yml (app detc_golden, label "detc Golden", notable on). */
const LIBRARY = resolve(import.meta.dirname, '../fixtures/splunk/library');
const APP = 'splunk/detc_golden';
const RULE_ID = '4d3a17b3-0a6d-4ae0-9421-46623a69c122';

function text(result: EmitResult, path: string): string {
  const file = result.files.find((f) => f.path === path);
  if (!file || typeof file.contents !== 'string') throw new Error(`no text file ${path}`);
  return file.contents;
}

function golden(name: string, actual: string): void {
  const path = resolve(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden: Kubernetes Suspicious Image Pulling', () => {
  let library: Library;
  let result: EmitResult;
  beforeAll(async () => {
    const compiled = await compileLibrary({ paths: ['.'], cwd: LIBRARY });
    expect(compiled.diagnostics).toEqual([]);
    library = compiled.library!;
    result = emitSplunk(library);
  });

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('has the parts of Splunk’s published search, in order, with the filter macro last', () => {
    const search = result.queries!.get(RULE_ID)!.text;
    const stages = search.split('\n');
    expect(stages[0]).toBe('`kube_audit` requestObject.message="Pulling image*"');
    expect(stages).toContain('| search NOT `kube_allowed_images`');
    const stats = stages.find((stage) => stage.startsWith('| stats count min(_time) as firstTime max(_time) as lastTime by '))!;
    expect(stats.split(' by ')[1]!.split(' ')).toEqual([
      'objectRef.name',
      'objectRef.namespace',
      'objectRef.resource',
      'requestObject.message',
      'requestURI',
      'responseStatus.code',
      'sourceIPs{}',
      'stage',
      'user.groups{}',
      'user.uid',
      'user.username',
      'userAgent',
      'verb',
    ]);
    expect(stages.find((stage) => stage.startsWith('| rename'))).toContain('user.username AS user');
    expect(stages.at(-1)).toBe('| `kubernetes_suspicious_image_pulling_filter`');
    golden('kubernetes_suspicious_image_pulling.spl', `${search}\n`);
  });

  it('schedules hourly over -70m@m..-10m@m with risk score 49 (impact 70 × confidence 70 / 100)', () => {
    const conf = text(result, `${APP}/default/savedsearches.conf`);
    expect(conf).toContain('\ncron_schedule = 0 * * * *\n');
    expect(conf).toContain('\ndispatch.earliest_time = -70m@m\n');
    expect(conf).toContain('\ndispatch.latest_time = -10m@m\n');
    expect(conf).toContain('"risk_object_field":"user","risk_object_type":"user","risk_score":49');
    golden('savedsearches.conf', conf);
  });

  it('defines the data source, allowlist and filter macros', () => {
    const macros = text(result, `${APP}/default/macros.conf`);
    expect(macros).toContain('[kube_allowed_images]\ndefinition = objectRef.name IN ("*splunk*", "*falco*")\n');
    expect(macros).toContain('[kubernetes_suspicious_image_pulling_filter]\ndefinition = search *\n');
    expect(macros).toContain('[kube_audit]\ndefinition = source="kubernetes"\n');
    golden('macros.conf', macros);
  });

  it('writes app.conf, default.meta and the README', () => {
    golden('app.conf', text(result, `${APP}/default/app.conf`));
    golden('default.meta', text(result, `${APP}/metadata/default.meta`));
    golden('README.md', text(result, `${APP}/README.md`));
  });
});
