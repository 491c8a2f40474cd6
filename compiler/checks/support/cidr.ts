// CIDR blocks (`10.0.0.0/8`, `2001:db8::/32`) as the `cidr` operator takes them. Node's `net`
// module validates the address; the arithmetic on the prefix is ours, because Node has no
// function that tells whether an address has bits set beyond its prefix.

import { isIPv4, isIPv6 } from 'node:net';

export type CidrCheck =
  | { readonly ok: true; readonly block: string; readonly hostBitsSet: false }
  /** A valid block written with a host address (`10.0.0.1/8`): `normalised` is the block it means (`10.0.0.0/8`). */
  | { readonly ok: true; readonly block: string; readonly hostBitsSet: true; readonly normalised: string }
  | { readonly ok: false; readonly reason: string };

export function checkCidr(text: string): CidrCheck {
  const slash = text.indexOf('/');
  if (slash < 0) {
    return isIPv4(text) || isIPv6(text)
      ? { ok: false, reason: `"${text}" is a single address, not a block: write "${text}/${isIPv4(text) ? 32 : 128}", or compare with == instead` }
      : { ok: false, reason: `"${text}" is not a CIDR block: write an address, a slash and a prefix length, e.g. "10.0.0.0/8" or "2001:db8::/32"` };
  }
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const v4 = isIPv4(address);
  if (!v4 && !(isIPv6(address) && !address.includes('%'))) {
    return { ok: false, reason: `"${address}" is not an IPv4 or IPv6 address: write a block such as "10.0.0.0/8" or "2001:db8::/32"` };
  }
  const maxPrefix = v4 ? 32 : 128;
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText) || Number(prefixText) > maxPrefix) {
    return { ok: false, reason: `"/${prefixText}" is not a valid prefix length for an ${v4 ? 'IPv4' : 'IPv6'} block: use a whole number from 0 to ${maxPrefix}` };
  }
  const prefix = Number(prefixText);
  const bits = v4 ? ipv4Bits(address) : ipv6Bits(address);
  const hostMask = (1n << BigInt(maxPrefix - prefix)) - 1n;
  if ((bits & hostMask) === 0n) return { ok: true, block: text, hostBitsSet: false };
  const network = bits & ~hostMask;
  const normalised = `${v4 ? formatIPv4(network) : formatIPv6(network)}/${prefix}`;
  return { ok: true, block: text, hostBitsSet: true, normalised };
}

function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((bits, octet) => (bits << 8n) | BigInt(Number(octet)), 0n);
}

/** The 128 bits of an IPv6 address (already validated by `isIPv6`), including `::` and an embedded IPv4 tail. */
function ipv6Bits(address: string): bigint {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Bits(tail);
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : new Array<string>(8 - headGroups.length - restGroups.length).fill('0');
  return [...headGroups, ...zeros, ...restGroups].reduce((bits, group) => (bits << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function formatIPv4(bits: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((bits >> shift) & 0xffn)).join('.');
}

/** RFC 5952 text: lower-case hex, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIPv6(bits: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((bits >> BigInt((7 - i) * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
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
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
