// `new_terms` settings mean something only to a new_terms detection, and `threshold` settings
// only to a threshold one. On another type they are silently ignored, which usually means the
// author changed the type and forgot the block, or set the wrong type.

import { warning } from '../diagnostics.ts';
import type { Check } from './check.ts';
import { written } from './support/rule-variants.ts';

export const unusedDetectionSettings: Check = {
  name: 'unused-detection-settings',
  codes: ['detection/unused-settings'],
  run(ctx) {
    for (const rule of ctx.rules) {
      for (const { value: detection, path } of written(rule, (v) => v.detection)) {
        for (const block of ['new_terms', 'threshold'] as const) {
          if (detection[block] === undefined || detection.type === block) continue;
          ctx.report(
            warning(
              'detection/unused-settings',
              rule.doc.keySpanAt([...path, block]),
              `This is a ${detection.type} detection, so its \`${block}\` settings are ignored. Remove them, or set \`type: ${block}\`.`,
            ),
          );
        }
      }
    }
  },
};
