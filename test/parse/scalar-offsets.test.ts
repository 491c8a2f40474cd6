import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, stringify, type Scalar } from 'yaml';
import { scalarText } from '../../compiler/parse/scalar-offsets.ts';

const STYLES = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;

const text = fc
  .array(fc.constantFrom('a', 'b', '==', ' ', '  ', '"', "'", '\\', '\n', '\n\n', '\t', '#', ':', '-', 'é', '😀', '\u0007', '*', 'x y z'), {
    minLength: 1,
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

// For any string the `yaml` package writes, in any style, folded at any width and nesting depth,
// we must read back the same value, and every character that was not produced by an escape or
// a line fold must map to that very character in the source.
describe('scalarText', () => {
  it('reproduces the yaml value and maps characters to their source', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...STYLES), fc.integer({ min: 8, max: 60 }), fc.boolean(), (value, style, lineWidth, nested) => {
        const source = stringify(nested ? { detection: { match: value } } : { match: value }, {
          defaultStringType: style,
          defaultKeyType: 'PLAIN',
          lineWidth,
          minContentWidth: 0,
        });
        const doc = parseDocument(source);
        const node = doc.getIn(nested ? ['detection', 'match'] : ['match'], true);
        expect(isScalar(node)).toBe(true);
        // What the yaml package reads (not always what it wrote: a leading space in a folded
        // scalar makes a more-indented line) is what we must reproduce.
        const expected = (node as Scalar).value as string;
        const mapped = scalarText(source, node as Scalar);
        expect(mapped?.value).toBe(expected);
        if (!mapped) return;
        for (let i = 0; i < expected.length; i++) {
          const start = mapped.starts[i] as number;
          const end = mapped.ends[i] as number;
          expect(start).toBeLessThan(end);
          const c = expected.charAt(i);
          if (end - start === 1 && c !== ' ' && c !== '\n') expect(source.charAt(start)).toBe(c);
        }
        // Offsets never go backwards.
        for (let i = 1; i < expected.length; i++) expect(mapped.starts[i]).toBeGreaterThanOrEqual(mapped.starts[i - 1] as number);
      }),
      { numRuns: 400 },
    );
  });
});

// Sources the yaml package never writes itself but people do.
describe('scalarText on hand-written scalars', () => {
  it.each([
    'match: "\\x41\\u00e9\\U0001F600\\/\\ \\_\\N"\n',
    'match: "a \\\n    b\\\n\n  c"\n',
    'match: "a  \n\n\n   b   \n  c"\n',
    "match: 'a  \n\n   b ''q''\n  c'\n",
    'match: a\n\n\n  b\n    c   \n  d # comment\n',
    'match: >-\n\n  a\n  b\n\n   c\n  d\n\n\n',
    'match: |-2\n    a\n   b\n',
    'match: >+\n  a\n\n',
    'list:\n  - >1-\n    x\n     y\n',
  ])('%j', (source) => {
    const doc = parseDocument(source);
    const node = source.startsWith('list') ? doc.getIn(['list', 0], true) : doc.getIn(['match'], true);
    expect(isScalar(node)).toBe(true);
    const scalar = node as Scalar;
    expect(scalarText(source, scalar)?.value).toBe(scalar.value);
  });
});
