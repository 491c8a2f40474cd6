// Lowering resolves ATT&CK ids and names through the shipped catalog (compiler/attack/).

import { resolveTactic, resolveTechnique } from '../attack/catalog.ts';
import type { AttackResolver } from './lower-rule.ts';

export function attackResolver(): AttackResolver {
  return { tactic: resolveTactic, technique: resolveTechnique };
}
