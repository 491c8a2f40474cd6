// A rule's `data_source` must name a data source of the library: its fields and per-target
// mapping come from there.

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Check } from './check.ts';

export const unknownDataSource: Check = {
  name: 'unknown-data-source',
  codes: ['rule/unknown-data-source'],
  run(ctx) {
    const known = [...ctx.dataSources.keys()].sort();
    for (const { doc, source } of ctx.rules) {
      if (ctx.dataSources.has(source.data_source)) continue;
      const suggestion = didYouMean(source.data_source, known);
      const fix = suggestion
        ? `Did you mean ${quote(suggestion)}?`
        : known.length > 0
          ? `Use one of: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}; or add a data source definition under rules/data-sources/.`
          : 'Add a data source definition (a YAML file under rules/data-sources/) with this name.';
      ctx.report(error('rule/unknown-data-source', doc.spanAt(['data_source']), `Unknown data source ${quote(source.data_source)}. ${fix}`));
    }
  },
};
