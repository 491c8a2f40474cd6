// Our KQL grammar and evaluator, checked against Kibana's documented behaviour, so that the
// property test compares the emitter with an oracle that is right on its own.

import { describe, expect, it } from 'vitest';
import { parseKql } from './kql-ast.ts';
import { evaluateKql, type Mapping } from './kql-evaluator.ts';

const mapping: Mapping = new Map([
  ['k', 'keyword'],
  ['n', 'number'],
  ['ip', 'ip'],
  ['b', 'boolean'],
  ['t', 'text'],
]);

describe('KQL grammar', () => {
  it.each([
    ['k:"a b"', { type: 'is', field: 'k', value: { type: 'phrase', text: 'a b' } }],
    ['k:a\\:b', { type: 'is', field: 'k', value: { type: 'literal', text: 'a:b' } }],
    ['k:"a\\"b\\\\c\\nd"', { type: 'is', field: 'k', value: { type: 'phrase', text: 'a"b\\c\nd' } }],
    ['k:"*"', { type: 'is', field: 'k', value: { type: 'phrase', text: '*' } }],
    ['k:a\\*b*', { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['a*b', ''] } }],
    ['k:*', { type: 'exists', field: 'k' }],
    ['k:\\u0041x', { type: 'is', field: 'k', value: { type: 'literal', text: 'Ax' } }],
    ['k:\\or', { type: 'is', field: 'k', value: { type: 'literal', text: 'or' } }],
    ['k:a\\not', { type: 'is', field: 'k', value: { type: 'literal', text: 'a\not' } }], // `\n` is read before the keyword escape
    ['k:*can\\u006Eot', { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['', 'cannot'] } }],
    ['k:(*not)', { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['', 'not'] } }], // `not` before `)` is no keyword
    ['k:*not', { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['', 'not'] } }],
    ['k:not*', { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['not', ''] } }],
    ['n >= -5', { type: 'range', field: 'n', op: '>=', value: '-5' }],
    ['NOT k:a', { type: 'not', operand: { type: 'is', field: 'k', value: { type: 'literal', text: 'a' } } }],
  ])('parses %s', (query, expected) => {
    expect(parseKql(query)).toEqual(expected);
  });

  it('gives and precedence over or, and expands value lists', () => {
    expect(parseKql('k:a or k:b and n:1')).toEqual({
      type: 'or',
      operands: [
        { type: 'is', field: 'k', value: { type: 'literal', text: 'a' } },
        { type: 'and', operands: [{ type: 'is', field: 'k', value: { type: 'literal', text: 'b' } }, { type: 'is', field: 'n', value: { type: 'literal', text: '1' } }] },
      ],
    });
    expect(parseKql('k:(a or "b")')).toEqual({
      type: 'or',
      operands: [
        { type: 'is', field: 'k', value: { type: 'literal', text: 'a' } },
        { type: 'is', field: 'k', value: { type: 'phrase', text: 'b' } },
      ],
    });
  });

  it('reads or/and at the end of a literal as text, since they need whitespace before them', () => {
    expect(parseKql('k:*xor and k:*AND')).toEqual({
      type: 'and',
      operands: [
        { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['', 'xor'] } },
        { type: 'is', field: 'k', value: { type: 'wildcard', parts: ['', 'AND'] } },
      ],
    });
  });

  it.each([
    ['k:(*not or *x)', 'a literal ending in not before whitespace (Kibana: Expected ")", AND, or OR)'],
    ['k:*cannot and k:x', 'cannot: its not starts a keyword'],
    ['k:*NOT or k:x', 'keywords are case-insensitive'],
    ['k:a* or k:*xNoT\nand k:y', 'not before a line break'],
    ['x.cannot >= 5', 'a field name ending in not before a range operator'],
    ['not >= 5', 'a field named not'],
    ['k:a\\ b', 'a backslash before a space is not an escape'],
    ['not not k:a', '`not` takes a clause or a group'],
    ['k:"unterminated', 'an unterminated phrase'],
    ['k:(a or b', 'an unclosed list'],
    ['k:a:b', 'an unescaped colon in a value'],
    ['k:a)', 'an unbalanced parenthesis'],
    ['k:', 'a missing value'],
    ['(k:a', 'an unclosed group'],
  ])('rejects %s (%s)', (query) => {
    expect(() => parseKql(query)).toThrow();
  });
});

describe('KQL evaluator (Kibana semantics)', () => {
  it.each([
    ['k:"Cmd.exe"', { k: 'Cmd.exe' }, true],
    ['k:"Cmd.exe"', { k: 'cmd.exe' }, false], // keyword matching is case-sensitive
    ['k:"a*"', { k: 'abc' }, false], // a quoted value is never a wildcard
    ['k:"a*"', { k: 'a*' }, true],
    ['k:a*', { k: 'abc' }, true],
    ['k:*b*', { k: 'abc' }, true],
    ['k:*x*', { k: 'abc' }, false],
    ['k:a\\*', { k: 'a*' }, true], // an escaped star is literal
    ['k:a\\*', { k: 'ab' }, false],
    ['k:"b"', { k: ['a', 'b'] }, true], // arrays match when any element matches
    ['k:"b"', {}, false], // a missing field matches nothing
    ['k:"b"', { k: null }, false],
    ['not k:"b"', {}, true], // … so its negation matches
    ['k:*', { k: '' }, true], // exists includes the empty string
    ['k:*', { k: [] }, false],
    ['k:*', { k: [null] }, false],
  ] as [string, Record<string, unknown>, boolean][])('%s on %j is %s', (query, doc, expected) => {
    expect(evaluateKql(parseKql(query), doc, mapping)).toBe(expected);
  });

  it('splits a wildcard value at whitespace like query_string does in detection rules', () => {
    // `k:foo bar*` reaches Elasticsearch as query_string "foo bar*": k is foo OR k starts with bar.
    expect(evaluateKql(parseKql('k:foo bar*'), { k: 'bar-tender' }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('k:foo bar*'), { k: 'foo bar' }, mapping)).toBe(false);
  });

  it('compares numbers, addresses, blocks and booleans by value', () => {
    expect(evaluateKql(parseKql('n:5'), { n: [1, 5] }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('n > 5'), { n: [1, 5] }, mapping)).toBe(false);
    expect(evaluateKql(parseKql('n <= 5'), { n: [9, 5] }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('ip:"10.0.0.1"'), { ip: '10.0.0.1' }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('ip:"10.0.0.0/8"'), { ip: ['192.168.1.1', '10.9.8.7'] }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('ip:"10.0.0.0/8"'), { ip: '11.0.0.1' }, mapping)).toBe(false);
    expect(evaluateKql(parseKql('ip:"fe80::/10"'), { ip: 'fe80::1' }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('b:true'), { b: true }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('b:true'), { b: false }, mapping)).toBe(false);
  });

  it('matches words, not whole values, on text fields', () => {
    expect(evaluateKql(parseKql('t:"quick brown"'), { t: 'The Quick Brown fox' }, mapping)).toBe(true);
    expect(evaluateKql(parseKql('t:"brown quick"'), { t: 'The Quick Brown fox' }, mapping)).toBe(false);
  });
});
