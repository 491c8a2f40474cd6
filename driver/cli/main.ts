// The `detc` command line. Each command is a thin layer over the pipeline; `main` returns the
// exit code instead of exiting, so tests can call it.

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { packageUrl } from '../../compiler/package-files.ts';
import { targetNames } from '../../targets/index.ts';
import type { RuleTestResult } from '../run-rule-tests.ts';
import type { DiagnosticFormat } from './format-diagnostics.ts';
import type { ProgressStream } from './progress.ts';
import { escapeLine, escapeLines, escapeText, withoutRawControls } from './terminal-text.ts';

// Each command imports what it runs when it runs (`await import(…)` in its action), so
// `detc --version` and `--help` load no compiler, `validate` loads no target, and a build loads
// only the targets it was asked for (targets/index.ts). Start-up is most of the time of a small run.

export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** stderr when it is a terminal: where a long build draws its progress line (driver/cli/progress.ts). */
  readonly progress?: ProgressStream;
}

const processIo: Io = {
  cwd: process.cwd(),
  progress: process.stderr,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  // Every printing site escapes what it takes from rules (terminal-text.ts); this catches the rest.
  const io: Io = {
    cwd: rawIo.cwd,
    out: (text) => rawIo.out(withoutRawControls(text)),
    err: (text) => rawIo.err(withoutRawControls(text)),
    ...(rawIo.progress ? { progress: rawIo.progress } : {}),
  };
  // The only folder whose files detc reads (compiler/load/library-root.ts); found when a command needs it.
  const root = async () => (await import('../../compiler/load/library-root.ts')).libraryRoot(io.cwd);
  let exitCode = 0;
  const program = new Command('detc')
    .description('Detection-as-code compiler: YAML rules to Splunk ES, Elastic and documentation.')
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: (text) => io.err(escapeLines(text)) })
    .showHelpAfterError('(run detc --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('validate')
    .description('check rules and data sources: schema, match expressions, fields, ATT&CK, periods')
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--quiet', 'report errors only')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings').argParser(parseMaxWarnings))
    .action(async (paths: string[], options: { format: DiagnosticFormat; quiet?: boolean; maxWarnings?: number }) => {
      const { compileLibrary, summaryLine } = await frontEnd();
      const { failsOn } = await import('./output-control.ts');
      const result = await compileLibrary({ paths, cwd: io.cwd, root: await root() });
      await printChosenDiagnostics(io, result.diagnostics, options.format, result.sources, options.quiet ?? false);
      if (options.format !== 'json') io.out(summaryLine(result.diagnostics, result.fileCount) + '\n');
      exitCode = failsOn(result.diagnostics, options.maxWarnings) ? 1 : 0;
      if (exitCode === 1 && options.maxWarnings !== undefined && !result.diagnostics.some((d) => d.severity === 'error')) {
        io.out(`too many warnings: more than --max-warnings ${options.maxWarnings}\n`);
      }
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
      const { compileLibrary, locationText, bounded } = await frontEnd();
      const { runRuleTestsWithTimeLimit } = await import('../run-rule-tests.ts');
      const { ruleTestDiagnostic } = await import('../rule-test-diagnostics.ts');
      const result = await compileLibrary({ paths, cwd: io.cwd, root: await root() });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      await printDiagnostics(io, errors, 'text', result.sources);
      let results: Awaited<ReturnType<typeof runRuleTestsWithTimeLimit>>;
      try {
        results = await runRuleTestsWithTimeLimit(result.partial.rules, { timeoutMs: options.timeout });
      } catch (e) {
        io.err(`detc: cannot run the tests: ${escapeText((e as Error).message)}\n`);
        exitCode = 2;
        return;
      }
      const passed = results.filter((r) => r.kind === 'passed').length;
      const timedOut = results.filter((r) => r.kind === 'timed-out').length;
      for (const r of results) {
        if (r.kind === 'passed') continue;
        io.out(escapeLine(`${locationText(r.test.span)}: FAIL ${bounded(`${r.rule.name} › ${r.test.name}: ${failureReason(r)}`)}`) + '\n');
      }
      await printDiagnostics(io, results.flatMap((r) => ruleTestDiagnostic(r) ?? []), 'text', result.sources);
      const failed = results.length - passed;
      io.out(`${passed} passed, ${failed} failed${timedOut > 0 ? ` (${timedOut} timed out)` : ''}\n`);
      exitCode = failed > 0 || errors.length > 0 ? 1 : 0;
    });

  program
    .command('build')
    .description('validate, then compile the library to every target and replace the output folder (only one detc made) atomically')
    .argument('[paths...]', 'rule files or folders', ['rules'])
    .option('--out <dir>', 'output folder', 'dist')
    .option('--target <names>', `comma-separated targets (${targetNames().join(', ')})`, targetNames().join(','))
    .option('--skip-refused', 'leave out (with a warning) the rules a target cannot express, instead of failing the build')
    .option('--quiet', 'report errors only')
    .action(async (paths: string[], options: { out: string; target: string; skipRefused?: boolean; quiet?: boolean }) => {
      const names = options.target.split(',').map((n) => n.trim()).filter(Boolean);
      const unknown = names.filter((n) => !targetNames().includes(n));
      if (unknown.length > 0) {
        io.err(`detc: unknown target ${escapeText(unknown.join(', '))}; choose from ${targetNames().join(', ')}\n`);
        exitCode = 2;
        return;
      }
      // The output is checked and locked before the build, so a refused --out costs nothing and
      // a second build into the same folder waits for this one (docs/output.md).
      const { openOutput } = await import('../write-output.ts');
      const { printable } = await import('../output-paths.ts');
      const { CONFIG_FILE } = await import('../../compiler/load/load-library.ts');
      const opened = await openOutput({ out: options.out, cwd: io.cwd, command: 'build', inputs: [...paths, CONFIG_FILE], onWait: io.err });
      if (opened.kind === 'refused') {
        await printOutputDiagnostics(io, opened.diagnostics);
        exitCode = opened.exitCode;
        return;
      }
      const { startProgress } = await import('./progress.ts');
      const progress = startProgress(io.progress, { quiet: options.quiet ?? false, command: 'build' });
      try {
        const { compileLibrary, hasErrors, summaryLine } = await frontEnd();
        const { emitTargets } = await import('../emit-all-targets.ts');
        const { summarizeTargets, targetSummaryLine } = await import('../build-summary.ts');
        const stageNames = { load: 'loading', schema: 'validating', parse: 'parsing', check: 'checking', lower: 'lowering' } as const;
        const result = await compileLibrary({
          paths,
          cwd: io.cwd,
          root: await root(),
          aroundStage: (stage, run) => {
            progress.stage(stageNames[stage]);
            return run();
          },
        });
        if (!result.library) {
          progress.finish();
          await printChosenDiagnostics(io, result.diagnostics, 'text', result.sources, options.quiet ?? false);
          io.out(`${summaryLine(result.diagnostics, result.fileCount)}; nothing written\n`);
          exitCode = 1;
          return;
        }
        const emitted = await emitTargets(result.library, names, { skipRefused: options.skipRefused ?? false, onStage: progress.stage });
        progress.finish();
        const diagnostics = [...result.diagnostics, ...emitted.diagnostics];
        await printChosenDiagnostics(io, diagnostics, 'text', result.sources, options.quiet ?? false);
        const perTarget = summarizeTargets(result.library, emitted.targets).map((summary) => `  ${targetSummaryLine(summary)}\n`).join('');
        if (hasErrors(diagnostics)) {
          const errors = diagnostics.filter((d) => d.severity === 'error').length;
          io.out(`build failed: ${errors} error${errors === 1 ? '' : 's'}; nothing written\n${perTarget}`);
          exitCode = 1;
          return;
        }
        progress.stage(`writing ${emitted.files.length} files`);
        const written = await opened.output.write(emitted.files);
        progress.finish();
        await printOutputDiagnostics(io, written.diagnostics);
        if (!written.written) {
          io.out(`build failed: ${printable(options.out)} could not be written; the previous output is unchanged\n`);
          exitCode = 1;
          return;
        }
        const count = result.library.rules.length;
        io.out(`built ${count} rule${count === 1 ? '' : 's'} for ${names.join(', ')}: ${emitted.files.length} files in ${printable(options.out)}\n${perTarget}`);
      } finally {
        progress.finish();
        await opened.output.close();
      }
    });

  const importCommand = program.command('import').description('bring rules from other formats into detc');
  importCommand
    .command('sigma')
    .description('convert Sigma rules (files or folders) into detc rules and data sources')
    .argument('<paths...>', 'Sigma rule files or folders')
    .requiredOption('--out <dir>', 'folder for the detc rules and data sources')
    .option('--report <file>', 'write a JSON report: imported, imported with warnings, refused (why)')
    .action(async (paths: string[], options: { out: string; report?: string }) => {
      const { runImportSigma } = await import('../import-sigma.ts');
      const report = options.report !== undefined ? { report: options.report } : {};
      const result = await runImportSigma({ paths, out: options.out, cwd: io.cwd, onWait: io.err, ...report });
      await printOutputDiagnostics(io, result.diagnostics);
      if (result.summary) io.out(escapeLines(result.summary.endsWith('\n') ? result.summary.slice(0, -1) : result.summary) + '\n');
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

const EXIT_CODES_HELP = `
Exit codes:
  0  no errors (and no more warnings than --max-warnings allows)
  1  errors in the rules, failing tests, more warnings than --max-warnings, or a build that wrote nothing
  2  a usage error (unknown option, refused --out) or an internal error`;

function parseMaxWarnings(value: string): number {
  if (!/^[0-9]{1,9}$/.test(value)) {
    throw new InvalidArgumentError(`${JSON.stringify(value.slice(0, 30))} is not a number of warnings: write a whole number, e.g. --max-warnings 0.`);
  }
  return Number(value);
}

/** The default of `detc test --timeout`: generous for any honest test (docs/rule-format.md, "Tests"). */
const DEFAULT_TEST_TIMEOUT_MS = 2_000;
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

function packageVersion(): string {
  return (JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string }).version;
}

/** What validate, test and build share: the pipeline and the diagnostic helpers. */
async function frontEnd() {
  const [{ compileLibrary }, { hasErrors }, { summaryLine, locationText, bounded }] = await Promise.all([
    import('../../compiler/pipeline.ts'),
    import('../../compiler/diagnostics.ts'),
    import('./format-diagnostics.ts'),
  ]);
  return { compileLibrary, hasErrors, summaryLine, locationText, bounded };
}

/** Diagnostics about output paths: without a source excerpt, since the path named is no rule file (it may be any file). */
async function printOutputDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): Promise<void> {
  const { formatDiagnostics } = await import('./format-diagnostics.ts');
  const text = formatDiagnostics(diagnostics, 'text', () => undefined);
  if (text) io.out(text);
}

/** Text output shows errors only with --quiet and summarises repeated warnings; json and github list every diagnostic kept. */
async function printChosenDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  sources: ReadonlyMap<string, string>,
  quiet: boolean,
): Promise<void> {
  const { chooseShown } = await import('./output-control.ts');
  if (format !== 'text') {
    await printDiagnostics(io, quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics, format, sources);
    return;
  }
  const { shown, summaries } = chooseShown(diagnostics, { quiet });
  await printDiagnostics(io, shown, format, sources);
  for (const line of summaries) io.out(`${escapeLine(line)}\n`);
}

/** Excerpts quote only `sources`: the files the loader read from inside the library root. */
async function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: DiagnosticFormat, sources: ReadonlyMap<string, string>): Promise<void> {
  const { formatDiagnostics } = await import('./format-diagnostics.ts');
  const text = formatDiagnostics(diagnostics, format, (file) => sources.get(file));
  if (text) io.out(text);
}
