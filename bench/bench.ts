// `npm run bench [-- --rules N]`: times each stage of the compiler over a synthetic library and
// prints a table. It measures; it asserts nothing.
//
// Peak memory is the process's maximum resident set size so far (it can only grow), read after
// each stage; the heap column is the V8 heap in use right after the stage.

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatOutputFiles } from '../driver/format-output.ts';
import type { Library } from '../compiler/ir.ts';
import { loadTargets } from '../targets/index.ts';
import type { QueryPreview } from '../targets/target.ts';
import { runRuleTests } from '../compiler/evaluate.ts';
import { loadLibrary } from '../compiler/load/load-library.ts';
import { compileLibrary, type StageName } from '../compiler/pipeline.ts';
import { importSigma } from '../importers/sigma/index.ts';
import { writeOutputAtomically } from '../driver/write-output.ts';
import { writeSyntheticLibrary } from './synthetic-library.ts';

interface Row {
  readonly stage: string;
  readonly ms: number;
  readonly items: number;
  readonly peakRssMb: number;
  readonly heapMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

function measure<T>(rows: Row[], stage: string, items: number, run: () => T): T {
  const start = performance.now();
  const result = run();
  const finish = () => rows.push({ stage, ms: performance.now() - start, items, peakRssMb: peakRssMb(), heapMb: mb(process.memoryUsage().heapUsed) });
  if (result instanceof Promise) return result.then((value) => (finish(), value)) as T;
  finish();
  return result;
}

function printTable(title: string, rows: readonly Row[]): void {
  const header = ['stage', 'wall ms', 'items/s', 'peak RSS MB', 'heap MB'];
  const lines = rows.map((r) => [
    r.stage,
    r.ms.toFixed(1),
    r.items > 0 && r.ms > 0 ? Math.round((r.items / r.ms) * 1000).toLocaleString('en-US') : '-',
    r.peakRssMb.toFixed(0),
    r.heapMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function benchSynthetic(count: number): Promise<void> {
  const dir = join(tmpdir(), `detc-bench-${count}`);
  await writeSyntheticLibrary(dir, count);
  const rows: Row[] = [];

  // Baseline: what merely reading and parsing the same YAML costs.
  const files = await loadLibrary([dir], { cwd: dir });
  const paths = [...files.rules, ...files.dataSources].map((d) => join(dir, d.file));
  // One unmeasured pass first, so that neither the baseline nor the pipeline pays for a cold
  // file cache or an unoptimised yaml parser alone.
  const readAndParse = () => {
    for (const path of paths) parse(readFileSync(path, 'utf8'));
  };
  readAndParse();
  await measure(rows, 'baseline: read + yaml.parse', paths.length, readAndParse);
  const baselineMs = rows[0]!.ms;

  const result = await compileLibrary({
    paths: [dir],
    cwd: dir,
    aroundStage: <T>(stage: StageName, run: () => T): T => measure(rows, stage, count, run),
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) console.log(`note: ${errors.length} errors in the synthetic library (first: ${errors[0]!.code} ${errors[0]!.message})`);

  let failed = 0;
  measure(rows, 'evaluate tests', count, () => {
    for (const rule of result.partial.rules) for (const outcome of runRuleTests(rule)) if (!outcome.passed) failed++;
  });
  if (failed > 0) console.log(`note: ${failed} synthetic tests failed`);

  if (result.library) await benchTargets(rows, result.library, count);

  const compileMs = rows.filter((r) => ['load', 'schema', 'parse', 'check', 'lower'].includes(r.stage)).reduce((sum, r) => sum + r.ms, 0);
  printTable(`synthetic library: ${count} rules, ${files.dataSources.length} data sources`, rows);
  console.log(`\nload→lower total ${compileMs.toFixed(0)} ms = ${(compileMs / baselineMs).toFixed(1)}× the read + yaml.parse baseline`);
}

/**
 * Each target's emit, then prettier over the files it marks for formatting, timed apart: prettier
 * is a large share of build time for the documentation pages, and the table should say so.
 */
async function benchTargets(rows: Row[], library: Library, count: number): Promise<Map<string, number>> {
  const refusals = new Map<string, number>();
  const queries = new Map<string, ReadonlyMap<string, QueryPreview>>();
  const targets = await loadTargets();
  const context = { targets: targets.map((t) => t.name), queries };
  for (const target of targets) {
    const emitted = await measure(rows, `emit ${target.name}`, count, () => target.emit(library, context));
    if (emitted.queries) queries.set(target.name, emitted.queries);
    refusals.set(target.name, emitted.diagnostics.filter((d) => d.severity === 'error').length);
    const toFormat = emitted.files.filter((f) => f.prettier);
    if (toFormat.length > 0) {
      await measure(rows, `  prettier ${target.name} (${toFormat.length} files)`, toFormat.length, () => formatOutputFiles(toFormat));
    }
  }
  return refusals;
}

/**
 * The real-world row: import the whole Sigma corpus (../shared/corpus/sigma), write it, compile it
 * and emit every target. Rules a target refuses are counted (a build would stop on them).
 */
async function benchSigmaCorpus(corpus: string): Promise<void> {
  const rows: Row[] = [];
  const dir = join(tmpdir(), 'detc-bench-sigma');
  const imported = await measure(rows, 'sigma import (convert)', 0, () => importSigma([corpus], process.cwd(), dir));
  const inputs = imported.report.files.length;
  rows[rows.length - 1] = { ...rows[rows.length - 1]!, items: inputs };
  await measure(rows, 'sigma import (write)', imported.files.size, () =>
    writeOutputAtomically(dir, [...imported.files].map(([path, contents]) => ({ path, contents }))),
  );
  const rules = imported.files.size - imported.report.dataSources.length;
  const result = await compileLibrary({
    paths: [dir],
    cwd: dir,
    aroundStage: <T>(stage: StageName, run: () => T): T => measure(rows, stage, rules, run),
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const refusals = result.library ? await benchTargets(rows, result.library, result.library.rules.length) : new Map<string, number>();
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  rows.push({ stage: 'import + build, all targets', ms: total, items: inputs, peakRssMb: peakRssMb(), heapMb: mb(process.memoryUsage().heapUsed) });
  printTable(`Sigma corpus: ${inputs} files → ${rules} rules imported, ${imported.report.dataSources.length} data sources`, rows);
  console.log(`validate: ${errors} errors; refused by target: ${[...refusals].map(([t, n]) => `${t} ${n}`).join(', ') || 'n/a'}`);
}

await benchSynthetic(argument('rules', 2000));
if (!process.argv.includes('--no-corpus')) {
  const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'sigma');
  await benchSigmaCorpus(corpus);
}
