// The tree our test KQL grammar (kql.peggy) produces, and the parser built from it.

import { readFileSync } from 'node:fs';
import peggy from 'peggy';

export type KqlAst =
  | { readonly type: 'or' | 'and'; readonly operands: readonly KqlAst[] }
  | { readonly type: 'not'; readonly operand: KqlAst }
  | { readonly type: 'is'; readonly field: string; readonly value: KqlValue }
  | { readonly type: 'exists'; readonly field: string }
  | { readonly type: 'range'; readonly field: string; readonly op: '<' | '<=' | '>' | '>='; readonly value: string };

export type KqlValue =
  | { readonly type: 'phrase'; readonly text: string }
  | { readonly type: 'literal'; readonly text: string }
  /** Literal text between the wildcards: `a*b` is `['a', 'b']`, `*a` is `['', 'a']`. */
  | { readonly type: 'wildcard'; readonly parts: readonly string[] };

const parser = peggy.generate(readFileSync(new URL('./kql.peggy', import.meta.url), 'utf8'), { output: 'parser' });

/** Parses a KQL query; throws peggy's syntax error (with location) when it is not valid KQL. */
export function parseKql(text: string): KqlAst {
  return parser.parse(text) as KqlAst;
}
