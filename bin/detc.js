#!/usr/bin/env node
// The detc command. It runs the compiled JavaScript in lib/, which `npm install` builds (the
// `prepare` script) and `npm run build` rebuilds after editing the TypeScript sources.
let main;
try {
  ({ main } = await import('../lib/driver/cli/main.js'));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('/lib/driver/cli/main.js')) throw e;
  process.stderr.write('detc: the compiled command (lib/) is missing; run `npm run build` in the detc folder\n');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
