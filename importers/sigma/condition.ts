// Parses a Sigma condition (condition.peggy, generated ahead of time into generated/ by
// `npm run grammar:generate`) into a small tree, then resolves `1 of x*`,
// `all of them` and identifier references against the rule's search identifiers.

import { MAX_NESTING_DEPTH, scanNesting } from '../../compiler/language/nesting-depth.ts';
import { parse, SyntaxError as ConditionSyntaxError } from './generated/condition-parser.js';
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

/** A parsed condition, or why it cannot be: `code` is the refusal's code. */
export type ConditionParse =
  | { readonly condition: ParsedCondition }
  | { readonly code: 'sigma/condition-syntax' | 'sigma/too-deep'; readonly error: string };

export function parseCondition(text: string): ConditionParse {
  // The generated parser recurses once per level: bound the depth first, with the match
  // language's own scan and limit (an imported rule may nest no deeper than detc reads).
  // Sigma's keywords are case-insensitive. A quote, slash, backtick or # is a syntax error in a
  // condition, so whatever the scan skips after one (as a string or comment) the parser never reaches.
  const { tooDeep } = scanNesting(text, { ignoreKeywordCase: true });
  if (tooDeep) {
    return {
      code: 'sigma/too-deep',
      error: `The condition nests parentheses and "not" more than ${MAX_NESTING_DEPTH} levels deep (at column ${tooDeep.start + 1}), the most a detc match expression may. Flatten the condition.`,
    };
  }
  try {
    return { condition: parse(text) };
  } catch (e) {
    if (!(e instanceof ConditionSyntaxError)) throw e;
    return { code: 'sigma/condition-syntax', error: `The condition does not parse: ${e.message} (at column ${e.location.start.column} of \`${text}\`)` };
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
