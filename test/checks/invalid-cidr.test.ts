import { invalidCidr } from '../../compiler/checks/invalid-cidr.ts';
import { checkCidr } from '../../compiler/checks/support/cidr.ts';
import { describe, expect, it } from 'vitest';
import { checkTable } from './support.ts';

const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(invalidCidr, {
  valid: [
    { name: 'IPv4 and IPv6 blocks', rules: match('source_ip cidr ["10.0.0.0/8", "192.168.1.0/24", "0.0.0.0/0", "2001:db8::/32", "::1/128", "fe80::/10"]') },
    { name: 'host blocks of full length', rules: match('source_ip cidr ["10.1.2.3/32", "2001:db8::1/128"]') },
  ],
  invalid: [
    {
      name: 'a prefix too long for IPv4',
      rules: match('source_ip cidr "10.0.0.0/33"'),
      errors: [{ code: 'match/invalid-cidr', line: 3, column: 25, message: 'use a whole number from 0 to 32' }],
    },
    {
      name: 'a bare address, an address that is not one and a missing prefix',
      rules: match('source_ip cidr ["10.0.0.1", "300.1.1.1/8", "10.0.0.0/", "2001:db8::/129"]'),
      errors: [
        { code: 'match/invalid-cidr', line: 3, column: 26, message: 'write "10.0.0.1/32", or compare with == instead' },
        { code: 'match/invalid-cidr', line: 3, column: 38, message: '"300.1.1.1" is not an IP address: the octet 300 is greater than 255' },
        { code: 'match/invalid-cidr', line: 3, column: 53, message: '"/" is not a prefix length for an IPv4 block' },
        { code: 'match/invalid-cidr', line: 3, column: 66, message: 'from 0 to 128' },
      ],
    },
    {
      name: 'host bits set beyond the prefix: a warning with the normalised block',
      rules: match('source_ip cidr ["10.0.0.1/8", "2001:db8::1/32"]'),
      errors: [
        { code: 'match/cidr-host-bits', severity: 'warning', line: 3, column: 26, message: 'Write "10.0.0.0/8"' },
        { code: 'match/cidr-host-bits', severity: 'warning', line: 3, column: 40, message: 'Write "2001:db8::/32"' },
      ],
    },
  ],
});

describe('checkCidr', () => {
  it.each([
    ['192.168.1.77/24', '192.168.1.0/24'],
    ['10.255.255.255/9', '10.128.0.0/9'],
    ['2001:db8:0:0:1::/64', '2001:db8::/64'],
    ['2001:0:0:1:0:0:0:1/127', '2001:0:0:1::/127'],
    ['fe80::1:2/112', 'fe80::1:0/112'],
    ['1:2:3:4:5:6:7:8/16', '1::/16'],
  ])('normalises %s to %s', (block, normalised) => {
    expect(checkCidr(block)).toEqual({ ok: true, block, hostBitsSet: true, normalised });
  });

  it.each(['10.0.0.0/08', '10.0.0.0/+8', 'fe80::1%eth0/64', '10.0.0.0/8/8', ''])('rejects %j', (block) => {
    expect(checkCidr(block).ok).toBe(false);
  });
});
