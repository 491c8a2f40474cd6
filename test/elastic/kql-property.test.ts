// Property test: random match expressions and random events (escaping edge cases, case variants,
// missing and null fields, arrays) — the emitted query (KQL, or Lucene for what KQL cannot say),
// parsed by our grammar and run by our Elasticsearch-semantics evaluator, selects exactly the
// events the reference evaluator selects. Expressions the target refuses must be refused with an
// `elastic/…` error, never mistranslated.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../compiler/evaluate.ts';
import type { Expr, Field, GlobPart, Rule, TestEvent } from '../../compiler/ir.ts';
import { ruleQuery } from '../../targets/elastic/query.ts';
import { parseKql } from './kql-ast.ts';
import { documentRejection, evaluateKql, type Mapping } from './kql-evaluator.ts';
import { valueProblem } from '../../compiler/checks/test-event-values.ts';
import { evaluateLucene, parseLucene } from './lucene-ast.ts';
import { field, span } from './fixtures.ts';

const FIELDS = {
  name: field('name', 'keyword', 'process.name'),
  args: field('args', 'keyword', 'process.args', { multiValue: true }),
  action: field('action', 'keyword', 'event.action', { lowercase: true }),
  code: field('code', 'number', 'event.code'),
  ip: field('ip', 'ip', 'source.ip'),
} satisfies Record<string, Field>;
const ALL = Object.values(FIELDS);
const mapping: Mapping = new Map(ALL.map((f) => [f.elastic, f.type]));

// Characters that stress escaping: KQL specials, glob specials, quotes, whitespace, keywords, case.
const CHARS = ['a', 'b', 'A', 'B', 'k', 'K', '\u212A', 'o', 'r', 'n', 't', '*', '?', '\\', '"', "'", ':', '(', ')', '<', '>', '{', '}', '.', '/', '-', 'é', ' ', '\n', '\t', ' or ', 'not ', 'AND', '@kuery-wildcard@'];
const NO_SPACE = CHARS.filter((c) => !/\s/.test(c));
// Whole words a query language may read as its keywords (KQL: or/and/not in any case, `not`
// needing no whitespace before it; Lucene: AND/OR/NOT), alone, as a word's end, and with spaces.
const KEYWORDISH = ['and', 'or', 'not', 'AND', 'OR', 'NOT', 'Or', 'NoT', 'xnot', 'cannot', 'xor', 'band', 'not x', 'a or b', 'x and'];
const text = (chars: string[], max = 4) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((a) => a.join(''));
const keywordish = fc.constantFrom(...KEYWORDISH);
const keywordValue = fc.oneof({ weight: 3, arbitrary: text(NO_SPACE, 3) }, { weight: 1, arbitrary: text(CHARS, 3) }, { weight: 1, arbitrary: keywordish });
const NUMBERS = [-2, 0, 1, 2, 2.5, 10];
const ADDRESSES = ['10.0.0.1', '10.1.2.3', '192.168.0.1', '::1', 'fe80::1'];
const BLOCKS = ['10.0.0.0/8', '10.0.0.0/16', '192.168.0.0/24', '0.0.0.0/0', 'fe80::/10', '::1/128'];

const ref = (f: Field) => ({ kind: 'field-ref' as const, field: f, span: span() });
const s = (value: string) => ({ kind: 'string' as const, value, span: span() });
const n = (value: number) => ({ kind: 'number' as const, value, span: span() });

const globPart: fc.Arbitrary<GlobPart> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof({ weight: 4, arbitrary: text(NO_SPACE, 2) }, { weight: 1, arbitrary: text(CHARS, 2) }, { weight: 2, arbitrary: keywordish }).map((t) => ({ kind: 'text' as const, text: t })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'any-string' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'any-char' as const }) },
);
const glob = fc.array(globPart, { minLength: 1, maxLength: 4 }).map((parts) => ({ kind: 'glob' as const, parts: parts.filter((p) => p.kind !== 'text' || p.text !== ''), span: span() }));
// startswith / endswith / contains of a keyword-ish word: `endswith "cannot"` is the unquoted
// `*cannot`, which a keyword must not cut short.
const any = { kind: 'any-string' as const };
const keywordGlob = fc
  .tuple(keywordish, fc.constantFrom('startswith', 'endswith', 'contains'))
  .map(([t, how]) => {
    const word = { kind: 'text' as const, text: t };
    const parts = how === 'startswith' ? [word, any] : how === 'endswith' ? [any, word] : [any, word, any];
    return { kind: 'glob' as const, parts, span: span() };
  });

