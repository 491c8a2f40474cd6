// `1 of pattern*` selects search identifiers with the glob matcher: a pattern with many stars
// against long identifiers finishes (the vitest timeout is the hang guard) with the right answer.
import { describe, expect, it } from 'vitest';
import { identifiersMatching } from '../../importers/sigma/condition.ts';

describe('identifiersMatching', () => {
  it.each<[string, string[], string[]]>([
    ['selection_*', ['selection_a', 'selection_', 'filter', 'xselection_a'], ['selection_a', 'selection_']],
    ['*_img', ['a_img', '_img', 'a_imgx'], ['a_img', '_img']],
    ['sel.*', ['sel.x', 'selax'], ['sel.x']],
    ['a(b)|c*', ['a(b)|cd', 'abc'], ['a(b)|cd']],
  ])('%j selects only what it names', (pattern, identifiers, selected) => {
    expect(identifiersMatching(pattern, identifiers)).toEqual(selected);
  });

  it('a*a*a*…*b against 200-character identifiers', () => {
    const pattern = `${'a*'.repeat(15)}b`;
    expect(identifiersMatching(pattern, ['a'.repeat(200), `${'a'.repeat(200)}b`])).toEqual([`${'a'.repeat(200)}b`]);
  }, 10_000);
});
