// The Markdown templates run without Handlebars' HTML escaping, so every value they print must
// go through a Markdown helper. This walks each template's syntax tree and fails on a bare `{{x}}`.

import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { markdownHelpers, templateSources } from '../../targets/docs/render.ts';

const printing = new Set(Object.keys(markdownHelpers));

/** The values a template prints without a Markdown helper, as `line:column name`. */
function unescapedOutputs(source: string): string[] {
  const found: string[] = [];
  class Visitor extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : node.path.type;
      if (!printing.has(name) || node.params.length === 0) found.push(`${node.loc.start.line}:${node.loc.start.column} ${name}`);
      super.MustacheStatement(node);
    }
  }
  new Visitor().accept(Handlebars.parse(source));
  return found;
}

describe('Markdown templates print values only through Markdown helpers', () => {
  const { pages, partials } = templateSources('md');
  const all = [...[...pages].map(([n, s]) => [`${n}.hbs`, s] as const), ...[...partials].map(([n, s]) => [`partials/${n}.hbs`, s] as const)];

  it('finds the templates', () => {
    expect(all.map(([name]) => name)).toEqual(expect.arrayContaining(['rule.hbs', 'index.hbs', 'partials/cortex.hbs']));
  });

  for (const [name, source] of all) {
    it(name, () => {
      expect(unescapedOutputs(source)).toEqual([]);
    });
  }

  it('catches a bare value, a triple-stash and a helper-less call', () => {
    expect(unescapedOutputs('# {{name}}\n{{{description}}}\n{{text}}\n{{text name}}')).toEqual([
      '1:2 name',
      '2:0 description',
      '3:0 text',
    ]);
  });
});

describe('HTML templates never print with a triple-stash', () => {
  const { pages, partials } = templateSources('html');
  for (const [name, source] of [...pages, ...partials]) {
    it(name, () => {
      const triple: string[] = [];
      class Visitor extends Handlebars.Visitor {
        override MustacheStatement(node: hbs.AST.MustacheStatement): void {
          if (!node.escaped) triple.push(`${node.loc.start.line}:${node.loc.start.column}`);
          super.MustacheStatement(node);
        }
      }
      new Visitor().accept(Handlebars.parse(source));
      expect(triple).toEqual([]);
    });
  }
});
