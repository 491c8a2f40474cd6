// `detc import sigma <paths…> --out <dir> [--report FILE]`: converts with the Sigma importer
// (importers/sigma/), then writes the detc rules and data sources into an owned output folder
// (write-output.ts), and the report beside it (output-report-file.ts). Both paths are checked
// before anything is converted or written: neither may overlap the Sigma inputs.

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../compiler/diagnostics.ts';
import { importSigma } from '../importers/sigma/index.ts';
import { summaryText } from '../importers/sigma/report.ts';
import { checkReportFile, reportText, writeReportFile } from './output-report-file.ts';
import type { OutputHooks } from './output-test-hooks.ts';
import { openOutput } from './write-output.ts';
import { printable } from './output-paths.ts';

export interface ImportSigmaOptions {
  readonly paths: readonly string[];
  readonly out: string;
  readonly report?: string;
  readonly cwd: string;
  readonly onWait?: (message: string) => void;
  readonly hooks?: OutputHooks;
}

export interface ImportSigmaResult {
  readonly exitCode: number;
  /** The counts, for people; empty when nothing was imported. */
  readonly summary: string;
  /** Refusals of --out or --report, and problems writing them. */
  readonly diagnostics: readonly Diagnostic[];
}

export async function runImportSigma(options: ImportSigmaOptions): Promise<ImportSigmaResult> {
  for (const p of options.paths) {
    const exists = await stat(resolve(options.cwd, p)).then(() => true, () => false);
    if (!exists) return { exitCode: 2, summary: `error: ${printable(p)} does not exist; give Sigma rule files or folders.\n`, diagnostics: [] };
  }
  if (options.report !== undefined) {
    const refused = await checkReportFile({ path: options.report, option: '--report', cwd: options.cwd, inputs: options.paths, command: 'import sigma', outFolder: options.out });
    if (refused) return { exitCode: 2, summary: '', diagnostics: [refused] };
  }
  const opened = await openOutput({
    out: options.out,
    cwd: options.cwd,
    command: 'import sigma',
    inputs: options.paths,
    ...(options.onWait ? { onWait: options.onWait } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
  if (opened.kind === 'refused') return { exitCode: opened.exitCode, summary: '', diagnostics: opened.diagnostics };
  try {
    const result = await importSigma(options.paths, options.cwd, opened.output.path);
    const written = await opened.output.write([...result.files].map(([path, contents]) => ({ path, contents })));
    const diagnostics = [...written.diagnostics];
    if (written.written && options.report !== undefined) {
      diagnostics.push(...(await writeReportFile(resolve(options.cwd, options.report), reportText('import sigma', result.report), options.cwd)));
    }
    const summary = written.written ? summaryText(result.report, printable(options.out)) : '';
    return { exitCode: hasErrors(diagnostics) ? 1 : 0, summary, diagnostics };
  } finally {
    await opened.output.close();
  }
}
