// The list of targets. Adding a target is a folder under targets/ and one line here.

import type { Target } from './target.ts';

export const targets: readonly Target[] = [];

export function findTarget(name: string): Target | undefined {
  return targets.find((t) => t.name === name);
}
