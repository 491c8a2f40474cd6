// The IR → KQL translation: what each construct becomes, escaping included, and which
// constructs are refused (with the exact code and position), in valid/invalid tables.

import { describe, expect, it } from 'vitest';
import type { Expr } from '../../compiler/ir.ts';
import { escapeKqlUnquoted, quoteKql } from '../../targets/elastic/kql/escape.ts';
import { exprToKql } from '../../targets/elastic/kql/from-expr.ts';
import { layoutKql } from '../../targets/elastic/kql/layout.ts';
import { parseKql } from './kql-ast.ts';
import { and, cidr, eq, eqLower, exists, f, field, glob, like, likeGlobs, not, num, or, range, regex, str, bool } from './fixtures.ts';

const image = f('image');
const verb = f('verb'); // lowercase: false in these fixtures
const ip = f('source_ip');
const count = field('count', 'number', 'event.count');
const flag = field('flag', 'boolean', 'event.flag');
const message = field('message', 'text', 'message');
const when = field('when', 'date', 'event.created');
const lowered = field('action', 'keyword', 'event.action', { lowercase: true });

function kql(expr: Expr): string {
  const result = exprToKql(expr);
  expect(result.diagnostics).toEqual([]);
  return layoutKql(result.node!);
}

describe('escaping', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\Windows\\', '"C:\\\\Windows\\\\"'],
    ['a*b?', '"a*b?"'],
    ['line1\nline2\r\tend', '"line1\\nline2\\r\\tend"'],
    ['(x) <y> {z}: or and not', '"(x) <y> {z}: or and not"'],
    ['\\u0041 \\t', '"\\\\u0041 \\\\t"'],
  ])('quotes %j as %s', (value, expected) => {
    expect(quoteKql(value)).toBe(expected);
    const parsed = parseKql(`k:${expected}`);
    expect(parsed).toEqual({ type: 'is', field: 'k', value: { type: 'phrase', text: value } });
  });

  it.each([
    ['a:b', 'a\\:b'],
    ['\\()<>"*{}', '\\\\\\(\\)\\<\\>\\"\\*\\{\\}'],
    ['tab\there', 'tab\\there'],
    ['a b', 'a\\u0020b'],
  ])('escapes %j in an unquoted value as %s', (text, expected) => {
    expect(escapeKqlUnquoted(text)).toBe(expected);
  });
});

