import { catastrophicRegex } from '../../compiler/checks/catastrophic-regex.ts';
import { checkTable } from './support.ts';

// In `  match: verb matches /…/`, the pattern's first character is at column 24: a group at
// pattern offset k is at column 24 + k.
const match = (expression: string) => `detection:\n  type: query\n  match: ${expression}\n`;

checkTable(catastrophicRegex, {
  valid: [
    { name: 'a repeated part that ends with a character the inner repetition cannot take', rules: match('verb matches /^(a+b)+$/') },
    { name: 'repetitions separated by a delimiter (Sigma)', rules: match('verb matches /^(\\s*\\d{1,3}\\s*,){2}$/') },
    { name: 'a fixed-width body under a varying count (Sigma)', rules: match('verb matches /-(W|R)\\s?([0-9a-fA-F]{2}\\s?){2,20}(\\s|")/') },
    { name: 'dotted numbers (Sigma)', rules: match('verb matches /^https?:\\/\\/(?:0[0-9]{1,11}\\.){3}0[0-9]{1,11}$/') },
    { name: 'nothing after the repetition can fail: the engine succeeds on reaching it', rules: match('verb matches /x(\\w+\\s?)+/') },
    { name: 'polynomial backtracking is not reported', rules: match('verb matches /.*a.*b.*c$/') },
    { name: 'alternatives that cannot take the same text', rules: match('verb matches /^(ab|a)*c$/ and verb matches /^(a|b)+$/') },
    { name: 'case matters without the i flag', rules: match('verb matches /^(a|A)+$/') },
    { name: 'a repetition of one character', rules: match('verb matches /^(.){200,}$/') },
    { name: 'optional parts that cannot repeat', rules: match('verb matches /^(a+)?(b+)?$/') },
  ],
  invalid: [
    {
      name: 'a repeated group that repeats inside',
      rules: match('verb matches /^(a+)+$/'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 25, message: /^In \/\^\(a\+\)\+\$\/, the repetition "\(a\+\)\+" can match the same text in more than one way \(a repeated part inside it repeats too\).*Splunk's PCRE.*"\(a\+\)\+" → "a\+"/ }],
    },
    {
      name: 'stars inside a star, then more pattern',
      rules: match('verb matches /(a*)*b/'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 24, message: '"(a*)*"' }],
    },
    {
      name: 'alternatives that overlap',
      rules: match('verb matches /^(a|aa)+$/ or verb matches /^(a|a?)+$/'),
      errors: [
        { code: 'regex/catastrophic', line: 3, column: 25, message: /"\(a\|aa\)\+".*\(its parts can match the same characters/ },
        { code: 'regex/catastrophic', line: 3, column: 53, message: '"(a|a?)+"' },
      ],
    },
    {
      name: 'a counted repetition of a repeating body',
      rules: match('verb matches /(.*a){20}$/'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 24, message: '"(.*a){20}"' }],
    },
    {
      name: 'words and optional spaces',
      rules: match('user_agent matches /^(\\w+\\s?)+$/'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 31, message: /\\w\+\(\?:\\s\\w\+\)\*/ }],
    },
    {
      name: 'the i flag makes a and A the same character',
      rules: match('verb matches /^(a|A)+$/i'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 25, message: /^In \/\^\(a\|A\)\+\$\/i,/ }],
    },
    {
      name: 'the Sigma corpus shape (invoke obfuscation): (?:.*\\)){1,} before more pattern',
      rules: match('verb matches /set.*-f(?:.*\\)){1,}.*"/'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 31, message: '"(?:.*\\)){1,}"' }],
    },
    {
      name: 'two risky groups in one pattern, each at its own column',
      rules: match('verb matches /^(a+)+x(b*)*$/'),
      errors: [
        { code: 'regex/catastrophic', line: 3, column: 25 },
        { code: 'regex/catastrophic', line: 3, column: 31 },
      ],
    },
    {
      name: 'the innermost risky repetition only',
      rules: match('verb matches /^((a+)+b)+$/'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 26, message: '"(a+)+"' }],
    },
    {
      name: 'a hundred and fifty alternatives that overlap',
      rules: match(`verb matches /^(?:${Array(150).fill('a').join('|')})+x$/`),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 25, message: /"\(\?:a\|a\|a.*…"/ }],
    },
    {
      name: 'a double-quoted scalar with YAML escapes and a \\/ in the literal',
      // Column 24 is the `/` of `/\\/(…`: the YAML `\\\\/` (3 characters) is the literal's `\\/`, the pattern's `/`.
      rules: match('"verb matches /\\\\/(\\\\d+)*$/"'),
      errors: [{ code: 'regex/catastrophic', line: 3, column: 28, message: /"\(\\d\+\)\*"/ }],
    },
    {
      name: 'a folded block scalar, on its second line',
      rules: `detection:
  type: query
  match: >-
    verb == "x"
    and image matches /^(a|aa)+$/
`,
      errors: [{ code: 'regex/catastrophic', line: 5, column: 25 }],
    },
    {
      name: 'in an allowlist',
      rules: `detection:
  type: query
  match: verb == "create"
  allowlist:
    - name: a
      match: image matches /(x+x+)+y/
`,
      errors: [{ code: 'regex/catastrophic', line: 6, column: 29, message: '"(x+x+)+"' }],
    },
  ],
});
