// The alert message names fields as `$field$` tokens, which Splunk (and our other targets) fill
// in from the alert. A token must name a field of the data source, and that field must be among
// the rule's `fields`, or the alert has no value for it and the message shows a blank.

import { error, warning } from '../diagnostics.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Check } from './check.ts';
import { fieldsOf } from './support/data-source-fields.ts';
import { messageTokens } from './support/message-tokens.ts';
import { fieldsListName, ruleVariants } from './support/rule-variants.ts';

export const messageTokenFields: Check = {
  name: 'message-tokens',
  codes: ['message/unknown-token', 'message/token-not-in-fields'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const known = fieldsOf(ctx, rule);
      if (!known) continue;
      for (const variant of ruleVariants(rule)) {
        const { value: message, path } = variant.message;
        for (const token of messageTokens(rule.doc, path, message)) {
          if (!known.has(token.name)) {
            const suggestion = didYouMean(token.name, known.keys());
            const fix = suggestion ? `Did you mean $${suggestion}$?` : `Use a field of data source "${rule.source.data_source}".`;
            ctx.report(error('message/unknown-token', token.span, `The message token $${token.name}$ names no field of data source "${rule.source.data_source}". ${fix}`));
          } else if (!variant.fields.value.includes(token.name)) {
            ctx.report(
              warning(
                'message/token-not-in-fields',
                token.span,
                `The message uses $${token.name}$, but "${token.name}" is not in ${fieldsListName(variant)}, so the alert has no value for it. Add "${token.name}" there.`,
              ),
            );
          }
        }
      }
    }
  },
};
