// Expression → SPL, construct by construct: the exact text for each, and the refusals with
// their codes and positions. (The property test checks the meaning; these tables pin the form.)

import { describe, expect, it } from 'vitest';
import type { Expr } from '../../compiler/ir.ts';
import { compileMatch } from '../../targets/splunk/spl/compile-match.ts';
import { and, cidr, eq, exists, f, field, like, not, num, or, range, regex, span, str, bool } from './fixtures.ts';

const valid: { name: string; expr: Expr; search: string[]; where: string[] }[] = [
  {
    name: 'case-sensitive text: case-relaxed search prefilter, exact where',
    expr: like(f('event_message'), ['Pulling image*']),
    search: ['requestObject.message="Pulling image*"'],
    where: [`isnotnull(mvfind('requestObject.message', "(?s)^Pulling image.*\\\\z"))`],
  },
  {
    name: 'lower-case-normalised field with a lower-case value: search alone',
    expr: eq(f('verb'), [str('create')]),
    search: ['verb="create"'],
    where: [],
  },
  {
    name: 'lower() (ignoreCase): search alone, IN for lists',
    expr: like(f('object_name'), ['*splunk*', '*falco*'], true),
    search: ['objectRef.name IN ("*splunk*", "*falco*")'],
    where: [],
  },
  {
    name: '!= is NOT f=v, which keeps events without f',
    expr: not(eq(f('verb'), [str('get')])),
    search: ['NOT verb="get"'],
    where: [],
  },
  {
    name: 'every OR group is parenthesised, and an AND inside it too',
    expr: or(eq(f('verb'), [str('create')]), and(eq(f('verb'), [str('get')]), eq(f('resource'), [str('pods')]))),
    search: ['(verb="create" OR (verb="get" objectRef.resource="pods"))'],
    where: [],
  },
  {
    name: 'an OR with a leaf that needs where becomes where as a whole',
    expr: or(eq(f('verb'), [str('create')]), cidr(f('source_ip'), '10.0.0.0/8')),
    search: [],
    where: [
      `(isnotnull(mvfind('verb', "^create\\\\z")) OR isnotnull(mvfilter(cidrmatch("10.0.0.0/8", 'sourceIPs{}') OR cidrmatch("::ffff:10.0.0.0/104", 'sourceIPs{}'))))`,
    ],
  },
  {
    name: 'a literal * cannot be searched: where, with a regex-escaped star',
    expr: eq(f('verb'), [str('a*b')]),
    search: [],
    where: [`isnotnull(mvfind('verb', "^a\\\\*b\\\\z"))`],
  },
  {
    name: 'quotes, backslashes, pipes, backticks, $ and newlines: inert in the eval string',
    expr: eq(f('user'), [str('a"b\\c|d`e$f\ng')]),
    search: [],
    where: [`isnotnull(mvfind('user.username', "^a\\\\x{22}b\\\\\\\\c\\\\|d\\\\x{60}e\\\\x{24}f\\\\x{0a}g\\\\z"))`],
  },
  {
    name: 'glob ? is one character (widened to * in the prefilter); * and ? match newlines',
    expr: like(f('image'), ['busybox:?*']),
    search: ['requestObject.spec.containers{}.image="busybox:*"'],
    where: [`isnotnull(mvfind('requestObject.spec.containers{}.image', "(?s)^busybox:..*\\\\z"))`],
  },
  {
    name: 'numbers compare numerically, on values that are JSON numbers',
    expr: range(f('response_code'), '>=', 400),
    search: [],
    where: [
      `isnotnull(mvfilter(match('responseStatus.code', "^-?(?:0|[1-9][0-9]*)(?:\\\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\\\z") AND tonumber('responseStatus.code') >= 400))`,
    ],
  },
  {
    name: 'number equality',
    expr: eq(f('response_code'), [num(201)]),
    search: [],
    where: [
      `isnotnull(mvfilter(match('responseStatus.code', "^-?(?:0|[1-9][0-9]*)(?:\\\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\\\z") AND tonumber('responseStatus.code') == 201))`,
    ],
  },
  {
    name: 'booleans compare as the text true/false, case-sensitively',
    expr: eq(f('privileged'), [bool(true)]),
    search: ['requestObject.spec.containers{}.securityContext.privileged=true'],
    where: [`isnotnull(mvfind('requestObject.spec.containers{}.securityContext.privileged', "^true\\\\z"))`],
  },
  {
    name: 'exists is isnotnull, total under NOT',
    expr: not(exists(f('namespace'))),
    search: [],
    where: [`NOT isnotnull('objectRef.namespace')`],
  },
  {
    name: 'a native name with / is only compared in where',
    expr: eq(f('decision'), [str('allow')]),
    search: [],
    where: [`isnotnull(mvfind('annotations.authorization.k8s.io/decision', "^allow\\\\z"))`],
  },
  {
    name: 'regex: JavaScript $ and . become PCRE \\z and a class without the line terminators',
    expr: regex(f('user_agent'), '^curl/.+$', 'i'),
    search: [],
    where: [`isnotnull(mvfind('userAgent', "(?i)\\\\Acurl/[^\\\\n\\\\r\\\\x{2028}\\\\x{2029}]+\\\\z"))`],
  },
  {
    name: 'CIDR blocks are written canonically (host bits cleared, prefix written)',
    expr: cidr(f('source_ip'), '10.1.2.3/8', '192.168.1.1'),
    search: [],
    where: [
      `isnotnull(mvfilter(cidrmatch("10.0.0.0/8", 'sourceIPs{}') OR cidrmatch("::ffff:10.0.0.0/104", 'sourceIPs{}') OR cidrmatch("192.168.1.1/32", 'sourceIPs{}') OR cidrmatch("::ffff:192.168.1.1/128", 'sourceIPs{}')))`,
    ],
  },
  {
    name: 'IPv6 blocks also cover the IPv4 addresses the language maps into them',
    expr: cidr(f('source_ip'), '::/0', '2001:db8::/32', '::ffff:10.0.0.0/104'),
    search: [],
    where: [
      `isnotnull(mvfilter(cidrmatch("0.0.0.0/0", 'sourceIPs{}') OR cidrmatch("::/0", 'sourceIPs{}') OR cidrmatch("2001:db8::/32", 'sourceIPs{}') OR cidrmatch("10.0.0.0/8", 'sourceIPs{}') OR cidrmatch("::ffff:10.0.0.0/104", 'sourceIPs{}')))`,
    ],
  },
  {
    name: '== on an ip field compares addresses: cidrmatch with the host block in both families, no search term',
    expr: eq({ ...f('source_ip'), lowercase: true }, [str('10.1.2.3'), str('2001:DB8::1'), str('::ffff:a01:203')]),
    search: [],
    where: [
      `isnotnull(mvfilter(cidrmatch("10.1.2.3/32", 'sourceIPs{}') OR cidrmatch("::ffff:10.1.2.3/128", 'sourceIPs{}') OR cidrmatch("2001:db8::1/128", 'sourceIPs{}')))`,
    ],
  },
  {
    name: 'top-level AND splits between search and where',
    expr: and(eq(f('verb'), [str('create')]), like(f('image'), ['*:latest']), exists(f('user'))),
    search: ['verb="create"', 'requestObject.spec.containers{}.image="*:latest"'],
    where: [`isnotnull(mvfind('requestObject.spec.containers{}.image', "(?s)^.*:latest\\\\z"))`, `isnotnull('user.username')`],
  },
];

