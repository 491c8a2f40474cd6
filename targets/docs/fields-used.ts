// The fields a rule touches: its match expression, allowlists, grouping/new-terms fields, entities
// and alert fields. Shown on the rule page and searched by the site.

import { assertNever, type Expr, type Field, type Rule } from '../../compiler/ir.ts';

export function fieldsUsed(rule: Rule): Field[] {
  const found = new Map<string, Field>();
  const add = (field: Field) => {
    if (!found.has(field.name)) found.set(field.name, field);
  };
  const { detection } = rule;
  collectExprFields(detection.match, add);
  for (const allowlist of detection.allowlists) collectExprFields(allowlist.match, add);
  switch (detection.type) {
    case 'query':
      break;
    case 'new_terms':
      detection.fields.forEach(add);
      break;
    case 'threshold':
      detection.groupBy.forEach(add);
      if (detection.cardinality) add(detection.cardinality.field);
      break;
    default:
      assertNever(detection, 'detection type');
  }
  rule.entities.forEach((entity) => add(entity.field));
  rule.fields.forEach(add);
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function collectExprFields(expr: Expr, add: (field: Field) => void): void {
  switch (expr.kind) {
    case 'and':
    case 'or':
      expr.operands.forEach((operand) => collectExprFields(operand, add));
      return;
    case 'not':
      collectExprFields(expr.operand, add);
      return;
    case 'equals':
    case 'range':
    case 'like':
    case 'regex':
    case 'cidr':
    case 'exists':
      add(expr.field.field);
      return;
    default:
      assertNever(expr, 'expression');
  }
}
