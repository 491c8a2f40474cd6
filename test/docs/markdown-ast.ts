// Parses Markdown into a syntax tree with the CommonMark parser prettier ships (remark), so that
// tests can check what a reader's renderer would make of our output, not just which bytes we wrote.

import * as prettier from 'prettier';

// prettier exports its parsers' entry point as `__debug` (untyped); the tree is remark's mdast.
const { __debug } = prettier as unknown as {
  __debug: { parse(text: string, options: { parser: string }): Promise<{ ast: unknown }> };
};

export interface MdNode {
  readonly type: string;
  readonly value?: string;
  readonly url?: string;
  readonly lang?: string | null;
  readonly children?: readonly MdNode[];
}

export async function parseMarkdown(text: string): Promise<MdNode> {
  const { ast } = (await __debug.parse(text, { parser: 'markdown' })) as unknown as { ast: MdNode };
  return ast;
}

export function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  node.children?.forEach((child) => walk(child, visit));
}

/** Types of every node in the tree. */
export function nodeTypes(node: MdNode): Set<string> {
  const types = new Set<string>();
  walk(node, (n) => types.add(n.type));
  return types;
}

/** The text of a paragraph as a renderer shows it (text node values joined). */
export function plainText(node: MdNode): string {
  let text = '';
  walk(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') text += n.value ?? '';
  });
  return text;
}
