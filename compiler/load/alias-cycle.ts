// A YAML alias inside the node it refers to (`&a [*a]`, `&e { self: *e }`) makes the value
// infinitely deep: every stage that walks it would recurse for ever. An alias can only name an
// anchor written before it, so every such cycle is an alias inside its own anchor's node.

import { visit, type Alias, type Document } from 'yaml';

/** The first alias that stands inside the node it refers to, if any. */
export function aliasCycle(document: Document.Parsed): Alias | undefined {
  let found: Alias | undefined;
  visit(document, {
    Alias(_key, node, path) {
      const target = node.resolve(document);
      if (target && path.includes(target)) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
