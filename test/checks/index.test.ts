import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks, runChecks } from '../../compiler/checks/index.ts';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { buildContext } from './support.ts';

const checksFolder = new URL('../../compiler/checks/', import.meta.url);
const testsFolder = new URL('./', import.meta.url);

describe('the list of checks', () => {
  it('holds every check file of compiler/checks/, once, named after its file', () => {
    const files = readdirSync(checksFolder)
      .filter((f) => f.endsWith('.ts') && !['check.ts', 'context.ts', 'index.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(checks.map((c) => c.name).sort()).toEqual(files);
  });

  it('gives every check a test table', () => {
    const tests = new Set(readdirSync(testsFolder));
    expect(checks.filter((c) => !tests.has(`${c.name}.test.ts`)).map((c) => c.name)).toEqual([]);
  });

  it('uses stable area/kebab-case codes, each owned by one check', () => {
    const codes = checks.flatMap((c) => c.codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+\/[a-z]+(-[a-z]+)*$/);
  });

  it('documents every code in docs/diagnostics.md', () => {
    const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
    expect(checks.flatMap((c) => c.codes).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});

describe('runChecks', () => {
  it('reports a mistake in an inherited value once, where it is written', () => {
    const { ctx, diagnostics } = buildContext({
      rules: `entities: [{ field: usr, type: user, role: victim }]
variations:
  - { id: 22222222-2222-4222-8222-222222222222, name: A, severity: high }
  - { id: 33333333-3333-4333-8333-333333333333, name: B, severity: critical }
`,
    });
    runChecks(ctx);
    expect(diagnostics.map((d: Diagnostic) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(['field/unknown 1:21']);
  });

  it('reports nothing for a clean library', () => {
    const { ctx, diagnostics } = buildContext({
      rules: {
        'a.yml': `detection:
  type: new_terms
  match: verb == "create" and lower(image) like ["busybox*", "alpine*"] and source_ip cidr "10.0.0.0/8"
  new_terms: { fields: [user.name, source_ip] }
  allowlist: [{ name: known_images, match: image like "*falco*" }]
periods: { training: 14d, test: single-event, deduplication: 1h }
entities: [{ field: user.name, type: user, role: victim }]
fields: [user.name, image, source_ip]
message: $user.name$ created a pod with $image$
attack: [{ tactic: TA0002, techniques: [T1610, T1204.003] }, { tactic: defense-evasion, techniques: [T1610] }]
tests:
  - { name: t, expect: alert, history: [{ user: { name: bob } }], events: [{ _time: "2024-01-01T00:00:00Z", verb: create, image: busybox }] }
`,
        'b.yml': `detection:
  type: threshold
  match: response_code >= 400
  threshold: { group_by: [source_ip], value: 20 }
  allowlist: [{ name: known_images, match: image like "*falco*" }]
periods: { test: 10m, deduplication: 5m }
schedule: { interval: 5m, lookback: 10m }
`,
      },
    });
    runChecks(ctx);
    expect(diagnostics).toEqual([]);
  });
});
