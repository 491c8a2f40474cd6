// The `detc` command line. Each command is a thin layer over the pipeline; `main` returns the
// exit code instead of exiting, so tests can call it.

import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { emitTargets, targetNames } from '../emit-all-targets.ts';
import { writeOutputAtomically } from '../write-output.ts';
import { hasErrors, type Diagnostic } from '../../compiler/diagnostics.ts';
import { runRuleTests } from '../../compiler/evaluate.ts';
import { runImportSigma } from '../import-sigma.ts';
import { libraryRoot } from '../../compiler/load/library-root.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { bounded, formatDiagnostics, locationText, summaryLine, type DiagnosticFormat } from './format-diagnostics.ts';
import { escapeLine, escapeLines, escapeText, withoutRawControls } from './terminal-text.ts';

export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  // Every printing site escapes what it takes from rules (terminal-text.ts); this catches the rest.
  const io: Io = { cwd: rawIo.cwd, out: (text) => rawIo.out(withoutRawControls(text)), err: (text) => rawIo.err(withoutRawControls(text)) };
  // The only folder whose files detc reads (compiler/load/library-root.ts).
  const root = libraryRoot(io.cwd);
  let exitCode = 0;
  const program = new Command('detc')
    .description('Detection-as-code compiler: YAML rules to Splunk ES, Elastic and documentation.')
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: (text) => io.err(escapeLines(text)) })
    .showHelpAfterError('(run detc --help for usage)');

  program
    .command('validate')
    .description('check rules and data sources: schema, match expressions, fields, ATT&CK, periods')
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (paths: string[], options: { format: DiagnosticFormat }) => {
      const result = await compileLibrary({ paths, cwd: io.cwd, root });
      printDiagnostics(io, result.diagnostics, options.format, result.sources);
      if (options.format !== 'json') io.out(summaryLine(result.diagnostics, result.fileCount) + '\n');
      exitCode = hasErrors(result.diagnostics) ? 1 : 0;
    });

  program
    .command('test')
    .description("run every rule's tests against the reference evaluator")
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .action(async (paths: string[]) => {
      const result = await compileLibrary({ paths, cwd: io.cwd, root });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      printDiagnostics(io, errors, 'text', result.sources);
      let passed = 0;
      let failed = 0;
      for (const rule of result.partial.rules) {
        for (const outcome of runRuleTests(rule)) {
          if (outcome.passed) {
            passed++;
            continue;
          }
          failed++;
          io.out(escapeLine(`${locationText(outcome.test.span)}: FAIL ${bounded(`${rule.name} › ${outcome.test.name}: ${outcome.reason ?? 'failed'}`)}`) + '\n');
        }
      }
      io.out(`${passed} passed, ${failed} failed\n`);
      exitCode = failed > 0 || errors.length > 0 ? 1 : 0;
    });

  program
    .command('build')
    .description('validate, then compile the library to every target and replace the output folder atomically')
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .option('--out <dir>', 'output folder', 'dist')
    .option('--target <names>', `comma-separated targets (${targetNames().join(', ')})`, targetNames().join(','))
    .option('--skip-refused', 'leave out (with a warning) the rules a target cannot express, instead of failing the build')
    .action(async (paths: string[], options: { out: string; target: string; skipRefused?: boolean }) => {
      const names = options.target.split(',').map((n) => n.trim()).filter(Boolean);
      const unknown = names.filter((n) => !targetNames().includes(n));
      if (unknown.length > 0) {
        io.err(`detc: unknown target ${escapeText(unknown.join(', '))}; choose from ${targetNames().join(', ')}\n`);
        exitCode = 2;
        return;
      }
      const result = await compileLibrary({ paths, cwd: io.cwd, root });
      if (!result.library) {
        printDiagnostics(io, result.diagnostics, 'text', result.sources);
        io.out(`${summaryLine(result.diagnostics, result.fileCount)}; nothing written\n`);
        exitCode = 1;
        return;
      }
      const emitted = await emitTargets(result.library, names, { skipRefused: options.skipRefused ?? false });
      const diagnostics = [...result.diagnostics, ...emitted.diagnostics];
      printDiagnostics(io, diagnostics, 'text', result.sources);
      if (hasErrors(diagnostics)) {
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        io.out(`build failed: ${errors} error${errors === 1 ? '' : 's'}; nothing written\n`);
        exitCode = 1;
        return;
      }
      const outDir = resolve(io.cwd, options.out);
      await writeOutputAtomically(outDir, emitted.files);
      const count = result.library.rules.length;
      io.out(`built ${count} rule${count === 1 ? '' : 's'} for ${names.join(', ')}: ${emitted.files.length} files in ${escapeText(options.out)}\n`);
    });

  const importCommand = program.command('import').description('bring rules from other formats into detc');
  importCommand
    .command('sigma')
    .description('convert Sigma rules (files or folders) into detc rules and data sources')
    .argument('<paths...>', 'Sigma rule files or folders')
    .requiredOption('--out <dir>', 'folder for the detc rules and data sources')
    .option('--report <file>', 'write a JSON report: imported, imported with warnings, refused (why)')
    .action(async (paths: string[], options: { out: string; report?: string }) => {
      const result = await runImportSigma({ paths, out: options.out, cwd: io.cwd, ...(options.report ? { report: options.report } : {}) });
      io.out(escapeLines(result.summary.endsWith('\n') ? result.summary.slice(0, -1) : result.summary) + '\n');
      exitCode = result.exitCode;
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode;
}

/** Excerpts quote only `sources`: the files the loader read from inside the library root. */
function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: DiagnosticFormat, sources: ReadonlyMap<string, string>): void {
  const text = formatDiagnostics(diagnostics, format, (file) => sources.get(file));
  if (text) io.out(text);
}