const stringField = fc.constantFrom(FIELDS.name, FIELDS.args, FIELDS.action);

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.tuple(stringField, fc.array(keywordValue, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([f, values, lower]): Expr => {
    const ignoreCase = lower;
    return { kind: 'equals', field: ref(f), values: values.map((v) => s(ignoreCase ? v.toLowerCase() : v)), ignoreCase, written: values.length > 1 ? 'in' : '==', span: span() };
  }),
  fc.tuple(stringField, fc.array(glob, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([f, patterns, lower]): Expr => {
    const ignoreCase = lower;
    const lowered = patterns.map((g) => ({ ...g, parts: g.parts.map((p) => (p.kind === 'text' && ignoreCase ? { kind: 'text' as const, text: p.text.toLowerCase() } : p)) }));
    return { kind: 'like', field: ref(f), patterns: lowered, ignoreCase, written: 'like', span: span() };
  }),
  fc.tuple(stringField, fc.array(keywordGlob, { minLength: 1, maxLength: 3 })).map(([f, patterns]): Expr => ({ kind: 'like', field: ref(f), patterns, ignoreCase: false, written: 'like', span: span() })),
  fc.array(fc.constantFrom(...NUMBERS), { minLength: 1, maxLength: 2 }).map((values): Expr => ({ kind: 'equals', field: ref(FIELDS.code), values: values.map(n), ignoreCase: false, written: '==', span: span() })),
  fc.tuple(fc.constantFrom('<', '<=', '>', '>=' as const), fc.constantFrom(...NUMBERS)).map(([op, v]): Expr => ({ kind: 'range', field: ref(FIELDS.code), op, value: n(v), span: span() })),
  fc.constantFrom(...ADDRESSES).map((a): Expr => ({ kind: 'equals', field: ref(FIELDS.ip), values: [s(a)], ignoreCase: false, written: '==', span: span() })),
  fc.array(fc.constantFrom(...BLOCKS), { minLength: 1, maxLength: 2 }).map((blocks): Expr => ({ kind: 'cidr', field: ref(FIELDS.ip), blocks: blocks.map(s), span: span() })),
  fc.constantFrom(...ALL).map((f): Expr => ({ kind: 'exists', field: ref(f), span: span() })),
);

// ip fields compare addresses (docs/language.md): rule values and event values in several
// spellings of one address (mapped, hex, upper case, uncompressed), and event values that are
// not addresses or not values at all (zone id, spaces, leading zero, an object), which
// Elasticsearch refuses to index and detc's test-event check must refuse.
const IP_RULE_VALUES = ['10.1.2.3', '::ffff:10.1.2.3', '2001:db8::1', '2001:DB8::1', '::1', '0:0:0:0:0:0:0:1', 'fe80::1'];
const IP_SPELLINGS = ['10.1.2.3', '::ffff:10.1.2.3', '::ffff:a01:203', '::FFFF:A01:203', '0:0:0:0:0:ffff:a01:203', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '::1', '10.200.0.1'];
const IP_UNINDEXABLE = ['fe80::1%eth0', ' 10.1.2.3', '010.1.2.3', '0001::1', 'not-an-ip'];
const IP_BLOCKS = ['::ffff:10.0.0.0/104', '10.1.2.3/8', '::/0', '::ffff:0:0/96', '2001:db8::/32', '10.1.2.3/32'];
const ipLeaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.array(fc.constantFrom(...IP_RULE_VALUES), { minLength: 1, maxLength: 2 }).map((values): Expr => ({ kind: 'equals', field: ref(FIELDS.ip), values: values.map(s), ignoreCase: false, written: values.length > 1 ? 'in' : '==', span: span() })),
  fc.array(fc.constantFrom(...IP_BLOCKS, ...BLOCKS), { minLength: 1, maxLength: 2 }).map((blocks): Expr => ({ kind: 'cidr', field: ref(FIELDS.ip), blocks: blocks.map(s), span: span() })),
);
/** An object where a field's value belongs: not a value (docs/language.md), and unindexable in Elasticsearch. */
const objectValue = fc.constantFrom({ x: 'a' }, { name: 'b', id: 1 }, {});

const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: ipLeaf },
    { weight: 1, arbitrary: tie('e').map((operand): Expr => ({ kind: 'not', operand, span: span() })) },
    { weight: 1, arbitrary: fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((operands): Expr => ({ kind: 'and', operands, span: span() })) },
    { weight: 1, arbitrary: fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((operands): Expr => ({ kind: 'or', operands, span: span() })) },
  ),
})).e;

/** A field's value in an event: missing, null, one value, or an array (possibly empty or with nulls). */
function slot<T>(value: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: value },
    { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 3 }) },
  );
}
const caseVariant = (v: fc.Arbitrary<string>) => fc.tuple(v, fc.constantFrom('same', 'upper', 'lower')).map(([x, how]) => (how === 'upper' ? x.toUpperCase() : how === 'lower' ? x.toLowerCase() : x));
const lowerSlot = (x: unknown): unknown => (typeof x === 'string' ? x.toLowerCase() : Array.isArray(x) ? x.map(lowerSlot) : x);

