// A variation is a rule of its own: it needs an id and a name different from its base rule's and
// from its sibling variations'. (Clashes with other rule files are rule/duplicate-id and
// rule/duplicate-name.)

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { comparableName } from './support/comparable-name.ts';

export const variationIdentity: Check = {
  name: 'variation-identity',
  codes: ['variation/same-id-as-base', 'variation/duplicate-id', 'variation/same-name-as-base', 'variation/duplicate-name'],
  run(ctx) {
    for (const { doc, source } of ctx.rules) {
      const variations = source.variations ?? [];
      for (const key of ['id', 'name'] as const) {
        const normalise = (value: string) => (key === 'id' ? value.toLowerCase() : comparableName(value));
        const base = normalise(String(source[key]));
        const seen = new Map<string, number>();
        variations.forEach((variation, i) => {
          const value = variation[key];
          if (typeof value !== 'string') return;
          const span = doc.spanAt(['variations', i, key]);
          const fix = key === 'id' ? 'Give the variation its own UUID.' : 'Give the variation a name that says how it differs.';
          const earlier = seen.get(normalise(value));
          if (normalise(value) === base) {
            ctx.report(
              error(`variation/same-${key}-as-base`, span, `This variation has the same ${key} as its base rule (${quote(value)}). ${fix}`, [
                { span: doc.spanAt([key]), message: `the base rule's ${key}` },
              ]),
            );
          } else if (earlier !== undefined) {
            ctx.report(
              error(`variation/duplicate-${key}`, span, `Another variation of this rule already has the ${key} ${quote(value)}. ${fix}`, [
                { span: doc.spanAt(['variations', earlier, key]), message: 'first defined here' },
              ]),
            );
          } else {
            seen.set(normalise(value), i);
          }
        });
      }
    }
  },
};
