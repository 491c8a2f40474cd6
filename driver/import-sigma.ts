// `detc import sigma <paths…> --out <dir> [--report FILE]`: converts with the Sigma importer
// (importers/sigma/), then writes the detc rules and data sources, replacing <dir> atomically.

import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importSigma } from '../importers/sigma/index.ts';
import { reportJson, summaryText } from '../importers/sigma/report.ts';
import { writeOutputAtomically } from './write-output.ts';

export interface ImportSigmaOptions {
  readonly paths: readonly string[];
  readonly out: string;
  readonly report?: string;
  readonly cwd: string;
}

export async function runImportSigma(options: ImportSigmaOptions): Promise<{ exitCode: number; summary: string }> {
  const outDir = resolve(options.cwd, options.out);
  for (const p of options.paths) {
    const exists = await stat(resolve(options.cwd, p)).then(() => true, () => false);
    if (!exists) return { exitCode: 2, summary: `error: ${p} does not exist; give Sigma rule files or folders.\n` };
  }
  const result = await importSigma(options.paths, options.cwd, outDir);
  await writeOutputAtomically(outDir, [...result.files].map(([path, contents]) => ({ path, contents })));
  if (options.report) await writeFile(resolve(options.cwd, options.report), reportJson(result.report));
  return { exitCode: 0, summary: summaryText(result.report, options.out) };
}
