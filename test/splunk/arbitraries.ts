// fast-check generators for the property test: expressions over a small field set (single and
// multi-value, lower-case-normalised, number, ip, boolean, and a field whose native name only
// eval can read) and events whose values aim at the edge cases of SPL: quotes, backslashes,
// pipes, backticks, `$`, `*`, `?`, newlines, brackets, case variants, empty strings, missing and
// null fields, arrays.

import fc from 'fast-check';
import type { DataSource, Expr, Field, Glob, GlobPart, Value } from '../../compiler/ir.ts';
import { field, span } from './fixtures.ts';

export const PROPERTY_FIELDS: readonly Field[] = [
  field('name', 'keyword', 'process.name'),
  field('action', 'keyword', 'event.action', { lowercase: true }),
  field('tags', 'keyword', 'tags{}', { multiValue: true }),
  field('decision', 'keyword', 'annotations.authorization.k8s.io/decision'),
  field('code', 'number', 'responseStatus.code'),
  field('ports', 'number', 'ports{}', { multiValue: true }),
  field('ip', 'ip', 'src_ip'),
  field('ips', 'ip', 'sourceIPs{}', { multiValue: true }),
  field('flag', 'boolean', 'requestObject.spec.hostPID'),
];

export const propertyDataSource: DataSource = {
  kind: 'data-source',
  name: 'property',
  title: 'Property test data',
  description: '',
  provenance: 'test',
  fields: new Map(PROPERTY_FIELDS.map((f) => [f.name, f])),
  splunk: { macro: 'property_events', definition: 'source="property"' },
  elastic: { index: ['x'], filter: '', integrations: [] },
  span: span(),
};

const byType = (...types: Field['type'][]) => PROPERTY_FIELDS.filter((f) => types.includes(f.type));
const textFields = byType('keyword');
const numberFields = byType('number');
const ipFields = byType('ip');
const booleanFields = byType('boolean');

/** Words a query language may read as keywords (SPL's AND, OR, NOT, IN; KQL's and, or, not), alone or ending a word. */
const KEYWORDISH = ['OR', 'NOT', 'AND', 'IN', 'or', 'not', 'Not', 'cannot', ' OR '];
/** Pieces of text that exercise escaping and case handling. */
const ATOMS = ['a', 'A', 'b', 'B', 'ab', 'Ab', ' ', '*', '?', '\\', '"', "'", '|', '`', '$', '\n', '(', ')', '[', ']', '.', '-', '=', 'é', 'É', '%', '_', '{}', 'x y', ...KEYWORDISH];
/** Pieces `search` can hold: expressions built from these exercise the `search` path. */
const SEARCH_ATOMS = ['a', 'A', 'ab', 'Ab', 'x y', '.', '-', '=', ':', '/', ...KEYWORDISH];
const textOf = (atoms: readonly string[]) => fc.array(fc.constantFrom(...atoms), { minLength: 0, maxLength: 3 }).map((parts) => parts.join(''));
export const text = textOf(ATOMS);
const lowerText = text.map((t) => t.toLowerCase());

const NUMBERS = [-2, -1, 0, 1, 2, 3, 1.5, 200, 404];
const number = fc.constantFrom(...NUMBERS);
/** Text a number field may hold in JSON: numbers in other spellings, and near-numbers that are not. */
const NUMERIC_TEXT = ['2.0', '1e0', '-2', '0.5e1', ' 2', '02', '0x2', '2 ', '', 'two'];
const IPS = ['10.0.0.1', '10.1.2.3', '192.168.1.1', '8.8.8.8', '172.16.0.1', 'not-an-ip', '10.0.0.256', '010.0.0.1', '::ffff:10.1.2.3', '::ffff:a01:203', '2001:db8::1', '::1'];
const CIDRS = ['10.0.0.0/8', '192.168.0.0/16', '10.0.0.1/32', '0.0.0.0/0', '172.16.0.0/12', '10.1.2.3/8', '192.168.1.1', '2001:db8::/32', '::/0'];

const ref = (f: Field) => ({ kind: 'field-ref' as const, field: f, span: span() });
const str = (value: string): Value => ({ kind: 'string', value, span: span() });

