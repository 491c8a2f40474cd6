// CIDR blocks for `cidrmatch()`. The language compares every address as IPv6, IPv4 ones as
// IPv4-mapped (::ffff:a.b.c.d), so a block can match addresses of both families: 10.0.0.0/8
// also matches ::ffff:10.1.2.3, and ::/0 also matches every IPv4 address. Splunk's cidrmatch()
// keeps the families apart, so each block is written as the IPv4 block and the IPv6 block that
// together match what the language matches. Blocks are parsed by the language's own parser
// (compiler/language/ip.ts), so "which addresses a block holds" has one definition.

import { parseCidr } from '../../../compiler/language/ip.ts';

const MAPPED = 0xffffn; // the top 96 bits of an IPv4-mapped address

function ipv4Text(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** IPv6 text: eight hex groups with the longest run of zero groups written `::`. */
function ipv6Text(value: bigint): string {
  if (value >> 32n === MAPPED) return `::ffff:${ipv4Text(value & 0xffffffffn)}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The cidrmatch() blocks for one block of the rule, or undefined when it is not a valid block. */
export function cidrmatchBlocks(block: string): string[] | undefined {
  const parsed = parseCidr(block);
  if (!parsed) return undefined;
  const { network, prefix } = parsed; // in the 128-bit space, host bits cleared
  const blocks: string[] = [];
  // IPv4 addresses the block holds: its intersection with ::ffff:0:0/96.
  if (prefix <= 96) {
    if (MAPPED >> BigInt(96 - prefix) === network >> BigInt(128 - prefix)) blocks.push('0.0.0.0/0');
  } else if (network >> 32n === MAPPED) {
    blocks.push(`${ipv4Text(network & 0xffffffffn)}/${prefix - 96}`);
  }
  blocks.push(`${ipv6Text(network)}/${prefix}`);
  return blocks;
}
