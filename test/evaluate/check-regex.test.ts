import { describe, expect, it } from 'vitest';
import { checkRegex } from '../../compiler/language/regex-portability.ts';

describe('checkRegex: the portable flavour', () => {
  it.each([
    ['cmd\\.exe', ''],
    ['^/api/v1/.*\\.php$', 'i'],
    ['^(curl|wget)$', ''],
    ['(?:a|b)+c{2,3}d{4}e{1,}', 's'],
    ['[A-Za-z0-9_-]+\\d\\w\\s\\D\\W\\S', ''],
    ['[\\d.]+', ''],
    ['a.*?b', ''],
    ['\\x41\\t\\n\\r', ''],
    ['^a|^b|c$', ''],
    ['@#&<>~"', ''],
    ['multi', 'm'],
    ['\\(\\)\\[\\]\\{\\}\\^\\$\\|\\/\\\\', ''],
  ])('accepts /%s/%s', (pattern, flags) => {
    expect(checkRegex(pattern, flags)).toBeUndefined();
  });

  it.each([
    ['(a', '', /^Invalid regular expression: .*Fix the pattern\.$/],
    ['a', 'g', /"g" is not a valid set of regex flags/],
    ['a', 'ii', /"ii" is not a valid set of regex flags/],
    ['foo(?=bar)', '', /^Lookahead "\(\?=" has no Elastic equivalent/],
    ['foo(?!bar)', '', /^Lookahead "\(\?!"/],
    ['(?<=a)b', '', /^Lookbehind "\(\?<="/],
    ['(?<!a)b', '', /^Lookbehind "\(\?<!"/],
    ['(a)\\1', '', /"\\1" is a backreference/],
    ['(?<n>a)', '', /^Named groups are not portable/],
    ['(?i)cmd', '', /^Inline flags such as \(\?i\) are not portable: write the flag after the pattern/],
    ['(^|\\/)\\.ssh', '', /"\^" is portable only at the start/],
    ['\\bword\\b', '', /"\\b" \(word boundary\)/],
    ['[\\S]', '', /"\\S" inside \[\.\.\.\] cannot be translated/],
    ['\\u0041', '', /"\\u" escapes are not understood by Splunk/],
    ['\\cA', '', /"\\c" is not a portable escape/],
    ['[[:alpha:]]', '', /POSIX classes/],
    ['[]a]', '', /means different things in JavaScript and PCRE/],
    ['a{', '', /Write \\\{ for a literal "\{"/],
    ['a}', '', /Write \\\} for a literal "\}"/],
    ['a^b', '', /"\^" is portable only at the start/],
    ['(^a)', '', /"\^" is portable only at the start/],
    ['a$b', '', /"\$" is portable only at the end/],
    ['^a', 'm', /"\^" with the m flag/],
  ])('refuses /%s/%s', (pattern, flags, message) => {
    const problem = checkRegex(pattern, flags);
    expect(problem).toMatch(message);
    if (!problem?.startsWith('Invalid') && !problem?.includes('flags')) expect(problem).toMatch(/docs\/language\.md/);
  });
});