describe('valid: each construct', () => {
  it.each<[string, Expr, string]>([
    ['== on keyword', eq(verb, str('create')), 'kubernetes.audit.verb:"create"'],
    ['in', eq(verb, str('create'), str('update')), 'kubernetes.audit.verb:("create" or "update")'],
    ['!=', not(eq(verb, str('create'))), 'not kubernetes.audit.verb:"create"'],
    ['== with specials', eq(verb, str('a "b" \\ *')), 'kubernetes.audit.verb:"a \\"b\\" \\\\ *"'],
    ['== number', eq(count, num(-2.5)), 'event.count:-2.5'],
    ['== boolean', eq(flag, bool(true)), 'event.flag:true'],
    ['== ip', eq(ip, str('10.0.0.1')), 'source.ip:"10.0.0.1"'],
    ['range', range(count, '>=', 5), 'event.count >= 5'],
    ['exists', exists(image), 'kubernetes.audit.requestObject.spec.containers.image:*'],
    ['exists on text', exists(message), 'message:*'],
    ['cidr', cidr(ip, '10.0.0.0/8', 'fe80::/10'), 'source.ip:("10.0.0.0/8" or "fe80::/10")'],
    // Elasticsearch refuses CIDR on an IPv4-mapped address, so such blocks are written as IPv4 blocks.
    ['cidr, canonical blocks', cidr(ip, '::ffff:10.0.0.0/104', '10.1.2.3/8', '2001:DB8::1/32', '::/0'), 'source.ip:("10.0.0.0/8" or "10.0.0.0/8" or "2001:db8::/32" or "::/0")'],
    ['== ip, canonical address', eq(ip, str('::FFFF:A01:203'), str('2001:0DB8::0001')), 'source.ip:("::ffff:10.1.2.3" or "2001:db8::1")'],
    ['startswith', like(image, 'alpine*'), 'kubernetes.audit.requestObject.spec.containers.image:alpine*'],
    ['contains with escapes', like(image, '*a:b(c)\\*d*'), 'kubernetes.audit.requestObject.spec.containers.image:*a\\:b\\(c\\)\\*d*'],
    ['backslash-u stays literal', like(image, '\\\\u0041*'), 'kubernetes.audit.requestObject.spec.containers.image:\\\\u0041*'],
    ['like without wildcard is exact', like(image, 'busybox\\*'), 'kubernetes.audit.requestObject.spec.containers.image:"busybox*"'],
    ['** collapses', like(image, 'a**b'), 'kubernetes.audit.requestObject.spec.containers.image:a*b'],
    ['lower() on a lower-cased field', eqLower(lowered, str('exec')), 'event.action:"exec"'],
    ['not of not', not(not(eq(verb, str('x')))), 'not (not kubernetes.audit.verb:"x")'],
    ['or inside and', and(eq(verb, str('a')), or(eq(verb, str('b')), eq(verb, str('c')))), 'kubernetes.audit.verb:"a" and (kubernetes.audit.verb:"b" or kubernetes.audit.verb:"c")'],
    ['and inside or', or(and(eq(verb, str('a')), exists(count)), eq(verb, str('c'))), '(kubernetes.audit.verb:"a" and event.count:*) or kubernetes.audit.verb:"c"'],
    ['not of a group', not(or(eq(verb, str('a')), eq(verb, str('b')))), 'not (kubernetes.audit.verb:"a" or kubernetes.audit.verb:"b")'],
  ])('%s', (_name, expr, expected) => {
    const text = kql(expr);
    expect(text).toBe(expected);
    expect(() => parseKql(text)).not.toThrow();
  });

  it('lays a long conjunction out one clause per line, and long groups one operand per line', () => {
    const long = and(
      eq(verb, str('create')),
      or(like(image, '*a-rather-long-image-name-number-one*'), like(image, '*a-rather-long-image-name-number-two*'), eq(verb, str('patch'))),
      not(eq(f('user'), str('system:serviceaccount:kube-system:replicaset-controller'))),
    );
    expect(kql(long)).toBe(
      [
        'kubernetes.audit.verb:"create" and',
        '(',
        '  kubernetes.audit.requestObject.spec.containers.image:*a-rather-long-image-name-number-one* or',
        '  kubernetes.audit.requestObject.spec.containers.image:*a-rather-long-image-name-number-two* or',
        '  kubernetes.audit.verb:"patch"',
        ') and',
        'not user.name:"system:serviceaccount:kube-system:replicaset-controller"',
      ].join('\n'),
    );
  });
});

