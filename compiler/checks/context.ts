// What a semantic check sees: the schema-valid documents of the whole library, with their
// parsed match expressions and source positions, plus the ATT&CK catalog. Checks run before
// lowering; lowering assumes a rule that passed every check.

import type { Diagnostic } from '../diagnostics.ts';
import type { DataSourceSource, RuleSource } from '../load/source-types.ts';
import type { Path, SourceDocument } from '../load/source-document.ts';
import type { AstExpr } from '../language/ast.ts';

/** A parsed match expression and where it sits in its document (e.g. `['detection', 'match']`). */
export interface ParsedMatch {
  readonly path: Path;
  readonly ast: AstExpr;
}

export interface RuleDocument {
  readonly doc: SourceDocument;
  readonly source: RuleSource;
  /**
   * Every match expression of the rule that parsed: the detection's, each allowlist's, and each
   * variation's detection and allowlists. Expressions that did not parse are absent (their
   * syntax error is already reported).
   */
  readonly matches: readonly ParsedMatch[];
}

export interface DataSourceDocument {
  readonly doc: SourceDocument;
  readonly source: DataSourceSource;
}

export interface CheckContext {
  readonly rules: readonly RuleDocument[];
  readonly dataSources: ReadonlyMap<string, DataSourceDocument>;
  report(diagnostic: Diagnostic): void;
}
