// Rule ids and names across the whole library: each base rule's and each variation's, in a
// stable order (by file, then position), so that "the first definition" is well defined.

import type { Span } from '../../diagnostics.ts';
import type { CheckContext, RuleDocument } from '../context.ts';

export interface RuleEntry {
  readonly rule: RuleDocument;
  /** The id or name as written. */
  readonly value: string;
  readonly span: Span;
  readonly isVariation: boolean;
}

export function ruleEntries(ctx: CheckContext, key: 'id' | 'name'): RuleEntry[] {
  const entries: RuleEntry[] = [];
  for (const rule of ctx.rules) {
    const base = rule.source[key];
    if (typeof base === 'string') entries.push({ rule, value: base, span: rule.doc.spanAt([key]), isVariation: false });
    (rule.source.variations ?? []).forEach((variation, i) => {
      const value = variation[key];
      if (typeof value === 'string') entries.push({ rule, value, span: rule.doc.spanAt(['variations', i, key]), isVariation: true });
    });
  }
  return entries.sort(
    (a, b) => (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.start.offset - b.span.start.offset),
  );
}

/**
 * Reports each entry whose key (after `normalise`) an earlier entry already has, with the first
 * one. Pairs within one rule file are left to the variation checks, which explain them better.
 */
export function forEachDuplicate(
  entries: readonly RuleEntry[],
  normalise: (value: string) => string,
  report: (duplicate: RuleEntry, first: RuleEntry) => void,
): void {
  const first = new Map<string, RuleEntry>();
  for (const entry of entries) {
    const key = normalise(entry.value);
    const earlier = first.get(key);
    if (!earlier) first.set(key, entry);
    else if (earlier.rule !== entry.rule) report(entry, earlier);
  }
}

/** `file:line:col` for messages. */
export function where(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}