describe('expression → SPL', () => {
  it.each(valid)('$name', ({ expr, search, where }) => {
    const compiled = compileMatch(expr);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.search).toEqual(search);
    expect(compiled.where).toEqual(where);
  });
});

const invalid: { name: string; expr: Expr; code: string; line: number; column: number; message: RegExp }[] = [
  {
    name: 'a regex whose meaning differs in PCRE',
    expr: regex(f('user'), 'a\\cb', '', span(7, 12)),
    code: 'splunk/unsupported-regex',
    line: 7,
    column: 12,
    message: /cannot be written for Splunk \(PCRE\)/,
  },
  {
    name: 'an empty character class',
    expr: regex(f('user'), 'a[]', '', span(3, 5)),
    code: 'splunk/unsupported-regex',
    line: 3,
    column: 5,
    message: /empty character class/,
  },
  {
    name: '== on an ip field with a value that is not an address',
    expr: eq(f('source_ip'), [{ kind: 'string', value: 'fe80::1%eth0', span: span(4, 8) }]),
    code: 'splunk/invalid-ip',
    line: 4,
    column: 8,
    message: /is not an IP address/,
  },
  {
    name: 'a native field name SPL cannot quote',
    expr: eq({ ...field('odd', 'keyword', "it's odd"), span: span(9, 2) }, [str('x')]),
    code: 'splunk/unsupported-field-name',
    line: 1,
    column: 1,
    message: /cannot quote safely/,
  },
];

describe('expression → SPL refusals', () => {
  it.each(invalid)('$name', ({ expr, code, line, column, message }) => {
    const { diagnostics } = compileMatch(expr);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, severity: 'error', span: { start: { line, column } } });
    expect(diagnostics[0]!.message).toMatch(message);
  });
});
