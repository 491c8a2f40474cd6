// Every field a rule names must be a field of its data source: in match expressions (detection,
// allowlists, variations), new_terms fields, threshold group_by and cardinality, entities,
// `fields`, and the keys of test events. An unmapped field passing through silently is the most
// common failure of rule formats that do not check this; here it is an error with a suggestion.
// (`$field$` tokens in the message have their own check, message-tokens.ts.)

import { error } from '../diagnostics.ts';
import { quote } from '../quote.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { Path } from '../load/source-document.ts';
import type { FieldSource } from '../load/source-types.ts';
import type { Check } from './check.ts';
import type { CheckContext, RuleDocument } from './context.ts';
import { comparisons } from './support/ast-walk.ts';
import { fieldsOf } from './support/data-source-fields.ts';
import { written } from './support/rule-variants.ts';
import { eventKeys } from './support/test-event-keys.ts';

export const unknownField: Check = {
  name: 'unknown-field',
  codes: ['field/unknown'],
  run(ctx) {
    for (const rule of ctx.rules) {
      const fields = fieldsOf(ctx, rule);
      if (fields) checkRule(ctx, rule, fields);
    }
  },
};

function checkRule(ctx: CheckContext, rule: RuleDocument, fields: ReadonlyMap<string, FieldSource>): void {
  const { doc } = rule;
  const dataSource = rule.source.data_source;
  const unknown = (name: string, where: string, span = doc.spanAt([])) => {
    const suggestion = didYouMean(name, fields.keys()) ?? longerName(name, fields);
    const fix = suggestion
      ? `Did you mean ${quote(suggestion)}?`
      : `Use a field that data source ${quote(dataSource)} defines, or add ${quote(name)} to it.`;
    ctx.report(error('field/unknown', span, `Unknown field ${quote(name)} ${where}: data source ${quote(dataSource)} does not define it. ${fix}`));
  };
  const checkName = (name: string | undefined, path: Path, where: string) => {
    if (typeof name === 'string' && !fields.has(name)) unknown(name, where, doc.spanAt(path));
  };

  for (const match of rule.matches) {
    for (const comparison of comparisons(match.ast)) {
      const name = comparison.field.name;
      if (!fields.has(name)) unknown(name, 'in the match expression', comparison.field.span);
    }
  }

  for (const { value: detection, path } of written(rule, (v) => v.detection)) {
    detection.new_terms?.fields?.forEach((name, i) => checkName(name, [...path, 'new_terms', 'fields', i], 'in new_terms fields'));
    detection.threshold?.group_by?.forEach((name, i) => checkName(name, [...path, 'threshold', 'group_by', i], 'in threshold group_by'));
    checkName(detection.threshold?.cardinality?.field, [...path, 'threshold', 'cardinality', 'field'], 'in threshold cardinality');
  }
  for (const { value: entities, path } of written(rule, (v) => v.entities)) {
    entities.forEach((entity, i) => checkName(entity.field, [...path, i, 'field'], 'in entities'));
  }
  for (const { value: names, path } of written(rule, (v) => v.fields)) {
    names.forEach((name, i) => checkName(name, [...path, i], 'in fields'));
  }

  for (const { value: tests, path } of written(rule, (v) => v.tests)) {
    tests.forEach((test, t) => {
      for (const list of ['events', 'history'] as const) {
        (test[list] ?? []).forEach((event, e) => {
          const eventPath = [...path, t, list, e];
          for (const key of eventKeys(event, (name) => fields.has(name))) {
            if (key.known) continue;
            const where = list === 'events' ? 'in a test event' : 'in a test history event';
            unknown(key.name, where, doc.keySpanAt([...eventPath, ...key.path]));
          }
        });
      }
    });
  }
}

/** `user` when the data source has `user.name`: the author wrote the object, not the field. */
function longerName(name: string, fields: ReadonlyMap<string, FieldSource>): string | undefined {
  return [...fields.keys()].sort().find((field) => field.startsWith(`${name}.`));
}