// Event text: random characters, or a keyword-ish word with a little around it (so that
// `endswith "not"` meets "cannot" and `like "not*"` meets "not x").
const eventText = fc.oneof(
  { weight: 3, arbitrary: text(CHARS, 4) },
  { weight: 2, arbitrary: fc.tuple(text(NO_SPACE, 1), keywordish, text(NO_SPACE, 1)).map((parts) => parts.join('')) },
);

const event: fc.Arbitrary<TestEvent> = fc
  .record({
    name: slot(caseVariant(eventText)),
    args: slot(caseVariant(eventText)),
    // The data source promises this field arrives lower-cased.
    action: slot(eventText).map(lowerSlot),
    code: slot(fc.constantFrom(...NUMBERS, 3, -5)),
    ip: slot(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ADDRESSES, '172.16.0.1', ...IP_SPELLINGS) }, { weight: 1, arbitrary: fc.constantFrom(...IP_UNINDEXABLE) })),
    objects: fc.oneof({ weight: 15, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('name', 'ip', 'code'), objectValue) }),
  })
  .map(({ objects, ...r }) => (objects ? { ...r, [objects[0]]: objects[1] } : r))
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

/** A rule around the expression, from a data source without a filter. */
function ruleWith(match: Expr): Rule {
  return { dataSource: { elastic: { filter: '', index: ['logs-*'], integrations: [] }, span: span() }, detection: { type: 'query', match, allowlists: [] } } as unknown as Rule;
}

/** The same event keyed by native (Elastic) field names, as the documents in the index are. */
function document(e: TestEvent): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const f of ALL) if (Object.hasOwn(e, f.name)) doc[f.elastic] = e[f.name];
  return doc;
}

describe('emitted KQL selects what the reference evaluator selects', () => {
  it('on random expressions and events', () => {
    const compared = { kuery: 0, lucene: 0 };
    let refused = 0;
    let refusedEvents = 0;
    fc.assert(
      fc.property(expr, fc.array(event, { minLength: 1, maxLength: 8 }), (e, events) => {
        const query = ruleQuery(ruleWith(e));
        if (!query.text || !query.language) {
          refused++;
          expect(query.diagnostics.length).toBeGreaterThan(0);
          for (const d of query.diagnostics) expect(d).toMatchObject({ severity: 'error', code: expect.stringMatching(/^elastic\/[a-z-]+$/) });
          return;
        }
        const { language, text } = query;
        const selects =
          language === 'kuery'
            ? ((ast) => (doc: Record<string, unknown>) => evaluateKql(ast, doc, mapping))(parseKql(text))
            : ((ast) => (doc: Record<string, unknown>) => evaluateLucene(ast, doc, mapping))(parseLucene(text));
        for (const ev of events) {
          // An event Elasticsearch would not index (no query sees it), or would read otherwise
          // than the language (a zone id is dropped), must be one detc refuses in a rule test
          // (test/value-type), or a passing test would prove nothing about production.
          const refusedByCheck = ALL.some((f) => Object.hasOwn(ev, f.name) && [ev[f.name]].flat().some((v) => valueProblem(v, f) !== undefined));
          const rejected = documentRejection(document(ev), mapping);
          if (rejected) expect({ rejected, refusedByCheck }).toEqual({ rejected, refusedByCheck: true });
          if (refusedByCheck) {
            refusedEvents++;
            continue;
          }
          compared[language]++;
          expect({ language, text, event: ev, selected: selects(document(ev)) }).toEqual({ language, text, event: ev, selected: evaluateExpr(e, ev) });
        }
      }),
      { numRuns: 2000, seed: 20261124 },
    );
    // The property must have compared real cases in both languages, not only refusals.
    expect(compared.kuery).toBeGreaterThan(3000);
    expect(compared.lucene).toBeGreaterThan(500);
    expect(refused).toBeLessThan(600);
    // Events the check refuses were generated, and are a minority.
    expect(refusedEvents).toBeGreaterThan(100);
    expect(refusedEvents).toBeLessThan(compared.kuery / 3);
  });
});

