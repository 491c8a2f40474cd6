// The nesting bound (docs/language.md "Nesting"): measured on the text before the recursive
// parser runs, reported as match/too-deep at the exact line:col of the token that passes it, in
// every YAML scalar style; absurd inputs (10,000 `not`s, 100,000 parentheses) get the diagnostic
// instead of a RangeError.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AstExpr } from '../../compiler/language/ast.ts';
import { MAX_NESTING_DEPTH, scanNesting } from '../../compiler/language/nesting-depth.ts';
import { printMatch } from '../../compiler/language/print-match.ts';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { parseMatch, parseMatchText } from '../../compiler/parse/parse-match.ts';
import { expr } from './arbitraries.ts';

const LIMIT = MAX_NESTING_DEPTH;

describe('scanNesting', () => {
  it.each<[string, number]>([
    ['a exists', 0],
    ['(a exists)', 1],
    ['(((a exists)))', 3],
    ['(a exists) and (b exists or (c exists))', 2],
    ['not a exists', 1],
    ['not not a exists and not b exists', 2],
    ['not a exists or not not not b exists', 3],
    ['not (a exists or not (b exists))', 4],
    ['(not a exists and b exists) or c exists', 2],
    // lower( is a call, not a group.
    ['lower(a) == "x"', 0],
    ['not lower ( a ) == "x" and (lower(b) in ["y"])', 1],
    // Brackets, strings, regexes, backtick names and comments hold no levels.
    ['a in ["(", ")", "not"]', 0],
    ['a == "(((not (" and b == \'(( \\\' ((\' and c == "\\"(("', 0],
    ['a matches /((x)))\\/(/i and b matches /not (/', 0],
    ['`((not` exists and `a\\`((` exists', 0],
    ['a exists # (((( not not\n  and b exists', 0],
    ['a == "line\n(((" and b exists', 0],
    // Only the word `not` is the keyword: names that contain it are fields.
    ['nota exists and not.x exists and knot exists and not_x exists and not-x exists', 0],
    ['(a exists\n  and (b == 1 # )\n  ))', 2],
  ])('%j nests %i deep', (text, depth) => {
    expect(scanNesting(text)).toEqual({ depth });
  });

  it('points at the first token that passes the limit', () => {
    expect(scanNesting('not (a exists or (b exists))', { limit: 2 })).toEqual({ depth: 3, tooDeep: { start: 17, end: 18 } });
    expect(scanNesting('(not not b exists)', { limit: 2 })).toEqual({ depth: 3, tooDeep: { start: 5, end: 8 } });
    expect(scanNesting('not not a exists and not not b exists', { limit: 2 })).toEqual({ depth: 2 });
  });

  it('reads keywords in any case only when asked (Sigma conditions)', () => {
    expect(scanNesting('NOT (a AND Not b)')).toEqual({ depth: 1 });
    expect(scanNesting('NOT (a AND Not b)', { ignoreKeywordCase: true })).toEqual({ depth: 3 });
    expect(scanNesting('NOT NOT a and NOT b', { ignoreKeywordCase: true, limit: 1 })).toEqual({ depth: 2, tooDeep: { start: 4, end: 7 } });
  });

  /** The depth of the text printMatch writes for `ast`, from the printer's parenthesis rules. */
  function printedDepth(ast: AstExpr): number {
    const grouped = (operand: AstExpr, groups: boolean) => (groups ? 1 : 0) + printedDepth(operand);
    switch (ast.kind) {
      case 'or':
        return Math.max(...ast.operands.map((o) => grouped(o, o.kind === 'or')));
      case 'and':
        return Math.max(...ast.operands.map((o) => grouped(o, o.kind === 'or' || o.kind === 'and')));
      case 'not':
        return 1 + grouped(ast.operand, ast.operand.kind === 'or' || ast.operand.kind === 'and');
      case 'comparison':
        return 0;
    }
  }

  it('measures the depth of any printed expression, whatever its strings, names and regexes hold', () => {
    fc.assert(
      fc.property(expr, (ast) => {
        expect(scanNesting(printMatch(ast)).depth).toBe(printedDepth(ast));
      }),
      { numRuns: 500 },
    );
  });
});

