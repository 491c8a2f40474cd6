// Splitting a data source's KQL filter into its top-level `and` clauses, without regrouping it.

import { describe, expect, it } from 'vitest';
import { splitFilterClauses } from '../../targets/elastic/filter-clauses.ts';

describe('splitFilterClauses', () => {
  it.each([
    ['event.dataset:"a"', ['event.dataset:"a"']],
    ['event.dataset:"a" and event.provider:"b"', ['event.dataset:"a"', 'event.provider:"b"']],
    ['a:"x and y" AND b:(c and d)', ['a:"x and y"', 'b:(c and d)']],
    ['a:"q\\" and " and b:c', ['a:"q\\" and "', 'b:c']],
    ['a:b or c:d and e:f', ['a:b or c:d and e:f']],
    ['a:b and (c:d or e:f)', ['a:b', '(c:d or e:f)']],
  ])('%s', (filter, clauses) => {
    expect(splitFilterClauses(filter)).toEqual(clauses);
  });
});