describe('values that end in a keyword', () => {
  // Kibana's grammar: an unquoted character may not start `not` + whitespace, so a literal
  // ending in `not` before ` or `, ` and ` or a line break would be a syntax error. The `n` is
  // written as a unicode escape; `or`/`and` only count after whitespace, which a literal never
  // holds raw, and `not` before `*` or `)` is no keyword.
  const ns = field('ns', 'keyword', 'k8s.ns');
  const endsWith = (...texts: string[]): Expr => likeGlobs(ns, texts.map((t) => ({ kind: 'glob', parts: [{ kind: 'any-string' }, { kind: 'text', text: t }], span: glob('x').span })));
  it.each<[string, Expr, string, string[]]>([
    ['endswith ["not", "x"]', endsWith('not', 'x'), 'k8s.ns:(*\\u006Eot or *x)', ['not', 'x']],
    ['endswith "cannot" and …', and(endsWith('cannot'), eq(verb, str('get'))), 'k8s.ns:*can\\u006Eot and kubernetes.audit.verb:"get"', ['cannot']],
    ['upper and mixed case', or(endsWith('NOT'), endsWith('xNoT')), 'k8s.ns:*\\u004EOT or k8s.ns:*x\\u004EoT', ['NOT', 'xNoT']],
    ['or, and: no keyword without whitespace before', or(endsWith('or'), endsWith('xand'), endsWith('AND')), 'k8s.ns:*or or k8s.ns:*xand or k8s.ns:*AND', ['or', 'xand', 'AND']],
  ])('%s', (_name, expr, expected, endings) => {
    const text = kql(expr);
    expect(text).toBe(expected);
    const ends = (ast: ReturnType<typeof parseKql>): string[] =>
      ast.type === 'and' || ast.type === 'or' ? ast.operands.flatMap(ends) : ast.type === 'is' && ast.field === 'k8s.ns' && ast.value.type === 'wildcard' ? [ast.value.parts.at(-1)!] : [];
    expect(ends(parseKql(text))).toEqual(endings);
  });

  it('keeps a not that a star follows, and escapes a field name ending in not before a range operator', () => {
    expect(kql(likeGlobs(f('image'), [glob('*not*')]))).toBe('kubernetes.audit.requestObject.spec.containers.image:*not*');
    const cannot = field('cannot', 'number', 'x.cannot');
    expect(kql(range(cannot, '>=', 5))).toBe('x.can\\u006Eot >= 5');
    expect(parseKql('x.can\\u006Eot >= 5')).toEqual({ type: 'range', field: 'x.cannot', op: '>=', value: '5' });
  });
});

describe('invalid: refused constructs', () => {
  const at = (line: number, column: number) => expect.objectContaining({ file: 'rules/test.yml', start: expect.objectContaining({ line, column }) });
  it.each<[string, Expr, string, number, number]>([
    ['regex', regex(verb, 'cre.te'), 'elastic/regex-unsupported', 7, 9],
    ['case-insensitive on a case-preserving field', eqLower(verb, str('create')), 'elastic/case-insensitive-unsupported', 1, 1],
    ['case-insensitive like', likeGlobs(verb, [glob('cre*')], true), 'elastic/case-insensitive-unsupported', 3, 5],
    ['? wildcard', like(image, 'alpine:3.?'), 'elastic/single-char-wildcard-unsupported', 3, 5],
    ['whitespace in a wildcard', like(image, '*my image*'), 'elastic/wildcard-whitespace', 3, 5],
    ['newline in a wildcard', like(image, '*a\nb*'), 'elastic/wildcard-whitespace', 3, 5],
    ['Kibana wildcard marker', like(image, '*@kuery-wildcard@*'), 'elastic/wildcard-marker', 3, 5],
    ['== on text', eq(message, str('hello')), 'elastic/text-field-unsupported', 1, 1],
    ['like on text', like(message, 'hel*'), 'elastic/text-field-unsupported', 3, 5],
    ['== on date', eq(when, str('2024-01-01')), 'elastic/field-type-unsupported', 1, 1],
    ['like on ip', like(ip, '10.*'), 'elastic/field-type-unsupported', 3, 5],
    ['cidr on keyword', cidr(verb, '10.0.0.0/8'), 'elastic/field-type-unsupported', 1, 1],
    ['string on a number field', eq(count, str('5')), 'elastic/value-type-mismatch', 1, 1],
    ['not an address', eq(ip, str('10.0.0.256')), 'elastic/invalid-ip', 1, 1],
    ['not a block', cidr(ip, '10.0.0.0/33'), 'elastic/invalid-cidr', 1, 1],
  ])('%s', (_name, expr, code, line, column) => {
    const result = exprToKql(and(eq(verb, str('ok')), expr));
    expect(result.node).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code, severity: 'error', span: at(line, column) })]);
    expect(result.diagnostics[0]!.message.length).toBeGreaterThan(40);
  });

  it('reports every refused construct, not only the first', () => {
    const result = exprToKql(or(regex(verb, 'a'), like(image, 'a?')));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['elastic/regex-unsupported', 'elastic/single-char-wildcard-unsupported']);
  });
});
