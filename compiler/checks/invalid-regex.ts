// `f matches /re/` takes a regular expression that is valid JavaScript (the reference evaluator
// runs it) and stays within the flavour every target shares (docs/language.md): the evaluator's
// `checkRegex` is the authority on that flavour.

import { error } from '../diagnostics.ts';
import { checkRegex } from '../language/regex-portability.ts';
import type { Check } from './check.ts';
import { comparisons } from './support/ast-walk.ts';

export const invalidRegex: Check = {
  name: 'invalid-regex',
  codes: ['match/invalid-regex'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const match of rule.matches) {
        for (const comparison of comparisons(match.ast)) {
          const regex = comparison.value;
          if (regex?.kind !== 'regex') continue;
          const problem = regexProblem(regex.pattern, regex.flags);
          if (problem) ctx.report(error('match/invalid-regex', regex.span, problem));
        }
      }
    }
  },
};

function regexProblem(pattern: string, flags: string): string | undefined {
  try {
    new RegExp(pattern, flags);
  } catch (e) {
    const reason = String((e as Error).message).replace(/^Invalid regular expression: /, '');
    return `Invalid regular expression /${pattern}/${flags}: ${reason}. Fix the pattern (escape special characters such as ( ) [ ] { } with a backslash).`;
  }
  const portability = checkRegex(pattern, flags);
  return portability && `/${pattern}/${flags} is not portable: ${portability}`;
}
