import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { parseMatch, parseMatchText } from '../../compiler/parse/parse-match.ts';

// Bad input never throws: any text gives a tree or exactly one match/syntax error inside the text.
const tokens = fc.constantFrom(
  'a', 'b.c', '`x y`', '`', '==', '!=', '<', '<=', '>', '>=', '=', 'in', 'like', 'startswith', 'endswith', 'contains',
  'matches', 'cidr', 'exists', 'and', 'or', 'not', 'lower', '(', ')', '[', ']', ',', '"s"', '"', "'", '\\', '/x/i', '/', '1',
  '-2.5e3', 'true', 'false', '#c\n', '\n', ' ', '\t', '&&', '*', 'é', '😀',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.array(tokens, { maxLength: 14 }).map((t) => t.join(' ')));

describe('parsing never throws', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(text, (source) => {
        const { ast, diagnostics } = parseMatchText(source, 'f');
        if (ast) {
          expect(diagnostics).toEqual([]);
          return;
        }
        expect(diagnostics).toHaveLength(1);
        const [d] = diagnostics;
        expect(d?.code).toBe('match/syntax');
        expect(d?.span.start.offset).toBeGreaterThanOrEqual(0);
        expect(d?.span.end.offset).toBeLessThanOrEqual(source.length);
        expect(d?.message).not.toMatch(/^Expected .* but .* found\.$/); // never peggy's raw message
      }),
      { numRuns: 1000 },
    );
  });

  it('on any text in any YAML style', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') , (source, style) => {
        const yaml = stringify({ match: source }, { defaultStringType: style, defaultKeyType: 'PLAIN', lineWidth: 20, minContentWidth: 0 });
        const loaded = SourceDocument.parse('r.yml', yaml);
        if (!loaded.document) return;
        const { ast, diagnostics } = parseMatch(loaded.document, ['match']);
        expect(ast === undefined).toBe(diagnostics.length === 1);
        for (const d of diagnostics) expect(d.span.end.offset).toBeLessThanOrEqual(yaml.length);
      }),
      { numRuns: 500 },
    );
  });
});
