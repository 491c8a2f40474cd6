// One table of address forms, run through every user of compiler/language/ip.ts: the checks
// accept a rule or test value exactly when the evaluator reads it as an address, and exactly
// then the Splunk and Elastic targets emit a comparison (which selects the same spellings of
// the address as the evaluator) and the Sigma importer imports it.

import { describe, expect, it } from 'vitest';
import { testEventValues } from '../../compiler/checks/test-event-values.ts';
import { typeMismatch } from '../../compiler/checks/type-mismatch.ts';
import { invalidCidr } from '../../compiler/checks/invalid-cidr.ts';
import { evaluateExpr } from '../../compiler/evaluate/expr.ts';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import type { Expr } from '../../compiler/ir.ts';
import { formatIp, parseIp, readCidr, readIp } from '../../compiler/language/ip.ts';
import { exprToKql } from '../../targets/elastic/kql/from-expr.ts';
import { layoutKql } from '../../targets/elastic/kql/layout.ts';
import { toWhere } from '../../targets/splunk/spl/where-terms.ts';
import { runCheck } from '../checks/support.ts';
import { parseKql } from '../elastic/kql-ast.ts';
import { evaluateKql } from '../elastic/kql-evaluator.ts';
import { field, span } from '../splunk/fixtures.ts';
import { parseWhere, toSplEvent } from '../splunk/spl-evaluator.ts';
import { importDetection } from '../sigma/import-helpers.ts';

