// JavaScript regex (the match language's flavour) → PCRE with the same meaning, or a refusal.

import { describe, expect, it } from 'vitest';
import { escapeRegexText, translateRegex } from '../../targets/splunk/spl/regex.ts';
import { pcreToJs } from './pcre.ts';

const WS = '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

describe('translateRegex', () => {
  it.each([
    ['abc', '', 'abc'],
    ['^a$', '', '\\Aa\\z'],
    ['^a$', 'm', '(?<=[\\n\\r\\x{2028}\\x{2029}]|\\A)a(?=[\\n\\r\\x{2028}\\x{2029}]|\\z)'],
    ['a.b', '', 'a[^\\n\\r\\x{2028}\\x{2029}]b'],
    ['a.b', 's', '(?s)a.b'],
    ['a.b', 'is', '(?is)a.b'],
    ['\\s+', '', `[${WS}]+`],
    ['[\\sx]', '', `[${WS}x]`],
    ['\\S', '', `[^${WS}]`],
    ['\\d\\w\\b', '', '\\d\\w\\b'],
    ['\\t\\v\\x41\\u00e9', '', '\\x{09}\\x{0b}\\x{41}\\x{00e9}'],
    ['a\\/b', '', 'a\\/b'],
    ['"$`', '', '\\x{22}\\z\\x{60}'],
    ['(?<n>a)\\k<n>(?:b)(?=c)(?<!d)', '', '(?<n>a)\\k<n>(?:b)(?=c)(?<!d)'],
    ['[[a]', '', '[\\[a]'],
  ])('/%s/%s → %s', (pattern, flags, pcre) => {
    expect(translateRegex(pattern, flags)).toEqual({ ok: true, pcre });
  });

  it.each([
    ['a[]', /empty character class/],
    ['[^]', /empty character class/],
    ['\\cA', /escape/],
    ['\\a', /escape/],
    ['[\\S]', /inside a character class/],
    ['[\\b]', /backspace/],
    ['\\01', /octal/],
    ['(?i)a', /groups are supported/],
    ['[ab', /not closed/],
    ['a\\', /lone backslash/],
  ])('/%s/ is refused', (pattern, reason) => {
    const result = translateRegex(pattern, '');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each([
    ['a\nb', 'a\\nb'],
    ['line\n', 'line'],
    ['x\u2028', 'x'],
  ])('a translated regex selects what the JavaScript one does on %j', (subject) => {
    for (const [pattern, flags] of [
      ['^line$', ''],
      ['x$', 'm'],
      ['a.b', ''],
      ['\\s', ''],
    ] as const) {
      const translated = translateRegex(pattern, flags);
      if (!translated.ok) throw new Error(translated.reason);
      expect(pcreToJs(translated.pcre).test(subject), `/${pattern}/${flags}`).toBe(new RegExp(pattern, flags).test(subject));
    }
  });
});

describe('escapeRegexText', () => {
  it('escapes metacharacters only, and writes quotes, $, backticks and controls as \\x{..}', () => {
    expect(escapeRegexText('a.b*c?(d)[e]{f}|g^h\\i+j')).toBe('a\\.b\\*c\\?\\(d\\)\\[e\\]\\{f\\}\\|g\\^h\\\\i\\+j');
    expect(escapeRegexText('sys:node/-x é')).toBe('sys:node/-x é');
    expect(escapeRegexText('"$`\n\t')).toBe('\\x{22}\\x{24}\\x{60}\\x{0a}\\x{09}');
  });
});