function tooDeep(text: string) {
  const { ast, diagnostics } = parseMatchText(text, 'rule.yml');
  expect(ast).toBeUndefined();
  return diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column}`);
}

describe(`match expressions nest at most ${LIMIT} levels`, () => {
  const comparison = 'user == "x"';

  it.each<[string, string]>([
    ['parentheses', `${'('.repeat(LIMIT)}${comparison}${')'.repeat(LIMIT)}`],
    ['nots', `${'not '.repeat(LIMIT)}${comparison}`],
    ['not ( pairs', `${'not ('.repeat(LIMIT / 2)}${comparison}${')'.repeat(LIMIT / 2)}`],
    ['alternating or / and groups', Array.from({ length: LIMIT }).reduce<string>((inner, _, i) => `n == ${i} ${i % 2 ? 'and' : 'or'} (${inner})`, comparison)],
  ])('accepts %s at exactly the limit', (_shape, text) => {
    expect(scanNesting(text).depth).toBe(LIMIT);
    const { ast, diagnostics } = parseMatchText(text, 'rule.yml');
    expect(diagnostics).toEqual([]);
    expect(ast).toBeDefined();
  });

  it('reports one level more at the token that passes the limit, saying the limit and how to flatten', () => {
    const { diagnostics } = parseMatchText(`a exists or\n  ${'('.repeat(LIMIT + 1)}b exists${')'.repeat(LIMIT + 1)}`, 'rule.yml');
    expect(diagnostics.map((d) => [d.code, d.severity, d.span.start.line, d.span.start.column])).toEqual([['match/too-deep', 'error', 2, 3 + LIMIT]]);
    expect(diagnostics[0]!.message).toContain(`more than ${LIMIT} levels deep`);
    expect(diagnostics[0]!.message).toContain('"not (a or b)" as "not a and not b"');
    expect(tooDeep(`${'not '.repeat(LIMIT + 1)}a exists`)).toEqual([`match/too-deep 1:${4 * LIMIT + 1}-1:${4 * LIMIT + 4}`]);
  });

  it.each<[string, string, string]>([
    ['10,000 nots', `${'not '.repeat(10_000)}a exists`, `1:${4 * LIMIT + 1}-1:${4 * LIMIT + 4}`],
    ['5,000 parentheses', `${'('.repeat(5_000)}a exists${')'.repeat(5_000)}`, `1:${LIMIT + 1}-1:${LIMIT + 2}`],
    ['100,000 unclosed parentheses', '('.repeat(100_000), `1:${LIMIT + 1}-1:${LIMIT + 2}`],
    ['10,000 not ( pairs over lines', `${'not (\n'.repeat(10_000)}a exists`, `${LIMIT / 2 + 1}:1-${LIMIT / 2 + 1}:4`],
  ])('reports %s with a diagnostic, not a RangeError', (_name, text, span) => {
    expect(tooDeep(text)).toEqual([`match/too-deep ${span}`]);
  });

  // If the scan ever read a string, regex, name or comment differently from the grammar, a deep
  // run after it would reach the parser and overflow its stack: this would throw. The pieces
  // before the run are valid, so that the parser does get that far.
  it('never lets a deep run reach the parser, whatever comes before it', () => {
    const valid = fc.constantFrom(
      '#c(\n', '# ( not\n', '\n', 'not', '(', 'a == "s(" and', 'a == "q\\"(" or', "a == 's\\'(' and", 'a == "line\n(" or',
      'a matches /x(\\/(/i and', 'a matches /[(]/ or', '`x\\`(` exists or', '`(not` exists and', 'lower(a) == "x" and', 'lower ( a ) in ["("] or',
    );
    const other = fc.constantFrom('a', '==', '"', "'", '`', '\\', '/', '#', ')', 'exists', '[', ']', 'or');
    const deepRun = fc
      .record({ opener: fc.constantFrom('(', 'not ', 'not (', '( not ', 'lower('), count: fc.integer({ min: 3_000, max: 12_000 }) })
      .map(({ opener, count }) => opener.repeat(count));
    const source = fc
      .tuple(fc.array(valid, { maxLength: 4 }), deepRun, fc.array(fc.oneof(valid, other), { maxLength: 3 }))
      .map(([before, run, after]) => [...before, run, ...after].join(' '));
    fc.assert(
      fc.property(source, (text) => {
        const { ast, diagnostics } = parseMatchText(text, 'rule.yml');
        expect(ast === undefined).toBe(diagnostics.length === 1);
        for (const d of diagnostics) expect(['match/syntax', 'match/too-deep']).toContain(d.code);
      }),
      { numRuns: 200 },
    );
  });

  it('parses a flat chain of 10,000 comparisons', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `n == ${i}`).join(' or ');
    const { ast, diagnostics } = parseMatchText(text, 'rule.yml');
    expect(diagnostics).toEqual([]);
    expect(ast?.kind === 'or' && ast.operands.length).toBe(10_000);
  });
});

// The 65th `(` (or `not`) sits at a position read off the YAML text: the column counts the file's
// characters, not the expression's.
describe('match/too-deep inside YAML, in every scalar style', () => {
  const deep = '('.repeat(LIMIT + 1);
  const cases: [string, string, string][] = [
    ['plain', `match: a == 1 or ${deep}b exists\n`, `1:${18 + LIMIT}`],
    ['plain over lines', `match: a == 1\n  or ${deep}b exists\n`, `2:${6 + LIMIT}`],
    ['double-quoted with escapes before it', `match: "a == \\"x\\" or ${deep}b exists"\n`, `1:${23 + LIMIT}`],
    ["single-quoted with ''", `match: 'a == ''x'' or ${deep}b exists'\n`, `1:${23 + LIMIT}`],
    ['literal |', `match: |\n  a == 1\n  or\n  ${deep}b exists\n`, `4:${3 + LIMIT}`],
    ['folded >-', `match: >-\n    a == 1\n    or ${deep}b exists\n`, `3:${8 + LIMIT}`],
    ['folded >, the nots on their own lines', `match: >\n  a exists or\n${'  not\n'.repeat(LIMIT + 1)}  b exists\n`, `${3 + LIMIT}:3`],
  ];

  it.each(cases)('%s', (_name, yaml, position) => {
    const loaded = SourceDocument.parse('rule.yml', yaml);
    expect(loaded.diagnostics).toEqual([]);
    const { diagnostics } = parseMatch(loaded.document as SourceDocument, ['match']);
    expect(diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}:${d.span.start.column}`)).toEqual([`match/too-deep rule.yml:${position}`]);
  });
});
