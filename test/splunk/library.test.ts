// The shipped rule library (rules/) through the real pipeline and the Splunk target: every rule
// becomes a correlation search, the seed rule keeps the parts of Splunk's published search, and
// two emits are byte-identical. (Exact text is pinned by golden.test.ts on a fixture copy, so
// that edits to the shipped rules do not churn golden files.)

import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../compiler/ir.ts';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { evaluateExpr } from '../../compiler/evaluate/expr.ts';
import { fieldValues } from '../../compiler/evaluate/field-values.ts';
import { compileSearch } from '../../targets/splunk/search.ts';
import { compileFixture } from '../support/compile.ts';
import { parseConf } from './conf-parse.ts';
import { splSelects } from './spl-evaluator.ts';

const SEED = '4d3a17b3-0a6d-4ae0-9421-46623a69c122'; // Kubernetes Suspicious Image Pulling

describe('the shipped library on Splunk', () => {
  let library: Library;
  beforeAll(async () => {
    library = await compileFixture('rules');
  });

  it('compiles every rule without errors, one stanza each', () => {
    const result = emitSplunk(library);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const conf = result.files.find((f) => f.path.endsWith('/default/savedsearches.conf'))!.contents as string;
    expect(parseConf(conf)).toHaveLength(library.rules.length);
    expect([...result.queries!.keys()].sort()).toEqual(library.rules.map((r) => r.id).sort());
  });

  it('keeps the parts of the published seed search', () => {
    const stages = emitSplunk(library).queries!.get(SEED)!.text.split('\n');
    expect(stages[0]).toBe('`kube_audit` requestObject.message="Pulling image*"');
    expect(stages.some((s) => /^\| (search NOT `kube_allowed_images`|where NOT \(`kube_allowed_images`\))$/.test(s))).toBe(true);
    expect(stages.some((s) => s.startsWith('| stats count min(_time) as firstTime max(_time) as lastTime by '))).toBe(true);
    expect(stages.some((s) => s.startsWith('| rename ') && s.includes('user.username AS user'))).toBe(true);
    expect(stages.at(-1)).toBe('| `kubernetes_suspicious_image_pulling_filter`');
  });

  it('every rule test event is selected by the SPL exactly when the reference evaluator selects it', () => {
    let checked = 0;
    for (const rule of library.rules) {
      const compiled = compileSearch(rule, new Map());
      // The data source macro selects on a marker every test event carries.
      const macros = new Map([[rule.dataSource.splunk.macro, 'detc_test_event="1"']]);
      for (const allowlist of compiled.allowlists) macros.set(allowlist.name, allowlist.definition);
      for (const test of rule.tests) {
        for (const event of [...test.events, ...test.history]) {
          const splunkEvent = new Map<string, string[]>([['detc_test_event', ['1']]]);
          for (const field of rule.dataSource.fields.values()) {
            // What Splunk extracts: every value as its JSON text.
            const values = fieldValues(event, field.name).flatMap((v) => (typeof v === 'object' ? [] : [String(v)]));
            if (values.length > 0) splunkEvent.set(field.splunk, values);
          }
          const reference =
            evaluateExpr(rule.detection.match, event) && !rule.detection.allowlists.some((allowlist) => evaluateExpr(allowlist.match, event));
          expect(splSelects(compiled.stages, splunkEvent, macros), `${rule.name} / ${test.name}`).toBe(reference);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('emits identical bytes twice', () => {
    const first = emitSplunk(library).files;
    const second = emitSplunk(library).files;
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
    first.forEach((file, i) => expect(Buffer.from(second[i]!.contents).equals(Buffer.from(file.contents)), file.path).toBe(true));
  });
});
