// IP addresses and CIDR blocks for `cidr`, written small on purpose.
//
// Every address becomes a 128-bit number: IPv6 as is, IPv4 as its IPv4-mapped IPv6 address
// (::ffff:a.b.c.d), which is how Elasticsearch's `ip` type stores them. Consequences, documented
// in docs/language.md: an IPv4 block such as 10.0.0.0/8 matches 10.1.2.3 and ::ffff:10.1.2.3;
// 0.0.0.0/0 matches every IPv4 address and no other IPv6 address; ::/0 matches everything.

/** A parsed address: its 128-bit value, and whether it was written as IPv4. */
export interface IpAddress {
  readonly value: bigint;
  readonly version: 4 | 6;
}

/** A parsed block: network bits (host bits cleared) and prefix length in the 128-bit space. */
export interface CidrBlock {
  readonly network: bigint;
  readonly prefix: number;
  readonly version: 4 | 6;
}

const MAPPED_PREFIX = 0xffffn << 32n;
const ALL_ONES = (1n << 128n) - 1n;

/** Parses `1.2.3.4` or an IPv6 address (`::1`, `2001:db8::1`, `::ffff:1.2.3.4`); no zone ids. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { value: MAPPED_PREFIX | BigInt(v4), version: 4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { value: v6, version: 6 };
}

/** Parses `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a single host: /32 or /128). */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const width = address.version === 4 ? 32 : 128;
  let length = width;
  if (slash !== -1) {
    const digits = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(digits)) return undefined;
    length = Number(digits);
    if (length > width) return undefined;
  }
  const prefix = address.version === 4 ? 96 + length : length;
  return { network: address.value & mask(prefix), prefix, version: address.version };
}

export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  return (address.value & mask(block.prefix)) === block.network;
}

function mask(prefix: number): bigint {
  return prefix === 0 ? 0n : (ALL_ONES << BigInt(128 - prefix)) & ALL_ONES;
}

/** Four decimal octets 0–255 without leading zeros (`010` is ambiguous: octal in some parsers). */
function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const pieces = half.split(':');
    const groups: number[] = [];
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 address may only end the address.
  if (halves.length === 2 && (halves[0] ?? '').includes('.')) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}
