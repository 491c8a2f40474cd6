// The printer writes every control, invisible and bidi character of a string as a \u{…} escape,
// so an imported rule (Sigma rules detect U+202E file names) holds no raw one and still parses
// back to the same value.

import { describe, expect, it } from 'vitest';
import { printString } from '../../compiler/language/print-match.ts';
import { firstUnsafeCharacter } from '../../compiler/unsafe-characters.ts';

describe('printString', () => {
  it.each([
    ['right-to-left override', 'invoice\u202efdp.exe', '"invoice\\u{202E}fdp.exe"'],
    ['left-to-right isolate', 'a\u2066b', '"a\\u{2066}b"'],
    ['Arabic letter mark', 'a\u061cb', '"a\\u{61C}b"'],
    ['right-to-left mark', 'a\u200fb', '"a\\u{200F}b"'],
    ['ESC', '\u001b[31m', '"\\u{1B}[31m"'],
    ['NEL', 'a\u0085b', '"a\\u{85}b"'],
    ['line separator', 'a\u2028b', '"a\\u{2028}b"'],
    ['tab and line feed keep their short escapes', 'a\tb\nc', '"a\\tb\\nc"'],
  ])('%s', (_name, text, printed) => {
    expect(printString(text)).toBe(printed);
    expect(firstUnsafeCharacter(printed)).toBe(-1);
  });
});
