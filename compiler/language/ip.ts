// IP addresses and CIDR blocks: the language's one definition of what an address is, used by the
// checks, the evaluator, the Splunk and Elastic targets and the Sigma importer, so that "is this
// an address" and "which addresses does this block hold" cannot disagree between them.
//
// Every address becomes a 128-bit number: IPv6 as is, IPv4 as its IPv4-mapped IPv6 address
// (::ffff:a.b.c.d), which is how Elasticsearch's `ip` type stores them. Consequences, documented
// in docs/language.md ("Semantics"): 10.1.2.3 and ::ffff:10.1.2.3 are one address; an IPv4 block
// such as 10.0.0.0/8 holds ::ffff:10.1.2.3; 0.0.0.0/0 holds every IPv4 address and no other
// address; ::/0 holds everything.
//
// What is an address here (and everything else is refused with a reason):
// - IPv4: four decimal octets 0–255, without leading zeros (`010` is octal to some parsers, and
//   Elasticsearch refuses it);
// - IPv6: RFC 4291 text, eight groups of one to four hex digits (either case), at most one `::`,
//   optionally ending in a dotted IPv4 address.
// - Nothing around it: no spaces, no brackets, no zone id. A zone id (`fe80::1%eth0`) names a
//   network interface of one host, not part of the address: Elasticsearch drops it when it
//   indexes an event (InetAddresses ignores everything after `%`), and Splunk's cidrmatch() does
//   not read it, so a rule or test that relied on it would mean different things per target.

/** A parsed address: its 128-bit value, and whether it was written as IPv4. */
export interface IpAddress {
  readonly value: bigint;
  readonly version: 4 | 6;
}

/** A parsed block: network bits (host bits cleared) and prefix length in the 128-bit space. */
export interface CidrBlock {
  readonly network: bigint;
  /** In the 128-bit space: an IPv4 block /8 has prefix 104. */
  readonly prefix: number;
  /** The family it was written in. */
  readonly version: 4 | 6;
}

export type IpReading = { readonly ok: true; readonly address: IpAddress } | { readonly ok: false; readonly reason: string };

export type CidrReading =
  | {
      readonly ok: true;
      readonly block: CidrBlock;
      /** The text had bits set beyond its prefix (`10.0.0.1/8`): it means `formatCidr(block)`. */
      readonly hostBitsSet: boolean;
    }
  | { readonly ok: false; readonly reason: string };

const MAPPED_PREFIX = 0xffffn << 32n;
const ALL_ONES = (1n << 128n) - 1n;
const LOW_32 = 0xffffffffn;

/** Parses an address, or says (completing "… is not an IP address: ") why the text is not one. */
export function readIp(text: string): IpReading {
  if (text !== text.trim()) return fail(`it has spaces around it; write ${JSON.stringify(text.trim())}`);
  if (text === '') return fail('it is empty');
  const zone = text.indexOf('%');
  if (zone !== -1) {
    return fail(
      `${JSON.stringify(text.slice(zone))} is a zone id, which is not part of the address (Elasticsearch drops it and Splunk's cidrmatch() does not read it); write ${JSON.stringify(text.slice(0, zone))}`,
    );
  }
  if (text.startsWith('[') && text.endsWith(']')) return fail(`write it without the brackets: ${JSON.stringify(text.slice(1, -1))}`);
  if (text.includes(':')) {
    const v6 = readIpv6(text);
    return typeof v6 === 'string' ? fail(v6) : { ok: true, address: { value: v6, version: 6 } };
  }
  if (/^[0-9.]+$/.test(text)) {
    const v4 = readIpv4(text);
    return typeof v4 === 'string' ? fail(v4) : { ok: true, address: { value: MAPPED_PREFIX | BigInt(v4), version: 4 } };
  }
  return fail('write an IPv4 address such as 10.0.0.1 or an IPv6 address such as 2001:db8::1');
}

export function parseIp(text: string): IpAddress | undefined {
  const reading = readIp(text);
  return reading.ok ? reading.address : undefined;
}

/** A string that is an address, as the language reads event values and rule values alike. */
export function ipOf(value: unknown): IpAddress | undefined {
  return typeof value === 'string' ? parseIp(value) : undefined;
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.value === b.value;
}

/**
 * Parses `address/prefix` (`10.0.0.0/8`, `2001:db8::/32`), or says (completing "… is not a CIDR
 * block: ") why not. With `bareAddress: 'host'`, an address without a prefix is a single host
 * (/32 or /128), as `==` on an ip field is.
 */
export function readCidr(text: string, options: { readonly bareAddress: 'refuse' | 'host' } = { bareAddress: 'refuse' }): CidrReading {
  const slash = text.indexOf('/');
  const address = readIp(slash === -1 ? text : text.slice(0, slash));
  if (!address.ok) return { ok: false, reason: `${JSON.stringify(slash === -1 ? text : text.slice(0, slash))} is not an IP address: ${address.reason}` };
  const { version, value } = address.address;
  const width = version === 4 ? 32 : 128;
  if (slash === -1) {
    if (options.bareAddress === 'refuse') {
      return { ok: false, reason: `${JSON.stringify(text)} is a single address, not a block: write "${text}/${width}", or compare with == instead` };
    }
    return { ok: true, block: { network: value, prefix: 128, version }, hostBitsSet: false };
  }
  const digits = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(digits) || Number(digits) > width) {
    return { ok: false, reason: `${JSON.stringify(`/${digits}`)} is not a prefix length for an ${version === 4 ? 'IPv4' : 'IPv6'} block: use a whole number from 0 to ${width}` };
  }
  const prefix = Number(digits) + (version === 4 ? 96 : 0);
  const network = value & mask(prefix);
  return { ok: true, block: { network, prefix, version }, hostBitsSet: network !== value };
}

