// A variation that overrides nothing but its id and name compiles to a second copy of its base
// rule: two alerts for every event.

import { warning } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';

const IDENTITY = new Set(['id', 'name']);

export const variationChanges: Check = {
  name: 'variation-changes',
  codes: ['variation/no-changes'],
  run(ctx) {
    for (const { doc, source } of ctx.rules) {
      (source.variations ?? []).forEach((variation, i) => {
        if (Object.keys(variation).some((key) => !IDENTITY.has(key))) return;
        ctx.report(
          warning(
            'variation/no-changes',
            doc.spanAt(['variations', i]),
            `The variation ${quote(variation.name)} changes nothing but its id and name, so it duplicates the base rule's alerts. Override what makes it different (detection, severity, …), or remove it.`,
          ),
        );
      });
    }
  },
};
