// `f matches /re/` must not backtrack exponentially: Splunk runs the regex with PCRE, which on a
// value that nearly matches tries every way a repetition like `(a+)+` or `(\w+\s?)+` can split
// the text — a search that runs for hours or that Splunk stops — and detc's own tests would
// have hung the same way with a backtracking engine. The analysis and what it counts as a risk
// are compiler/language/regex-backtracking.ts's; this check points at the repetition.

import { error } from '../diagnostics.ts';
import { describeBacktracking, exponentialBacktracking } from '../language/regex-backtracking.ts';
import type { Check } from './check.ts';
import { comparisons } from './support/ast-walk.ts';
import { patternSpan } from './support/pattern-span.ts';

export const catastrophicRegex: Check = {
  name: 'catastrophic-regex',
  codes: ['regex/catastrophic'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          const regex = comparison.value;
          if (regex?.kind !== 'regex') continue;
          for (const risk of exponentialBacktracking(regex.pattern, regex.flags)) {
            const span = patternSpan(rule.doc, match.path, regex, risk.start, risk.end);
            ctx.report(error('regex/catastrophic', span, `In /${regex.pattern}/${regex.flags}, ${describeBacktracking(regex.pattern, risk)}.`));
          }
        }
      }
    }
  },
};
