// Faithfulness over the whole corpus: for every imported rule, the Sigma evaluator written from the
// specification (sigma-evaluator.ts) and detc's reference evaluator (compiler/evaluate.ts), run on
// the detc rule exactly as written (its match text parsed and lowered by the compiler), agree on
// every event generated from the rule's own selections: matching events and near misses.

import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../compiler/evaluate.ts';
import type { Field } from '../../compiler/ir.ts';
import type { DataSourceSource } from '../../compiler/load/source-types.ts';
import { DataSourceRegistry } from '../../importers/sigma/logsource.ts';
import { lowerExpr } from '../../compiler/lower/lower-expr.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { importCorpus, importedPairs } from './corpus.ts';
import { eventsForRule } from './generate-events.ts';
import { sigmaDetectionMatches } from './sigma-evaluator.ts';

function fieldsOf(source: DataSourceSource): (name: string) => Field {
  return (name) => {
    const f = source.fields[name]!;
    const span = { file: source.name, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    return { kind: 'field', name, type: f.type, multiValue: f.multi_value ?? false, lowercase: f.lowercase ?? false, description: f.description ?? '', splunk: f.splunk, elastic: f.elastic, span };
  };
}

describe('Sigma import faithfulness over the corpus', () => {
  it('agrees with the Sigma specification on matching and near-miss events of every imported rule', async () => {
    const pairs = importedPairs(await importCorpus());
    const disagreements: string[] = [];
    let events = 0;
    let matched = 0;
    // The Sigma → logical field naming of each rule's data source (renames for kubernetes_audit).
    const registry = new DataSourceRegistry();
    for (const { file, sigma, rule, dataSource } of pairs) {
      const parsed = parseMatchText(rule.detection.match, file);
      expect(parsed.diagnostics, file).toEqual([]);
      const expr = lowerExpr(parsed.ast!, fieldsOf(dataSource));
      const { name } = registry.forLogsource(sigma.logsource as Record<string, string>);
      const resolver = registry.resolver(name, new Set());
      const logical = (field: string) => resolver.resolve(field, 'text');
      const detection = sigma.detection as Record<string, unknown>;
      for (const event of eventsForRule(detection, (f) => (logical(f).type === 'number' ? 'number' : 'text'))) {
        const ours = evaluateExpr(expr, Object.fromEntries(Object.entries(event).map(([k, v]) => [logical(k).name, v])));
        const spec = sigmaDetectionMatches(detection, event);
        events++;
        if (spec) matched++;
        if (ours !== spec && disagreements.length < 20) disagreements.push(`${file}: spec ${spec}, detc ${ours} on ${JSON.stringify(event)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The generated events exercise both outcomes, not just one.
    expect(pairs.length).toBeGreaterThan(3400);
    expect(matched).toBeGreaterThan(pairs.length);
    expect(events - matched).toBeGreaterThan(pairs.length);
  }, 300_000); // the whole corpus on a shared machine: well above its usual half minute
});
