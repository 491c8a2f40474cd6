#!/usr/bin/env node
// The detc command. It runs the compiled JavaScript in lib/, which `npm install` builds (the
// `prepare` script) and `npm run build` rebuilds after editing the TypeScript sources.
import { existsSync } from 'node:fs';

const entry = new URL('../lib/driver/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('detc: the compiled command (lib/) is missing; run `npm run build` in the detc folder\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
