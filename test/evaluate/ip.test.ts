import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from '../../compiler/language/ip.ts';

describe('parseIp', () => {
  it.each([
    ['0.0.0.0', 4],
    ['255.255.255.255', 4],
    ['::', 6],
    ['::1', 6],
    ['2001:db8::8a2e:370:7334', 6],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', 6],
    ['::ffff:192.0.2.1', 6],
    ['64:ff9b::192.0.2.33', 6],
    ['1::', 6],
  ])('%s is IPv%s', (text, version) => {
    expect(parseIp(text)?.version).toBe(version);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.-4', ' 1.2.3.4', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', 'fe80::1%eth0', '1.2.3.4::', '::1.2.3', ':1::'])(
    'refuses %j',
    (text) => {
      expect(parseIp(text)).toBeUndefined();
    },
  );

  it('maps IPv4 into ::ffff:0:0/96 like Elasticsearch', () => {
    expect(parseIp('10.1.2.3')?.value).toBe(parseIp('::ffff:10.1.2.3')?.value);
  });
});

describe('parseCidr', () => {
  it.each(['10.0.0.0/8', '0.0.0.0/0', '1.2.3.4/32', '1.2.3.4', '::/0', '::1/128', '2001:db8::/32'])('accepts %s', (text) => {
    expect(parseCidr(text)).toBeDefined();
  });
  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/-1', 'x/8', '10.0.0.0/8/8'])('refuses %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
  it('clears host bits and compares prefixes', () => {
    const block = parseCidr('192.168.1.77/24');
    const inside = parseIp('192.168.1.1');
    const outside = parseIp('192.168.2.1');
    if (!block || !inside || !outside) throw new Error('parse failed');
    expect(cidrContains(block, inside)).toBe(true);
    expect(cidrContains(block, outside)).toBe(false);
  });
});
