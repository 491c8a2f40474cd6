// The layer `detc build` writes for the shipped rule library validates against the 4.5 format.

import { describe, expect, it } from 'vitest';
import { buildLayer } from '../../targets/navigator/layer.ts';
import { compileFixture } from '../support/compile.ts';
import { layerProblems } from './layer-format.ts';

describe('the shipped library as a Navigator layer', async () => {
  const library = await compileFixture('rules');
  const { layer, diagnostics } = buildLayer(library);

  it('is a valid layer', () => {
    expect(layerProblems(layer, library.attack)).toEqual([]);
  });

  it('scores every (technique, tactic) a rule maps with the number of those rules', () => {
    const expected = new Map<string, number>();
    for (const rule of library.rules) {
      const pairs = new Set(rule.attack.flatMap((m) => m.techniques.map((t) => `${t.id} ${m.tactic.shortname}`)));
      for (const pair of pairs) expected.set(pair, (expected.get(pair) ?? 0) + 1);
    }
    const scored = new Map(layer.techniques.filter((t) => t.score !== undefined).map((t) => [`${t.techniqueID} ${t.tactic}`, t.score]));
    const left = diagnostics.length; // pairs ATT&CK does not have are left out, each with a warning
    expect(scored.size + left).toBeGreaterThanOrEqual(expected.size);
    for (const [pair, score] of scored) expect(score, pair).toBe(expected.get(pair));
  });
});
