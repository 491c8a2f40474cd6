// Preload for process tests: `node --import ./test/support/trace-modules.mjs bin/detc.js …` with
// DETC_TRACE_MODULES=<file> appends to that file every module the process loads, one URL a line:
// ES modules as the loader sees them (a hook on its own thread writes each one), CommonJS modules
// from the require cache when the process exits. What a command loads, not how long it takes.

import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.DETC_TRACE_MODULES;
if (file) {
  register('./trace-modules-hooks.mjs', import.meta.url, { data: { file } });
  process.on('exit', () => {
    const required = Object.keys(Module._cache).map((path) => pathToFileURL(path).href);
    if (required.length > 0) appendFileSync(file, required.join('\n') + '\n');
  });
}
