// Address comparisons for `cidrmatch()`. The language compares every address as IPv6, IPv4 ones
// as IPv4-mapped (::ffff:a.b.c.d), so a block can hold addresses of both families: 10.0.0.0/8
// also holds ::ffff:10.1.2.3, and ::/0 also holds every IPv4 address. Splunk's cidrmatch() keeps
// the families apart, so each block is written as the IPv4 block and the IPv6 block that together
// hold what the language's block holds. `==` on an ip field is the same test with a single-host
// block (10.1.2.3 → 10.1.2.3/32 and ::ffff:10.1.2.3/128), since Splunk fields are text and
// `f="10.1.2.3"` would miss the other spellings of the address. Addresses and blocks are read
// and written by the language's one IP module (compiler/language/ip.ts).

import { asIpv6, formatCidr, hostBlock, ipv4Portion, parseCidr, parseIp, type CidrBlock } from '../../../compiler/language/ip.ts';

/** The cidrmatch() blocks that together hold exactly the addresses of `block`. */
function cidrmatchBlocksOf(block: CidrBlock): string[] {
  const ipv4 = ipv4Portion(block);
  return [...(ipv4 ? [formatCidr(ipv4)] : []), formatCidr(asIpv6(block))];
}

/** The cidrmatch() blocks for one block of the rule, or undefined when it is not a valid block. */
export function cidrmatchBlocks(block: string): string[] | undefined {
  const parsed = parseCidr(block);
  return parsed ? cidrmatchBlocksOf(parsed) : undefined;
}

/** The cidrmatch() blocks that hold exactly one address, or undefined when it is not an address. */
export function addressBlocks(address: string): string[] | undefined {
  const parsed = parseIp(address);
  return parsed ? cidrmatchBlocksOf(hostBlock(parsed)) : undefined;
}
