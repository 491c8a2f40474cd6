// The `detc` command line. Each command is a thin layer over the pipeline; `main` returns the
// exit code instead of exiting, so tests can call it.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { emitTargets, targetNames } from '../emit-all-targets.ts';
import { writeOutputAtomically } from '../write-output.ts';
import { hasErrors, type Diagnostic } from '../../compiler/diagnostics.ts';
import { runImportSigma } from '../import-sigma.ts';
import { ruleTestDiagnostic } from '../rule-test-diagnostics.ts';
import { DEFAULT_TEST_TIMEOUT_MS, runRuleTestsWithTimeLimit, type RuleTestResult } from '../run-rule-tests.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { formatDiagnostics, summaryLine, type DiagnosticFormat } from './format-diagnostics.ts';

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

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('detc')
    .description('Detection-as-code compiler: YAML rules to Splunk ES, Elastic and documentation.')
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run detc --help for usage)');

  program
    .command('validate')
    .description('check rules and data sources: schema, match expressions, fields, ATT&CK, periods')
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (paths: string[], options: { format: DiagnosticFormat }) => {
      const result = await compileLibrary({ paths, cwd: io.cwd });
      printDiagnostics(io, result.diagnostics, options.format);
      if (options.format !== 'json') io.out(summaryLine(result.diagnostics, result.fileCount) + '\n');
      exitCode = hasErrors(result.diagnostics) ? 1 : 0;
    });

  program
    .command('test')
    .description("run every rule's tests against the reference evaluator")
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .addOption(
      new Option('--timeout <ms>', 'time limit for each test, in milliseconds (a test that takes longer fails with test/timeout)')
        .default(DEFAULT_TEST_TIMEOUT_MS)
        .argParser(parseTimeout),
    )
    .action(async (paths: string[], options: { timeout: number }) => {
      const result = await compileLibrary({ paths, cwd: io.cwd });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      printDiagnostics(io, errors, 'text');
      let results: RuleTestResult[];
      try {
        results = await runRuleTestsWithTimeLimit(result.partial.rules, { timeoutMs: options.timeout });
      } catch (e) {
        io.err(`detc: cannot run the tests: ${(e as Error).message}\n`);
        exitCode = 2;
        return;
      }
      const passed = results.filter((r) => r.kind === 'passed').length;
      const timedOut = results.filter((r) => r.kind === 'timed-out').length;
      for (const r of results) {
        if (r.kind === 'passed') continue;
        const at = r.test.span;
        io.out(`${at.file}:${at.start.line}:${at.start.column}: FAIL ${r.rule.name} › ${r.test.name}: ${failureReason(r)}\n`);
      }
      printDiagnostics(io, results.flatMap((r) => ruleTestDiagnostic(r) ?? []), 'text');
      const failed = results.length - passed;
      io.out(`${passed} passed, ${failed} failed${timedOut > 0 ? ` (${timedOut} timed out)` : ''}\n`);
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
        io.err(`detc: unknown target ${unknown.join(', ')}; choose from ${targetNames().join(', ')}\n`);
        exitCode = 2;
        return;
      }
      const result = await compileLibrary({ paths, cwd: io.cwd });
      if (!result.library) {
        printDiagnostics(io, result.diagnostics, 'text');
        io.out(`${summaryLine(result.diagnostics, result.fileCount)}; nothing written\n`);
        exitCode = 1;
        return;
      }
      const emitted = await emitTargets(result.library, names, { skipRefused: options.skipRefused ?? false });
      const diagnostics = [...result.diagnostics, ...emitted.diagnostics];
      printDiagnostics(io, diagnostics, 'text');
      if (hasErrors(diagnostics)) {
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        io.out(`build failed: ${errors} error${errors === 1 ? '' : 's'}; nothing written\n`);
        exitCode = 1;
        return;
      }
      const outDir = resolve(io.cwd, options.out);
      await writeOutputAtomically(outDir, emitted.files);
      const count = result.library.rules.length;
      io.out(`built ${count} rule${count === 1 ? '' : 's'} for ${names.join(', ')}: ${emitted.files.length} files in ${options.out}\n`);
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
      io.out(result.summary.endsWith('\n') ? result.summary : result.summary + '\n');
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

const MAX_TEST_TIMEOUT_MS = 3_600_000;

function parseTimeout(value: string): number {
  const ms = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(ms >= 1 && ms <= MAX_TEST_TIMEOUT_MS)) {
    throw new InvalidArgumentError(`${JSON.stringify(value.slice(0, 30))} is not a time limit: write a whole number of milliseconds from 1 to ${MAX_TEST_TIMEOUT_MS}, e.g. --timeout 5000.`);
  }
  return ms;
}

function failureReason(result: Exclude<RuleTestResult, { kind: 'passed' }>): string {
  switch (result.kind) {
    case 'failed':
      return result.reason;
    case 'timed-out':
      return `did not finish within ${result.timeoutMs} ms (test/timeout)`;
    case 'crashed':
      return 'the evaluator stopped (test/crashed)';
  }
}

function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: DiagnosticFormat): void {
  const sources = new Map<string, string | undefined>();
  const lookup = (file: string) => {
    if (!sources.has(file)) {
      try {
        sources.set(file, readFileSync(resolve(io.cwd, file), 'utf8'));
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  const text = formatDiagnostics(diagnostics, format, lookup);
  if (text) io.out(text);
}