/** Parses `10.0.0.0/8`, `2001:db8::/32`, or a bare address (a single host: /32 or /128). */
export function parseCidr(text: string): CidrBlock | undefined {
  const reading = readCidr(text, { bareAddress: 'host' });
  return reading.ok ? reading.block : undefined;
}

export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  return (address.value & mask(block.prefix)) === block.network;
}

/** The single-host block of an address (what `==` on an ip field compares with). */
export function hostBlock(address: IpAddress): CidrBlock {
  return { network: address.value, prefix: 128, version: address.version };
}

/**
 * The IPv4 addresses a block holds, as an IPv4 block (`::ffff:10.0.0.0/104` → 10.0.0.0/8,
 * `::/0` → 0.0.0.0/0), or undefined when it holds none.
 */
export function ipv4Portion(block: CidrBlock): CidrBlock | undefined {
  if (block.prefix >= 96) return isMapped(block.network) ? { ...block, version: 4 } : undefined;
  // A shorter block holds all of ::ffff:0:0/96 or none of it.
  return (MAPPED_PREFIX & mask(block.prefix)) === block.network ? { network: MAPPED_PREFIX, prefix: 96, version: 4 } : undefined;
}

/** Whether every address of the block is an IPv4 address (it lies within ::ffff:0:0/96). */
export function holdsOnlyIpv4(block: CidrBlock): boolean {
  return block.prefix >= 96 && isMapped(block.network);
}

/** The block written in IPv6 notation (`10.0.0.0/8` → `::ffff:10.0.0.0/104`). */
export function asIpv6(block: CidrBlock): CidrBlock {
  return { ...block, version: 6 };
}

/**
 * RFC 5952 text: IPv4 in dotted decimal; IPv6 in lower-case hex without leading zeros, the
 * longest run of two or more zero groups (the first, on a tie) as `::`, and an IPv4-mapped
 * address as `::ffff:a.b.c.d` (RFC 5952 section 5).
 */
export function formatIp(address: IpAddress): string {
  return address.version === 4 ? ipv4Text(address.value & LOW_32) : ipv6Text(address.value);
}

/** `network/prefix` in the family the block was written in, host bits cleared. */
export function formatCidr(block: CidrBlock): string {
  return block.version === 4 && holdsOnlyIpv4(block)
    ? `${ipv4Text(block.network & LOW_32)}/${block.prefix - 96}`
    : `${ipv6Text(block.network)}/${block.prefix}`;
}

function isMapped(value: bigint): boolean {
  return value >> 32n === MAPPED_PREFIX >> 32n;
}

function mask(prefix: number): bigint {
  return prefix === 0 ? 0n : (ALL_ONES << BigInt(128 - prefix)) & ALL_ONES;
}

function fail(reason: string): IpReading {
  return { ok: false, reason };
}

function ipv4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

function ipv6Text(value: bigint): string {
  if (isMapped(value)) return `::ffff:${ipv4Text(value & LOW_32)}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1; // a single zero group is never compressed
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Four decimal octets, or why not. */
function readIpv4(text: string): number | string {
  const parts = text.split('.');
  if (parts.length !== 4) return 'an IPv4 address is four numbers from 0 to 255 separated by dots, such as 10.0.0.1';
  let value = 0;
  for (const part of parts) {
    if (part === '') return 'an IPv4 address is four numbers from 0 to 255 separated by dots, such as 10.0.0.1';
    if (part.length > 1 && part.startsWith('0')) {
      return `the octet ${JSON.stringify(part)} has a leading zero, which some parsers read as octal and Elasticsearch refuses; write ${parts.map((p) => String(Number(p))).join('.')} if the octets are decimal`;
    }
    const octet = Number(part);
    if (part.length > 3 || octet > 255) return `the octet ${part} is greater than 255`;
    value = value * 256 + octet;
  }
  return value;
}

/** The 128 bits of an IPv6 address, or why not. */
function readIpv6(text: string): bigint | string {
  const halves = text.split('::');
  if (halves.length > 2) return '"::" may appear only once in an IPv6 address';
  const [head = '', tail] = halves;
  const groupsOf = (half: string, last: boolean): number[] | string => {
    if (half === '') return [];
    const pieces = half.split(':');
    const groups: number[] = [];
    for (const [index, piece] of pieces.entries()) {
      if (piece.includes('.')) {
        if (!last || index !== pieces.length - 1) return 'an embedded IPv4 address may only end an IPv6 address';
        const v4 = readIpv4(piece);
        if (typeof v4 === 'string') return `its IPv4 part: ${v4}`;
        groups.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else if (piece === '') {
        return 'an IPv6 address cannot start or end with a single ":" or hold ":::"';
      } else {
        return `${JSON.stringify(piece)} is not a group of one to four hex digits`;
      }
    }
    return groups;
  };
  const first = groupsOf(head, tail === undefined);
  if (typeof first === 'string') return first;
  const second = tail === undefined ? [] : groupsOf(tail, true);
  if (typeof second === 'string') return second;
  const count = first.length + second.length;
  if (tail === undefined && count !== 8) return `it has ${count} groups; an IPv6 address has eight, or fewer with "::" standing for the zero groups`;
  if (tail !== undefined && count > 7) return `it has ${count} groups besides "::", which must stand for at least one zero group`;
  const groups = [...first, ...new Array<number>(8 - count).fill(0), ...second];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}
