// A match expression → the filtering part of a search: `search` terms for what `search` says
// exactly, one `where` for the rest.
//
// The expression is split at its top-level ANDs. Each conjunct goes to `search` when
// search-terms.ts can write it exactly; otherwise it goes to `where` as a whole. A `where` part
// can never sit inside an OR of search terms, so an OR or NOT with one such leaf becomes a
// `where` expression entirely. Conjuncts sent to `where` still contribute a case-relaxed
// `search` prefilter when they have one (`f="Pulling image*"` before an exact
// case-sensitive check), so the indexers discard most events early.

import type { Diagnostic } from '../../../compiler/diagnostics.ts';
import type { Expr } from '../../../compiler/ir.ts';
import { toSearch, toSearchPrefilter } from './search-terms.ts';
import { toWhere } from './where-terms.ts';

export interface CompiledMatch {
  /** `search` terms, ANDed (each OR group parenthesised); empty when nothing goes to `search`. */
  readonly search: readonly string[];
  /** One eval expression per conjunct that needs `where`, ANDed. */
  readonly where: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

function conjuncts(expr: Expr): readonly Expr[] {
  return expr.kind === 'and' ? expr.operands.flatMap(conjuncts) : [expr];
}

export function compileMatch(expr: Expr): CompiledMatch {
  const search: string[] = [];
  const where: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const conjunct of conjuncts(expr)) {
    const exact = toSearch(conjunct);
    if (exact !== undefined) {
      search.push(exact);
      continue;
    }
    const prefilter = toSearchPrefilter(conjunct);
    if (prefilter !== undefined) search.push(prefilter);
    where.push(toWhere(conjunct, diagnostics));
  }
  return { search, where, diagnostics };
}

/** The `where` conjuncts as one expression (no outer parentheses for a single one). */
export function joinWhere(where: readonly string[]): string {
  return where.join(' AND ');
}

/**
 * The match as one `search` expression when it is wholly expressible there (used for allowlist
 * macros after `search NOT`), else undefined.
 */
export function matchAsSearch(expr: Expr): string | undefined {
  return toSearch(expr);
}