const globPart = (atoms: readonly string[]): fc.Arbitrary<GlobPart> => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...atoms).map((t) => ({ kind: 'text' as const, text: t })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'any-string' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'any-char' as const }) },
);
const glob = (atoms: readonly string[], lower: boolean): fc.Arbitrary<Glob> =>
  fc.array(globPart(atoms), { minLength: 1, maxLength: 4 }).map((parts) => ({
    kind: 'glob' as const,
    parts: parts.map((p) => (p.kind === 'text' && lower ? { kind: 'text' as const, text: p.text.toLowerCase() } : p)),
    span: span(),
  }));

const equalsText = (atoms: readonly string[]): fc.Arbitrary<Expr> => fc
  .tuple(fc.constantFrom(...textFields), fc.boolean(), fc.array(textOf(atoms), { minLength: 1, maxLength: 3 }))
  .map(([f, ignoreCase, values]) => ({
    kind: 'equals' as const,
    field: ref(f),
    values: values.map((v) => str(ignoreCase ? v.toLowerCase() : v)),
    ignoreCase,
    written: values.length > 1 ? ('in' as const) : ('==' as const),
    span: span(),
  }));

const equalsNumber: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom(...numberFields), fc.array(number, { minLength: 1, maxLength: 2 }))
  .map(([f, values]) => ({
    kind: 'equals' as const,
    field: ref(f),
    values: values.map((value) => ({ kind: 'number' as const, value, span: span() })),
    ignoreCase: false,
    written: '==' as const,
    span: span(),
  }));

const equalsBoolean: fc.Arbitrary<Expr> = fc.tuple(fc.constantFrom(...booleanFields), fc.boolean()).map(([f, value]) => ({
  kind: 'equals' as const,
  field: ref(f),
  values: [{ kind: 'boolean' as const, value, span: span() }],
  ignoreCase: false,
  written: '==' as const,
  span: span(),
}));

const likeExpr = (atoms: readonly string[]): fc.Arbitrary<Expr> => fc
  .tuple(fc.constantFrom(...textFields), fc.boolean())
  .chain(([f, ignoreCase]) =>
    fc.array(glob(atoms, ignoreCase), { minLength: 1, maxLength: 3 }).map((patterns) => ({
      kind: 'like' as const,
      field: ref(f),
      patterns,
      ignoreCase,
      written: 'like' as const,
      span: span(),
    })),
  );

const rangeExpr: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom(...numberFields), fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const), number)
  .map(([f, op, value]) => ({ kind: 'range' as const, field: ref(f), op, value: { kind: 'number' as const, value, span: span() }, span: span() }));

const cidrExpr: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom(...ipFields), fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }))
  .map(([f, blocks]) => ({ kind: 'cidr' as const, field: ref(f), blocks: blocks.map(str) as never, span: span() }));

// ip fields compare addresses (docs/language.md): one address in several spellings (mapped,
// hex, upper case, uncompressed) in rules and events, and event values that are not addresses
// (zone id, spaces), which cidrmatch() and the evaluator both refuse.
const IP_RULE_VALUES = ['10.1.2.3', '::ffff:10.1.2.3', '2001:db8::1', '2001:DB8::1', '::1', '0:0:0:0:0:0:0:1', '192.168.1.1'];
const IP_SPELLINGS = ['::ffff:a01:203', '::FFFF:A01:203', '0:0:0:0:0:ffff:a01:203', '2001:DB8:0:0:0:0:0:1', '0:0:0:0:0:0:0:1', 'fe80::1%eth0', ' 10.1.2.3', '10.1.2.3 '];
const ipEquals: fc.Arbitrary<Expr> = fc
  .tuple(fc.constantFrom(...ipFields), fc.uniqueArray(fc.constantFrom(...IP_RULE_VALUES), { minLength: 1, maxLength: 3 }))
  .map(([f, values]) => ({
    kind: 'equals' as const,
    field: ref(f),
    values: values.map(str),
    ignoreCase: false,
    written: values.length > 1 ? ('in' as const) : ('==' as const),
    span: span(),
  }));

/** An object where a field's value belongs: not a value (docs/language.md); Splunk extracts its leaves. */
const objectValue = fc.constantFrom<unknown>({ x: 'a' }, { name: '10.1.2.3', id: 1 }, {}, [{ x: 'a' }]);

const existsExpr: fc.Arbitrary<Expr> = fc.constantFrom(...PROPERTY_FIELDS).map((f) => ({ kind: 'exists' as const, field: ref(f), span: span() }));

