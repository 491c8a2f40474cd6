// CIDR blocks (`10.0.0.0/8`, `2001:db8::/32`) as the `cidr` operator takes them, read by the
// language's one IP module (compiler/language/ip.ts): a block the check accepts is exactly a
// block the evaluator and the targets read.

import { formatCidr, readCidr } from '../../language/ip.ts';

export type CidrCheck =
  | { readonly ok: true; readonly block: string; readonly hostBitsSet: false }
  /** A valid block written with a host address (`10.0.0.1/8`): `normalised` is the block it means (`10.0.0.0/8`). */
  | { readonly ok: true; readonly block: string; readonly hostBitsSet: true; readonly normalised: string }
  | { readonly ok: false; readonly reason: string };

export function checkCidr(text: string): CidrCheck {
  const reading = readCidr(text);
  if (!reading.ok) return { ok: false, reason: reading.reason };
  return reading.hostBitsSet ? { ok: true, block: text, hostBitsSet: true, normalised: formatCidr(reading.block) } : { ok: true, block: text, hostBitsSet: false };
}
