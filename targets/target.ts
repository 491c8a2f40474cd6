// The interface every target implements. A target is a pure function of the IR: no clock, no
// randomness, no file system. The writer (driver/) formats and writes what it returns.

import type { Diagnostic } from '../compiler/diagnostics.ts';
import type { Library } from '../compiler/ir.ts';

export interface OutputFile {
  /** Path relative to the output directory, with `/` separators, e.g. `splunk/default/savedsearches.conf`. */
  readonly path: string;
  readonly contents: string | Uint8Array;
  /** When set, the writer formats the text with prettier using this parser before writing. */
  readonly prettier?: 'markdown' | 'html' | 'json' | 'css' | 'babel';
}

/** A compiled query as a person should read it, for the documentation pages. */
export interface QueryPreview {
  /** e.g. `spl`, `kuery`, `lucene`. */
  readonly language: string;
  readonly text: string;
}

export interface EmitResult {
  readonly files: readonly OutputFile[];
  /** Refusals and warnings, each at the span of the rule construct concerned. */
  readonly diagnostics: readonly Diagnostic[];
  /** Per rule id, the query this target compiled (shown by the docs target). */
  readonly queries?: ReadonlyMap<string, QueryPreview>;
}

export interface EmitContext {
  /** The names of all targets built in this run, in build order. */
  readonly targets: readonly string[];
  /**
   * Queries of the targets emitted before this one, by target name then rule id. The build runs
   * `docs` last, so the docs target finds the Splunk and Elastic queries here when those are built.
   */
  readonly queries: ReadonlyMap<string, ReadonlyMap<string, QueryPreview>>;
}

export interface Target {
  readonly name: string;
  readonly description: string;
  emit(library: Library, context: EmitContext): EmitResult | Promise<EmitResult>;
}
