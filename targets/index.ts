// The list of targets. Adding a target is a folder under targets/ and one line here.

import { docsTarget } from './docs/index.ts';
import { elasticTarget } from './elastic/index.ts';
import { navigatorTarget } from './navigator/index.ts';
import { splunkTarget } from './splunk/index.ts';
import type { Target } from './target.ts';

export const targets: readonly Target[] = [splunkTarget, elasticTarget, docsTarget, navigatorTarget];

export function findTarget(name: string): Target | undefined {
  return targets.find((t) => t.name === name);
}