/** JavaScript regex pieces, each valid on its own and concatenable. */
const REGEX_PIECES = ['a', 'A', 'b', '\\.', '.', '^', '$', 'a*', 'b+', '[ab]', '[^a]', '\\d', '\\s', '\\w', '\\\\', '"', '\\|', '(a|b)', '\\n', '`', '\\$', ' ', 'é', '\\*', '[*?]'];
const regexExpr: fc.Arbitrary<Expr> = fc
  .tuple(
    fc.constantFrom(...textFields),
    fc.array(fc.constantFrom(...REGEX_PIECES), { minLength: 1, maxLength: 4 }),
    fc.subarray(['i', 'm', 's']),
  )
  .map(([f, pieces, flags]) => ({ kind: 'regex' as const, field: ref(f), pattern: pieces.join(''), flags: flags.join(''), span: span() }));

const leaf = (atoms: readonly string[]): fc.Arbitrary<Expr> =>
  fc.oneof(
    { weight: 4, arbitrary: equalsText(atoms) },
    { weight: 1, arbitrary: equalsNumber },
    { weight: 1, arbitrary: equalsBoolean },
    { weight: 4, arbitrary: likeExpr(atoms) },
    { weight: 1, arbitrary: rangeExpr },
    { weight: 1, arbitrary: cidrExpr },
    { weight: 1, arbitrary: existsExpr },
    { weight: 2, arbitrary: regexExpr },
    { weight: 1, arbitrary: ipEquals },
  );

const exprOf = (leaves: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> => fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaves,
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((operands) => ({ kind: 'and' as const, operands, span: span() })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((operands) => ({ kind: 'or' as const, operands, span: span() })),
    tie('expr').map((operand) => ({ kind: 'not' as const, operand, span: span() })),
  ),
})).expr;

/** Any expression, with values full of characters SPL treats specially. */
export const expr = exprOf(leaf(ATOMS));

/**
 * Expressions made of case-insensitive or lower-case-field comparisons of search-safe text,
 * so that most of them compile to `search` terms (NOT, OR, IN, wildcards) rather than `where`.
 */
export const searchableExpr = exprOf(fc.oneof(equalsText(SEARCH_ATOMS), likeExpr(SEARCH_ATOMS)));

/** One field's value in an event: absent, null, a value of its type, or (multi-value) an array. */
function valueFor(f: Field, atoms: readonly string[]): fc.Arbitrary<unknown> {
  const text = textOf(atoms);
  const single: fc.Arbitrary<unknown> =
    f.type === 'number'
      ? fc.oneof({ weight: 3, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_TEXT) })
      : f.type === 'ip'
        ? fc.constantFrom(...IPS, ...IP_SPELLINGS)
        : f.type === 'boolean'
          ? fc.boolean()
          : f.lowercase // the data source promises lower case
            ? text.map((t) => t.toLowerCase())
            : text;
  const present = f.multiValue ? fc.array(single, { minLength: 0, maxLength: 3 }) : single;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 6, arbitrary: present },
    { weight: 1, arbitrary: objectValue },
  );
}

const eventOf = (atoms: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(...PROPERTY_FIELDS.map((f) => valueFor(f, atoms))).map((values) => {
    const out: Record<string, unknown> = {};
    PROPERTY_FIELDS.forEach((f, i) => {
      if (values[i] !== undefined) out[f.name] = values[i];
    });
    return out;
  });

export const event = eventOf(ATOMS);
/** Events whose text comes from the same small alphabet as `searchableExpr`, so values collide. */
export const searchableEvent = eventOf(SEARCH_ATOMS);

/** A leaf made case-insensitive (`lower(f)`, values lower-cased) without `?`: `search` says it exactly. */
function caseInsensitive(e: Expr): Expr {
  if (e.kind === 'equals') return { ...e, ignoreCase: true, values: e.values.map((v) => (v.kind === 'string' ? { ...v, value: v.value.toLowerCase() } : v)) };
  if (e.kind === 'like') {
    return {
      ...e,
      ignoreCase: true,
      patterns: e.patterns.map((g) => ({
        ...g,
        parts: g.parts.map((p) => (p.kind === 'text' ? { kind: 'text' as const, text: p.text.toLowerCase() } : { kind: 'any-string' as const })),
      })),
    };
  }
  return e;
}

/** Expressions that compile entirely to `search` terms: exercises NOT/OR/AND grouping in `search` and macros. */
export const searchExactExpr = exprOf(fc.oneof(equalsText(SEARCH_ATOMS), likeExpr(SEARCH_ATOMS)).map(caseInsensitive));
