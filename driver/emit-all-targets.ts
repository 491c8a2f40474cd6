// `detc build`: validate, emit every selected target from the IR, format, write atomically.
// Nothing is written when any stage (including a target refusing a rule) reports an error.

import { loadTargets } from '../targets/index.ts';
export { targetNames } from '../targets/index.ts';
import type { OutputFile, QueryPreview, Target } from '../targets/target.ts';
import { error, fileSpan, hasErrors, sortDiagnostics, type Diagnostic } from '../compiler/diagnostics.ts';
import type { Library } from '../compiler/ir.ts';
import { formatOutputFiles } from './format-output.ts';

export interface EmitAllResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** What each target made of the rules, in build order (for the build summary). */
  readonly targets: readonly TargetOutcome[];
}

export interface TargetOutcome {
  readonly target: string;
  /** Ids of the rules the target emitted: those it returned a query for, or every rule when it returns no queries (docs, navigator). */
  readonly emitted: readonly string[];
  /** The target's errors as it reported them (before --skip-refused made them warnings): why rules were left out. */
  readonly refusals: readonly Diagnostic[];
}

export interface EmitOptions {
  /**
   * `--skip-refused`: a rule a target cannot express faithfully is left out of that target's
   * output (each target already leaves it out) and reported as a warning instead of stopping the
   * build. For libraries imported from elsewhere, where some rules will not fit every SIEM.
   */
  readonly skipRefused?: boolean;
  /** Called as each stage starts (the CLI's progress line): `emitting <target>` with its place, then `formatting`. */
  readonly onStage?: (name: string, done?: number, total?: number) => void;
}

/** Runs the targets in the order of targets/index.ts and gathers their files. Pure but for prettier. */
export async function emitTargets(library: Library, names: readonly string[], options: EmitOptions = {}): Promise<EmitAllResult> {
  const selected: Target[] = await loadTargets(names);
  const queries = new Map<string, ReadonlyMap<string, QueryPreview>>();
  const diagnostics: Diagnostic[] = [];
  const files: OutputFile[] = [];
  const outcomes: TargetOutcome[] = [];
  const context = { targets: selected.map((t) => t.name), queries };
  for (const [index, target] of selected.entries()) {
    options.onStage?.(`emitting ${target.name}`, index + 1, selected.length);
    const result = await target.emit(library, context);
    diagnostics.push(...(options.skipRefused ? result.diagnostics.map((d) => asSkipped(d, target.name)) : result.diagnostics));
    files.push(...result.files);
    if (result.queries) queries.set(target.name, result.queries);
    outcomes.push({
      target: target.name,
      emitted: result.queries ? [...result.queries.keys()] : library.rules.map((rule) => rule.id),
      refusals: result.diagnostics.filter((d) => d.severity === 'error'),
    });
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) diagnostics.push(error('build/duplicate-output', fileSpan(file.path), `two targets both write "${file.path}"; this is a detc bug, please report it.`));
    seen.add(file.path);
  }
  if (hasErrors(diagnostics)) return { files: [], diagnostics: sortDiagnostics(diagnostics), targets: outcomes };
  options.onStage?.(`formatting ${files.length} files`);
  const formatted = await formatOutputFiles(files);
  return { files: formatted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics: sortDiagnostics(diagnostics), targets: outcomes };
}

function asSkipped(d: Diagnostic, target: string): Diagnostic {
  if (d.severity !== 'error') return d;
  return { ...d, severity: 'warning', message: `left out of the ${target} output (--skip-refused): ${d.message}` };
}
