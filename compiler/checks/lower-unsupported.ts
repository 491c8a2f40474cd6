// lower() is the case-insensitive form of the text comparisons only (==, !=, in, like,
// startswith, endswith, contains). Regexes have the `i` flag instead; numbers, addresses and
// existence have no case. The grammar already refuses these; this check keeps the guarantee for
// every syntax tree that reaches lowering.

import { error } from '../diagnostics.ts';
import type { ComparisonOp } from '../language/ast.ts';
import type { Check } from './check.ts';
import { comparisons } from './support/ast-walk.ts';

const SUPPORTED: ReadonlySet<ComparisonOp> = new Set(['==', '!=', 'in', 'like', 'startswith', 'endswith', 'contains']);

export const lowerUnsupported: Check = {
  name: 'lower-unsupported',
  codes: ['match/lower-unsupported'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          if (!comparison.lower || SUPPORTED.has(comparison.op)) continue;
          const fix =
            comparison.op === 'matches'
              ? `write ${comparison.field.name} matches /…/i (the regex flag i ignores case)`
              : `write ${comparison.field.name} ${comparison.op} … without lower()`;
          ctx.report(
            error(
              'match/lower-unsupported',
              comparison.span,
              `lower() cannot be used with "${comparison.op}": it applies to ==, !=, in, like, startswith, endswith and contains. Instead, ${fix}.`,
            ),
          );
        }
      }
    }
  },
};
