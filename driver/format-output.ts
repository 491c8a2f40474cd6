// Files people read (Markdown, HTML, JSON, CSS, JS) go through prettier before they are written,
// so generated output looks hand-formatted and diffs stay small.
//
// prettier dominates build time for the documentation pages (tens of milliseconds a page; see
// `npm run bench`), so large builds format on worker threads, one per core.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as prettier from 'prettier';
import type { OutputFile } from '../targets/target.ts';

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;

function prettierOptions(parser: NonNullable<OutputFile['prettier']>): prettier.Options {
  return {
    parser,
    printWidth: 100,
    proseWrap: 'preserve',
    endOfLine: 'lf',
    // Code blocks inside Markdown (SPL, KQL, JSON) come from our own emitters, already laid out;
    // re-formatting them as embedded languages doubled prettier's time per page in the bench.
    embeddedLanguageFormatting: 'off',
  };
}

export async function formatOutputFile(file: OutputFile): Promise<OutputFile> {
  if (!file.prettier || typeof file.contents !== 'string') return file;
  return { path: file.path, contents: await prettier.format(file.contents, prettierOptions(file.prettier)) };
}

/** Formats every file that asks for it, keeping the order; the others pass through untouched. */
export async function formatOutputFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const pending = files.filter((f) => f.prettier && typeof f.contents === 'string');
  const workers = Math.min(availableParallelism(), 8);
  if (pending.length < WORKER_THRESHOLD || workers < 2) return Promise.all(files.map(formatOutputFile));
  const formatted = await formatOnWorkers(pending, workers);
  return files.map((f) => formatted.get(f) ?? f);
}

async function formatOnWorkers(files: readonly OutputFile[], count: number): Promise<Map<OutputFile, OutputFile>> {
  const results = new Map<OutputFile, OutputFile>();
  const pool = Array.from({ length: count }, () => new Worker(new URL('./prettier-worker.mjs', import.meta.url)));
  let next = 0;
  // Each worker takes the next file as soon as it is done with one, so slow pages do not hold others up.
  const drain = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current: OutputFile | undefined;
      const take = () => {
        current = files[next++];
        if (!current) return resolve();
        worker.postMessage({ contents: current.contents, options: prettierOptions(current.prettier!) });
      };
      worker.on('message', (reply: { contents?: string; error?: string }) => {
        if (reply.error !== undefined) return reject(new Error(`prettier failed on ${current!.path}: ${reply.error}`));
        results.set(current!, { path: current!.path, contents: reply.contents! });
        take();
      });
      worker.on('error', reject);
      take();
    });
  try {
    await Promise.all(pool.map(drain));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
