// Walking a match expression's syntax tree.

import type { AstComparison, AstExpr, AstLiteral } from '../../language/ast.ts';

/** Every comparison of the expression, in source order. */
export function comparisons(expr: AstExpr): AstComparison[] {
  const found: AstComparison[] = [];
  const visit = (node: AstExpr): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        break;
      case 'not':
        visit(node.operand);
        break;
      case 'comparison':
        found.push(node);
        break;
    }
  };
  visit(expr);
  return found;
}

/** The literal values a comparison compares with: the value itself, or a list's items. */
export function literals(comparison: AstComparison): readonly AstLiteral[] {
  switch (comparison.op) {
    case 'exists':
    case 'matches':
      return [];
    default:
      return comparison.value.kind === 'list' ? comparison.value.items : [comparison.value];
  }
}

/** How a comparison is written, for messages: `image like`, `lower(user) ==`. */
export function describeComparison(comparison: AstComparison): string {
  const subject = comparison.lower ? `lower(${comparison.field.name})` : comparison.field.name;
  return `${subject} ${comparison.op}`;
}
