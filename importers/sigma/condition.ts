// Parses a Sigma condition (condition.peggy) into a small tree, then resolves `1 of x*`,
// `all of them` and identifier references against the rule's search identifiers.

import { readFileSync } from 'node:fs';
import peggy from 'peggy';
import type { GlobPart } from '../../compiler/ir.ts';
import { globMatches, makeGlob } from '../../compiler/language/glob.ts';
import { NO_SPAN } from './ast-build.ts';

export type ConditionNode =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly operand: ConditionNode }
  | { readonly kind: 'ref'; readonly name: string }
  /** `1 of pattern`, `all of pattern`, `1 of them` (pattern undefined), or a count other than 1. */
  | { readonly kind: 'of'; readonly quantity: 'one' | 'all' | { readonly count: number }; readonly pattern?: string };

/** The deprecated aggregation pipe: `| count(field) by group > 5`. */
export interface Aggregation {
  readonly fn: string;
  readonly field?: string;
  readonly groupBy?: string;
  readonly op: string;
  readonly value: number;
}

export interface ParsedCondition {
  readonly expression: ConditionNode;
  readonly aggregation?: Aggregation;
}

let parser: peggy.Parser | undefined;

function conditionParser(): peggy.Parser {
  parser ??= peggy.generate(readFileSync(new URL('./condition.peggy', import.meta.url), 'utf8'));
  return parser;
}

export function parseCondition(text: string): { condition?: ParsedCondition; error?: string } {
  try {
    return { condition: conditionParser().parse(text) as ParsedCondition };
  } catch (e) {
    const err = e as peggy.parser.SyntaxError;
    const column = err.location?.start.column ?? 1;
    return { error: `${err.message} (at column ${column} of \`${text}\`)` };
  }
}

/** Search identifiers that `pattern` selects (`*` matches any run); `them` is every identifier not starting with `_`. */
export function identifiersMatching(pattern: string | undefined, identifiers: readonly string[]): string[] {
  if (pattern === undefined) return identifiers.filter((name) => !name.startsWith('_'));
  // The glob matcher, not a regex: `1 of a*a*a*…b` against long identifiers must not backtrack.
  const parts = pattern.split('*').flatMap((text, i): GlobPart[] => (i === 0 ? [{ kind: 'text', text }] : [{ kind: 'any-string' }, { kind: 'text', text }]));
  const glob = makeGlob(parts, NO_SPAN);
  return identifiers.filter((name) => globMatches(glob, name));
}
