// Fault injection for the output writer's tests. The writer calls `hooks.at(step)` at each named
// step of writing and swapping; tests stop the process there (to SIGKILL it between two steps)
// or make the step fail with an operating-system error (ENOSPC, EACCES …), which a real disk
// cannot be made to do on demand.
//
// A process test sets DETC_TEST_OUTPUT_HOOK, a comma-separated list of `<action>:<step>[@<n>]`:
//   stop:swapped            SIGSTOP at the first `swapped` step (after a line on stderr)
//   fail-ENOSPC:write-file@3   the third file write fails with ENOSPC
// Nothing sets it outside tests; an unknown entry is ignored.

import { writeSync } from 'node:fs';

/** The steps of one output write, in order. */
export type OutputStep =
  | 'locked' // the lock is held, nothing written yet
  | 'write-file' // before each file of the new generation
  | 'staged' // the new generation is complete, the output still the old one
  | 'link-created' // the link that will replace the output exists beside it
  | 'empty-folder-removed' // an empty plain folder named like the output was removed
  | 'swapped' // the output names the new generation
  | 'remove-old' // before removing the previous generation
  | 'remove-stale'; // before removing a stale temporary of an earlier run

export interface OutputHooks {
  at(step: OutputStep): void;
}

export const noHooks: OutputHooks = { at: () => {} };

export function hooksFromEnvironment(value = process.env.DETC_TEST_OUTPUT_HOOK): OutputHooks {
  if (!value) return noHooks;
  const entries = value.split(',').flatMap((entry) => {
    const match = /^(stop|fail-([A-Z]+)):([a-z-]+)(?:@(\d+))?$/.exec(entry.trim());
    return match ? [{ errno: match[2], step: match[3]!, nth: Number(match[4] ?? 1) }] : [];
  });
  const seen = new Map<string, number>();
  return {
    at(step) {
      const count = (seen.get(step) ?? 0) + 1;
      seen.set(step, count);
      for (const entry of entries) {
        if (entry.step !== step || entry.nth !== count) continue;
        if (entry.errno) throw Object.assign(new Error(`${entry.errno}: injected by DETC_TEST_OUTPUT_HOOK at ${step}`), { code: entry.errno });
        writeSync(2, `detc-test-hook: stopped at ${step}\n`); // synchronous: the test waits for this line
        process.kill(process.pid, 'SIGSTOP');
      }
    },
  };
}
