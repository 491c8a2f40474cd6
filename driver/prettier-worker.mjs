// A worker thread that formats text with prettier (see format-output.ts). Plain JavaScript so
// that workers start without the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import * as prettier from 'prettier';

parentPort.on('message', async ({ contents, options }) => {
  try {
    parentPort.postMessage({ contents: await prettier.format(contents, options) });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.message ?? error) });
  }
});
