// File names for pages. A slug comes from the rule name (readable links, like Cortex's page per
// alert name); two rules whose names slug alike get their id's first block appended, so that every
// page keeps its own file and the choice does not depend on anything but the rules themselves.

import type { Rule } from '../../compiler/ir.ts';

const maxLength = 80;

/**
 * Windows reserves these names for devices, whatever the extension: a page `con.html` or
 * `nul.md` cannot be written or opened there. Slugs hold only a-z, 0-9 and `-`.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  // `_` never appears in a slug otherwise, so `con_` cannot collide with another name's slug.
  return WINDOWS_RESERVED.test(slug) ? `${slug}_` : slug;
}

/** Slugs for every rule id (base rules and variations), unique across the library. */
export function assignSlugs(rules: readonly Rule[]): ReadonlyMap<string, string> {
  const byId = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = new Map<string, number>();
  for (const rule of byId) {
    const slug = slugify(rule.name) || 'rule';
    counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const rule of byId) {
    const base = slugify(rule.name) || 'rule';
    let slug = counts.get(base) === 1 ? base : `${base}-${slugify(rule.id).split('-')[0] || 'rule'}`;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${slugify(rule.id)}-${n}`;
    taken.add(slug);
    slugs.set(rule.id, slug);
  }
  return slugs;
}
