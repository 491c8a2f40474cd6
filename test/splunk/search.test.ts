// The full search of a rule: output stage per detection type, dispatch window, macros.

import { describe, expect, it } from 'vitest';
import type { Rule } from '../../compiler/ir.ts';
import { compileSearch } from '../../targets/splunk/search.ts';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { eq, f, library, span, str, suspiciousImagePulling } from './fixtures.ts';

const days = (n: number) => ({ kind: 'duration' as const, text: `${n}d`, seconds: n * 86400, span: span() });
const base: Rule = { ...suspiciousImagePulling, detection: { ...suspiciousImagePulling.detection, allowlists: [] } };

describe('rule → search', () => {
  it('new_terms: first-seen over training + window, new when first seen in the latest window', () => {
    const rule: Rule = {
      ...base,
      detection: { type: 'new_terms', match: eq(f('verb'), [str('create')]), allowlists: [], fields: [f('user'), f('source_ip')] },
      periods: { test: 'single-event', training: days(30) },
      fields: [f('user'), f('image'), f('decision')],
      entities: [],
      message: 'new $user$',
    };
    const compiled = compileSearch(rule, new Map());
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.stages).toEqual([
      '`kube_audit` verb="create"',
      "| eval decision='annotations.authorization.k8s.io/decision'",
      '| stats count min(_time) as firstTime max(_time) as lastTime values(requestObject.spec.containers{}.image) as image values(decision) as decision by user.username sourceIPs{}',
      '| where firstTime >= relative_time(now(), "-70m@m")',
      '| rename user.username AS user, sourceIPs{} AS source_ip',
      '| `kubernetes_suspicious_image_pulling_filter`',
    ]);
    expect(compiled.earliest).toBe(`-${30 * 24 * 60 + 70}m@m`);
    expect(compiled.latest).toBe('-10m@m');
  });

  it('threshold without group: count over the test window', () => {
    const rule: Rule = {
      ...base,
      detection: { type: 'threshold', match: eq(f('verb'), [str('delete')]), allowlists: [], groupBy: [], value: 25 },
      periods: { test: { kind: 'duration', text: '15m', seconds: 900, span: span() } },
      fields: [f('user')],
      entities: [],
      message: '',
    };
    const compiled = compileSearch(rule, new Map());
    expect(compiled.stages.slice(1, 3)).toEqual([
      '| stats count min(_time) as firstTime max(_time) as lastTime values(user.username) as user',
      '| where count >= 25',
    ]);
    expect(compiled.earliest).toBe('-25m@m');
  });

  it('query without fields, entities or tokens: stats without BY keeps only a row that counted events', () => {
    const rule: Rule = { ...base, fields: [], entities: [], message: 'pulled', detection: { type: 'query', match: eq(f('verb'), [str('create')]), allowlists: [] } };
    expect(compileSearch(rule, new Map()).stages).toEqual([
      '`kube_audit` verb="create"',
      '| stats count min(_time) as firstTime max(_time) as lastTime',
      '| where count > 0',
      '| `kubernetes_suspicious_image_pulling_filter`',
    ]);
  });

  it('a data source macro that is a pipeline gets its terms through | search', () => {
    const rule: Rule = {
      ...base,
      dataSource: { ...base.dataSource, splunk: { macro: 'kube_audit', definition: 'index=k8s | spath' } },
      detection: { type: 'query', match: eq(f('verb'), [str('create')]), allowlists: [] },
    };
    expect(compileSearch(rule, new Map()).stages.slice(0, 2)).toEqual(['`kube_audit`', '| search verb="create"']);
  });

  it('two allowlists with one name and different matches are a conflict', () => {
    const a: Rule = { ...base, detection: { type: 'query', match: eq(f('verb'), [str('x')]), allowlists: [{ name: 'shared', description: '', match: eq(f('verb'), [str('a')]), span: span(5) }] } };
    const b: Rule = { ...a, id: 'b', name: 'Other', detection: { ...a.detection, allowlists: [{ name: 'shared', description: '', match: eq(f('verb'), [str('b')]), span: span(9) }] } };
    const result = emitSplunk(library([a, b]));
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([['splunk/macro-conflict', 9]]);
    // The later rule is refused rather than compiled against the other rule's allowlist.
    expect([...result.queries!.keys()]).toEqual([a.id]);
  });

  it('rules whose names differ only in punctuation would share a filter macro: the later is refused', () => {
    const other: Rule = { ...base, id: 'zz', name: 'Kubernetes suspicious image-pulling', span: span(40) };
    const result = emitSplunk(library([base, other]));
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([['splunk/duplicate-filter-macro', 40]]);
    expect([...result.queries!.keys()]).toEqual([base.id]);
  });

  it('emit returns the SPL of every rule for the docs target', () => {
    const result = emitSplunk(library([base]));
    expect(result.queries!.get(base.id)).toEqual({ language: 'spl', text: expect.stringMatching(/^`kube_audit` /) });
  });
});