describe('case-insensitive comparisons (compiled to Lucene regexes)', () => {
  // A small alphabet of case partners, so values often match: k, K and the Kelvin sign all
  // lower-case to k; é and É; ß has no single-character upper case.
  const folds = ['k', 'K', '\u212A', 'é', 'É', 'ß', 'a', 'A', '*', '.'];
  const value = fc.array(fc.constantFrom(...folds), { maxLength: 3 }).map((a) => a.join(''));
  const pattern = fc.array(fc.oneof(value.map((t) => ({ kind: 'text' as const, text: t.toLowerCase() })), fc.constant({ kind: 'any-string' as const }), fc.constant({ kind: 'any-char' as const })), { minLength: 1, maxLength: 3 });

  it('match exactly the values whose lower case matches', () => {
    let matched = 0;
    fc.assert(
      fc.property(fc.boolean(), value, pattern, fc.array(slot(value), { minLength: 1, maxLength: 6 }), (useLike, v, parts, slots) => {
        const e: Expr = useLike
          ? { kind: 'like', field: ref(FIELDS.name), patterns: [{ kind: 'glob', parts, span: span() }], ignoreCase: true, written: 'like', span: span() }
          : { kind: 'equals', field: ref(FIELDS.name), values: [s(v.toLowerCase())], ignoreCase: true, written: '==', span: span() };
        const query = ruleQuery(ruleWith(e));
        if (!query.text) return;
        expect(query.language).toBe('lucene');
        const ast = parseLucene(query.text);
        for (const x of slots) {
          const ev: TestEvent = x === undefined ? {} : { name: x };
          const expected = evaluateExpr(e, ev);
          if (expected) matched++;
          expect({ text: query.text, event: ev, selected: evaluateLucene(ast, document(ev), mapping) }).toEqual({ text: query.text, event: ev, selected: expected });
        }
      }),
      { numRuns: 1000, seed: 7 },
    );
    expect(matched).toBeGreaterThan(300);
  });
});

describe('regular expressions (compiled to Lucene regexes)', () => {
  const alphabet = ['a', 'b', 'A', 'k', 'K', '\u212A', '1', '2', ' ', '\n', '.', '-', 'é', 'É', '/'];
  const value = fc.array(fc.constantFrom(...alphabet), { maxLength: 5 }).map((a) => a.join(''));
  // Pieces of the portable flavour (docs/language.md, "Regular expressions").
  const literal = fc.constantFrom('a', 'b', 'A', 'k', 'é', '1', '\\.', '\\-', '\\/', ' ', '\\n');
  const set = fc.constantFrom('.', '[a-c]', '[^a]', '\\d', '\\s', '\\w', '\\S', '\\D', '[k1]', '[\\d.]', '\\x41');
  const atom: fc.Arbitrary<string> = fc.letrec<{ atom: string }>((tie) => ({
    atom: fc.oneof(
      { depthSize: 'small' },
      { weight: 3, arbitrary: literal },
      { weight: 2, arbitrary: set },
      { weight: 1, arbitrary: fc.array(fc.array(tie('atom'), { minLength: 1, maxLength: 2 }).map((a) => a.join('')), { minLength: 1, maxLength: 2 }).map((alts) => `(?:${alts.join('|')})`) },
    ),
  })).atom;
  const piece = fc.tuple(atom, fc.constantFrom('', '', '*', '+', '?', '{1,2}', '{2}', '*?')).map(([a, q]) => a + q);
  const branch = fc.tuple(fc.boolean(), fc.array(piece, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([start, pieces, end]) => ({ start, text: pieces.join(''), end }));
  const regexExpr = fc
    .tuple(fc.array(branch, { minLength: 1, maxLength: 2 }), fc.constantFrom('', 'i', 's', 'is', 'm'))
    .map(([branches, flags]): Expr => {
      const anchors = flags.includes('m') ? false : true;
      const pattern = branches.map((b) => `${anchors && b.start ? '^' : ''}${b.text}${anchors && b.end ? '$' : ''}`).join('|');
      return { kind: 'regex', field: ref(FIELDS.name), pattern, flags, span: span() };
    });

  it('match exactly what the JavaScript regex matches anywhere in the value', () => {
    let matched = 0;
    let total = 0;
    fc.assert(
      fc.property(regexExpr, fc.array(slot(value), { minLength: 1, maxLength: 6 }), (e, slots) => {
        const query = ruleQuery(ruleWith(e));
        expect(query.diagnostics).toEqual([]);
        expect(query.language).toBe('lucene');
        const ast = parseLucene(query.text!);
        for (const x of slots) {
          const ev: TestEvent = x === undefined ? {} : { name: x };
          const expected = evaluateExpr(e, ev);
          total++;
          if (expected) matched++;
          expect({ text: query.text, event: ev, selected: evaluateLucene(ast, document(ev), mapping) }).toEqual({ text: query.text, event: ev, selected: expected });
        }
      }),
      { numRuns: 600, seed: 11 },
    );
    expect(matched).toBeGreaterThan(total / 10);
    expect(total - matched).toBeGreaterThan(total / 10);
  });
});