/** [form, text, RFC 5952 text when it is an address]. */
const FORMS: readonly [string, string, string | undefined][] = [
  ['IPv4', '10.1.2.3', '10.1.2.3'],
  ['IPv4 zeros', '0.0.0.0', '0.0.0.0'],
  ['IPv4 all ones', '255.255.255.255', '255.255.255.255'],
  ['IPv6', '2001:db8::1', '2001:db8::1'],
  ['IPv6 upper case, uncompressed, leading zeros in groups', '2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
  ['IPv6 four-digit group with leading zeros', '0001::1', '1::1'],
  ['IPv4-mapped, dotted', '::ffff:10.1.2.3', '::ffff:10.1.2.3'],
  ['IPv4-mapped, hex', '::ffff:a01:203', '::ffff:10.1.2.3'],
  ['IPv4-mapped, upper case uncompressed', '0:0:0:0:0:FFFF:0A01:0203', '::ffff:10.1.2.3'],
  ['IPv4-compatible (not mapped)', '::10.1.2.3', '::a01:203'],
  ['compressed loopback', '::1', '::1'],
  ['compressed at the end', '1::', '1::'],
  ['unspecified', '::', '::'],
  ['one zero group is not compressed', '1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
  ['the first of two equal zero runs is compressed', '1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
  ['the longest zero run is compressed', '1:0:2:0:0:0:3:4', '1:0:2::3:4'],
  ['zone id', 'fe80::1%eth0', undefined],
  ['zone id on IPv4', '10.1.2.3%1', undefined],
  ['space before', ' 10.1.2.3', undefined],
  ['space after', '10.1.2.3 ', undefined],
  ['tab before IPv6', '\t::1', undefined],
  ['brackets', '[::1]', undefined],
  ['leading zero in an octet', '010.1.2.3', undefined],
  ['leading zero in the mapped IPv4 part', '::ffff:010.1.2.3', undefined],
  ['octet over 255', '10.1.2.256', undefined],
  ['three octets', '10.1.2', undefined],
  ['five octets', '10.1.2.3.4', undefined],
  ['five hex digits', '12345::1', undefined],
  ['nine groups', '1:2:3:4:5:6:7:8:9', undefined],
  [':: twice', '1::2::3', undefined],
  [':: standing for no group', '1:2:3:4:5:6:7::8', undefined],
  ['single colon at the start', ':1::', undefined],
  ['single colon at the end', '1::2:', undefined],
  ['IPv4 part not at the end', '1.2.3.4::', undefined],
  ['hex that is not hex', 'g::1', undefined],
  ['a host name', 'localhost', undefined],
  ['empty', '', undefined],
];

const ip = field('ip', 'ip', 'src_ip');
const other = { ipv4: '10.9.9.9', ipv6: '2001:db8::99' };
const ref = { kind: 'field-ref' as const, field: ip, span: span() };
const equals = (text: string): Expr => ({ kind: 'equals', field: ref, values: [{ kind: 'string', value: text, span: span() }], ignoreCase: false, written: '==', span: span() });
const yamlMatch = (text: string) => `detection:\n  type: query\n  match: >-\n    source_ip == ${JSON.stringify(text)}\n`;
const yamlEvent = (text: string) => `tests:\n  - name: t\n    expect: alert\n    events:\n      - { source_ip: ${JSON.stringify(text)} }\n`;

describe.each(FORMS)('%s: %j', (_form, text, canonical) => {
  const isAddress = canonical !== undefined;

  it('the IP module reads it, and writes RFC 5952 text', () => {
    const reading = readIp(text);
    expect(reading.ok).toBe(isAddress);
    if (reading.ok) expect(formatIp(reading.address)).toBe(canonical);
    else expect(reading.reason.length).toBeGreaterThan(10);
    // Canonical text reads back as the same address.
    if (canonical) expect(parseIp(canonical)?.value).toBe(parseIp(text)?.value);
  });

  it('match/type-mismatch accepts it on an ip field exactly when it is an address', () => {
    const codes = runCheck(typeMismatch, { rules: yamlMatch(text) }).map((d) => d.code);
    expect(codes).toEqual(isAddress ? [] : ['match/type-mismatch']);
  });

  it('test/value-type accepts it as a test event value exactly when it is an address', () => {
    const codes = runCheck(testEventValues, { rules: yamlEvent(text) }).map((d) => d.code);
    expect(codes).toEqual(isAddress ? [] : ['test/value-type']);
  });

  it('match/invalid-cidr accepts it with a prefix exactly when it is an address', () => {
    const block = `${text}/${text.includes(':') ? 128 : 32}`;
    expect(readCidr(block).ok).toBe(isAddress);
    const codes = runCheck(invalidCidr, { rules: yamlMatch('x').replace(/source_ip == .*/, `source_ip cidr ${JSON.stringify(block)}`) }).map((d) => d.code);
    expect(codes).toEqual(isAddress ? [] : ['match/invalid-cidr']);
  });

  it('the evaluator matches it, and every spelling of it, exactly when it is an address', () => {
    expect(evaluateExpr(equals(text), { ip: text })).toBe(isAddress);
    if (!canonical) return;
    expect(evaluateExpr(equals(text), { ip: canonical })).toBe(true);
    expect(evaluateExpr(equals(canonical), { ip: text })).toBe(true);
    expect(evaluateExpr(equals(text), { ip: text.includes(':') ? other.ipv6 : other.ipv4 })).toBe(false);
  });

  it('Splunk emits a comparison exactly when it is an address, selecting what the evaluator selects', () => {
    const diagnostics: Diagnostic[] = [];
    const where = toWhere(equals(text), diagnostics);
    expect(diagnostics.map((d) => d.code)).toEqual(isAddress ? [] : ['splunk/invalid-ip']);
    if (!canonical) return;
    for (const value of [text, canonical, other.ipv4, other.ipv6, '::ffff:10.1.2.3', '10.1.2.3']) {
      const spl = parseWhere(where)(toSplEvent({ ip: value }, () => 'src_ip'));
      expect({ where, value, selected: spl }).toEqual({ where, value, selected: evaluateExpr(equals(text), { ip: value }) });
    }
  });

  it('Elastic emits a comparison exactly when it is an address, selecting what the evaluator selects', () => {
    const result = exprToKql(equals(text));
    expect(result.diagnostics.map((d) => d.code)).toEqual(isAddress ? [] : ['elastic/invalid-ip']);
    if (!canonical || !result.node) return;
    const query = layoutKql(result.node);
    expect(query).toBe(`ip:${JSON.stringify(canonical)}`);
    for (const value of [text, canonical, other.ipv4, other.ipv6, '::ffff:10.1.2.3', '10.1.2.3']) {
      const es = evaluateKql(parseKql(query), { ip: value }, new Map([['ip', 'ip']]));
      expect({ query, value, selected: es }).toEqual({ query, value, selected: evaluateExpr(equals(text), { ip: value }) });
    }
  });

  it('the Sigma importer imports it as an address exactly when it is one', () => {
    const result = importDetection({ s: { DestinationIp: text } }, { logsource: { product: 'windows', category: 'network_connection' } });
    if (isAddress) expect(result).toMatchObject({ kind: 'imported', rule: { detection: { match: `DestinationIp == ${JSON.stringify(text)}` } } });
    else expect(result).toMatchObject({ kind: 'refused', code: 'sigma/text-on-ip' });
  });
});
