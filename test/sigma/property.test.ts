// Property test beyond the corpus: random Sigma selections built from the characters that make
// escaping hard (wildcards, backslashes, dashes, mixed case) and random modifier chains, imported
// and then evaluated by the spec-based Sigma evaluator and detc's reference evaluator on random
// events and on events built to match. The two must agree on every event.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../compiler/evaluate.ts';
import type { Field } from '../../compiler/ir.ts';
import { lowerExpr } from '../../compiler/lower/lower-expr.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { importDetection } from './import-helpers.ts';
import { sigmaDetectionMatches } from './sigma-evaluator.ts';

const TEXT_FIELDS = ['CommandLine', 'Image', 'User'] as const;

const field = (name: string): Field => {
  const span = { file: 'p', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return { kind: 'field', name, type: 'keyword', multiValue: false, lowercase: false, description: '', splunk: name, elastic: name, span };
};

const sigmaText = fc.string({ unit: fc.constantFrom('a', 'B', 'c', '*', '?', '\\', '-', '/', ' ', '.', 'é'), maxLength: 8 });
const eventText = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'c', 'C', '*', '?', '\\', '-', '/', '–', ' ', '.', 'é', 'É'), maxLength: 10 });
const modifiers = fc.constantFrom('', '|contains', '|startswith', '|endswith', '|contains|all', '|cased', '|contains|cased', '|windash|contains', '|endswith|windash');

const selection = fc.dictionary(
  fc.tuple(fc.constantFrom(...TEXT_FIELDS), modifiers).map(([f, m]) => f + m),
  fc.oneof(sigmaText, fc.array(sigmaText, { minLength: 1, maxLength: 3 })),
  { minKeys: 1, maxKeys: 3 },
);

describe('Sigma import faithfulness on random selections', () => {
  it('agrees with the Sigma specification on random and matching events', () => {
    fc.assert(
      fc.property(selection, fc.array(fc.record({ CommandLine: eventText, Image: eventText, User: eventText }, { requiredKeys: [] }), { maxLength: 6 }), (s, randomEvents) => {
        const result = importDetection({ s });
        if (result.kind === 'refused') return true; // e.g. |all on one value is fine; refusals are tested elsewhere
        const parsed = parseMatchText(result.rule.detection.match, 'p');
        expect(parsed.diagnostics).toEqual([]);
        const expr = lowerExpr(parsed.ast!, field);
        // An event built from the selection's own values (wildcards dropped), so matches occur too.
        const built: Record<string, string> = {};
        for (const [key, value] of Object.entries(s)) {
          const first = Array.isArray(value) ? value[0]! : value;
          built[key.split('|')[0]!] = first.replace(/\\([*?\\])/g, '$1').replace(/[*?]/g, '');
        }
        for (const event of [built, ...randomEvents]) {
          expect(evaluateExpr(expr, event), `${result.rule.detection.match} on ${JSON.stringify(event)}`).toBe(sigmaDetectionMatches({ s, condition: 's' }, event));
        }
        return true;
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });
});
