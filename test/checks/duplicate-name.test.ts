import { describe, expect, it } from 'vitest';
import { duplicateName } from '../../compiler/checks/duplicate-name.ts';
import { comparableName } from '../../compiler/checks/support/comparable-name.ts';
import { checkTable } from './support.ts';

checkTable(duplicateName, {
  valid: [
    { name: 'distinct names', rules: { 'a.yml': 'name: Pod created\n', 'b.yml': 'name: Pod deleted\n' } },
    { name: 'names that differ by a letter with a diacritic', rules: { 'a.yml': 'name: Resume\n', 'b.yml': 'name: Résumé\n' } },
    { name: 'names that differ by a digit', rules: { 'a.yml': 'name: Stage 1\n', 'b.yml': 'name: Stage 2\n' } },
  ],
  invalid: [
    {
      name: 'the same name in two files, ignoring case and spacing',
      rules: { 'a.yml': 'name: Pod  created\n', 'b.yml': 'version: 1\nname: pod created\n' },
      errors: [{ code: 'rule/duplicate-name', file: 'b.yml', line: 2, column: 7, message: /^The name "pod created" is already used by the rule at a\.yml:1:7\. Rename one/, related: ['a.yml:1:7'] }],
    },
    {
      name: 'a variation named like another rule, reported once per duplicate',
      rules: {
        'a.yml': 'name: Shared\n',
        'b.yml': 'variations:\n  - { id: 22222222-2222-4222-8222-222222222222, name: Shared }\n',
        'c.yml': 'name: Shared\n',
      },
      errors: [
        { code: 'rule/duplicate-name', file: 'b.yml', line: 2, column: 55, related: ['a.yml:1:7'] },
        { code: 'rule/duplicate-name', file: 'c.yml', line: 1, column: 7, related: ['a.yml:1:7'] },
      ],
    },
    ...(
      [
        ['full-width letters', 'Ｐｏｄ Ｃｒｅａｔｅｄ'],
        ['a ligature', 'Proﬁle pod', 'Profile pod'],
        ['a zero-width space', 'Pod\u200b Created'],
        ['a soft hyphen', 'Pod Cre\u00adated'],
        ['decomposed and composed accents', 'Caf\u0065\u0301 Pod', 'Caf\u00e9 Pod'],
        ['a non-breaking space', 'Pod\u00a0Created'],
        ['upper-case sharp s', 'STRASSE Pod', 'straße pod'],
        ['mathematical bold letters', '𝐏𝐨𝐝 Created'],
      ] as const
    ).map(([what, second, first = 'Pod Created']) => ({
      name: `names that differ only by ${what}`,
      rules: { 'a.yml': `name: "${first}"\n`, 'b.yml': `name: "${second}"\n` },
      errors: [{ code: 'rule/duplicate-name', file: 'b.yml', line: 1, column: 7, related: ['a.yml:1:7'] }],
    })),
    {
      name: 'says when the names only look alike',
      rules: { 'a.yml': 'name: Admin login\n', 'b.yml': 'name: Ａｄｍｉｎ login\n' },
      errors: [{ code: 'rule/duplicate-name', file: 'b.yml', line: 1, column: 7, message: 'It reads the same as "Admin login": the names differ only in Unicode form' }],
    },
  ],
});

describe('comparableName', () => {
  it.each([
    ['Ｐｏｄ', 'pod'],
    ['ﬁle', 'file'],
    ['x\u200by', 'xy'],
    ['  A \t B  ', 'a b'],
    ['Straße', 'strasse'],
    ['Ⅻ', 'xii'],
    ['e\u0301', '\u00e9'],
  ])('%s → %s', (name, expected) => {
    expect(comparableName(name)).toBe(expected);
  });
});
