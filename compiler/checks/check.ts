// A semantic check: one rule about the rule library, in one file (like graphql-js validation
// rules). Each check declares the diagnostic codes it may report, so docs/diagnostics.md and the
// tests can hold it to them.

import type { CheckContext } from './context.ts';

export interface Check {
  /** Kebab-case name, also the name of its file and of its test (`test/checks/<name>.test.ts`). */
  readonly name: string;
  /** Every diagnostic code the check can report. */
  readonly codes: readonly string[];
  /** Reports problems through `ctx.report`; never throws for bad input. */
  run(ctx: CheckContext): void;
}
