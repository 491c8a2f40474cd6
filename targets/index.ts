// The list of targets, in build order. Adding a target is a folder under targets/ and one line here.
//
// Each line names a target and how to load it: a target's code (and what it needs, such as the
// docs templates and handlebars) is imported only when a build selects it, so
// `detc build --target splunk` never loads the docs pages.

import type { Target } from './target.ts';

interface TargetEntry {
  readonly name: string;
  load(): Promise<Target>;
}

const entries: readonly TargetEntry[] = [
  { name: 'splunk', load: async () => (await import('./splunk/index.ts')).splunkTarget },
  { name: 'elastic', load: async () => (await import('./elastic/index.ts')).elasticTarget },
  { name: 'docs', load: async () => (await import('./docs/index.ts')).docsTarget },
  { name: 'navigator', load: async () => (await import('./navigator/index.ts')).navigatorTarget },
];

/** Every target's name, in build order (docs after the targets whose queries it shows). */
export function targetNames(): string[] {
  return entries.map((e) => e.name);
}

/** The targets of these names (all by default), loaded, in build order; unknown names are ignored. */
export async function loadTargets(names: readonly string[] = targetNames()): Promise<Target[]> {
  return Promise.all(entries.filter((e) => names.includes(e.name)).map((e) => e.load()));
}
