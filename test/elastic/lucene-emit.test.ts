// The Lucene translation (rules KQL cannot express): what each construct becomes, the boolean-safe
// negations, the filter conversion, and its refusals.

import { describe, expect, it } from 'vitest';
import type { Expr, Rule } from '../../compiler/ir.ts';
import { escapeLuceneTerm, quoteLucene } from '../../targets/elastic/lucene/escape.ts';
import { ruleQuery } from '../../targets/elastic/query.ts';
import { parseLucene } from './lucene-ast.ts';
import { and, eq, eqLower, exists, f, field, kubernetesAudit, like, likeGlobs, glob, not, num, or, range, regex, seedRule, str, cidr } from './fixtures.ts';

const verb = f('verb');
const image = f('image');
const count = field('count', 'number', 'event.count');

function query(match: Expr, filter = kubernetesAudit.elastic.filter): ReturnType<typeof ruleQuery> {
  const rule: Rule = { ...seedRule, dataSource: { ...kubernetesAudit, elastic: { ...kubernetesAudit.elastic, filter } }, detection: { type: 'query', match, allowlists: [] } };
  return ruleQuery(rule);
}

/** The query with its line breaks (layout, tested with KQL) read as spaces. */
const oneLine = (text: string) => text.replace(/\n/g, ' ');

const A = 'kubernetes.audit.requestObject.spec.containers.image:a?';

/** A rule that needs Lucene (a `?` wildcard), with `expr` beside it. */
const needsLucene = (expr: Expr) => and(like(image, 'a?'), expr);

describe('Lucene escaping', () => {
  it.each([
    ['a b', 'a\\ b'],
    ['+-=&|><!(){}[]^"~*?:\\/', '\\+\\-\\=\\&\\|\\>\\<\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/'],
    // A whole-token AND, OR, NOT is an operator; any other spelling or word is a term.
    ['AND', '\\AND'],
    ['OR', '\\OR'],
    ['NOT', '\\NOT'],
    ['not', 'not'],
    ['ANDROID', 'ANDROID'],
    ['NOT ', 'NOT\\ '],
  ])('escapes %j as %s', (text, expected) => {
    expect(escapeLuceneTerm(text)).toBe(expected);
  });

  it('quotes phrases', () => {
    expect(quoteLucene('say "hi" \\ *')).toBe('"say \\"hi\\" \\\\ *"');
  });
});

describe('valid: rules compiled to Lucene', () => {
  it.each<[string, Expr, string]>([
    ['a ? wildcard', like(image, 'a?b*'), 'kubernetes.audit.requestObject.spec.containers.image:a?b*'],
    ['whitespace in a pattern', like(image, '*my image*'), 'kubernetes.audit.requestObject.spec.containers.image:*my\\ image*'],
    ['lower() ==', eqLower(verb, str('get')), 'kubernetes.audit.verb:/[gG][eE][tT]/'],
    ['lower() like, with the Kelvin sign', likeGlobs(verb, [glob('k*')], true), 'kubernetes.audit.verb:/[kK\\\u212A].*/'],
    ['a regex', regex(verb, '^get|list$', ''), 'kubernetes.audit.verb:/(get.*)|(.*list)/'],
    ['ranges', needsLucene(and(range(count, '<', 3), range(count, '>=', -2))), `${A} AND event.count:[* TO 3} AND event.count:[-2 TO *]`],
    ['numbers', needsLucene(eq(count, num(-2))), `${A} AND event.count:\\-2`],
    ['cidr', needsLucene(cidr(f('source_ip'), 'fe80::/10')), `${A} AND source.ip:fe80\\:\\:\\/10`],
  ])('%s', (_name, expr, expected) => {
    const q = query(expr, '');
    expect(q.diagnostics).toEqual([]);
    expect(q.language).toBe('lucene');
    expect(oneLine(q.text!)).toBe(expected);
    expect(() => parseLucene(q.text!)).not.toThrow();
  });

  it('writes negations so that Lucene means what boolean logic means', () => {
    // `a OR NOT b` in Lucene would mean "a, excluding b".
    expect(oneLine(query(or(like(image, 'a?'), not(eq(verb, str('get')))), '').text!)).toBe(
      'kubernetes.audit.requestObject.spec.containers.image:a? OR (*:* AND NOT kubernetes.audit.verb:"get")',
    );
    expect(oneLine(query(needsLucene(not(exists(count))), '').text!)).toBe('kubernetes.audit.requestObject.spec.containers.image:a? AND NOT event.count:*');
    expect(oneLine(query(and(not(like(image, 'a?')), not(eq(verb, str('x')))), '').text!)).toBe(
      '*:* AND NOT kubernetes.audit.requestObject.spec.containers.image:a? AND NOT kubernetes.audit.verb:"x"',
    );
  });

  it('converts the data source filter clause by clause', () => {
    expect(oneLine(query(like(image, 'a?'), 'event.dataset:"k8s.audit" and event.module:kubernetes').text!)).toBe(
      'event.dataset:"k8s.audit" AND event.module:kubernetes AND kubernetes.audit.requestObject.spec.containers.image:a?',
    );
  });

  it('writes a field or filter value named AND, OR or NOT as a term, not an operator', () => {
    const named = (name: string) => field(name.toLowerCase(), 'keyword', name);
    const text = oneLine(query(needsLucene(or(exists(named('NOT')), exists(named('OR')), like(named('AND'), '*AND'))), 'event.kind:NOT').text!);
    expect(text).toBe(`(event.kind:\\NOT) AND ${A} AND (\\NOT:* OR \\OR:* OR \\AND:*\\AND)`);
    expect(parseLucene(text)).toEqual(expect.objectContaining({ type: 'bool', op: 'and' }));
    // What the escapes prevent: the classic parser reads a bare NOT here as the operator.
    expect(() => parseLucene('NOT:*')).toThrow();
    expect(() => parseLucene('event.kind:(a OR NOT)')).toThrow();
  });

  it('stays KQL when KQL can say it', () => {
    expect(query(eq(verb, str('get'))).language).toBe('kuery');
  });
});

describe('invalid: refused even in Lucene', () => {
  it.each<[string, Expr, string, string]>([
    ['an empty value', needsLucene(eq(verb, str(''))), '', 'elastic/lucene-empty-value'],
    ['a filter that is not field:"value" clauses', like(image, 'a?'), 'event.dataset:(a or b)', 'elastic/lucene-filter'],
    ['a regex outside the portable flavour', regex(verb, '(?=a)b'), '', 'elastic/regex-unsupported'],
    ['i + combining dot', eqLower(verb, str('i\u0307x')), '', 'elastic/case-insensitive-unsupported'],
  ])('%s', (_name, expr, filter, code) => {
    const q = query(expr, filter);
    expect(q.text).toBeUndefined();
    expect(q.diagnostics.map((d) => d.code)).toEqual([code]);
  });
});
