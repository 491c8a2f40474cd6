// vitest global setup: process tests run `node bin/detc.js`, which runs the compiled lib/. Build
// it before any test runs when the sources changed since it was last built (scripts/build-lib.mjs
// keeps a hash of its inputs), so a process test never exercises stale JavaScript.

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export default function buildCompiledCommand(): void {
  execFileSync(process.execPath, ['scripts/build-lib.mjs', '--if-stale'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
}
