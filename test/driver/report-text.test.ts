// A report file quotes rule text (refusal reasons, titles); CI jobs print it, so it carries the
// same escapes as detc's JSON on stdout (driver/cli/terminal-text.ts).

import { describe, expect, it } from 'vitest';
import { reportText } from '../../driver/output-report-file.ts';

describe('reportText', () => {
  it.each([
    ['a right-to-left override', '\u202e', '\\u202e'],
    ['a C1 control', '\u009b', '\\u009b'],
    ['a line separator', '\u2028', '\\u2028'],
    ['DEL', '\u007f', '\\u007f'],
    ['ESC', '\u001b', '\\u001b'],
    ['a legacy runner command', '##[error]x', '##\\u005berror]x'],
  ])('writes %s as an escape', (_name, raw, escaped) => {
    const text = reportText('import sigma', { files: [{ reason: `a${raw}b` }] });
    expect(text).toContain(`"reason": "a${escaped}b"`);
    expect(text).not.toContain(raw);
    expect(JSON.parse(text)).toEqual({ generator: 'detc import sigma', files: [{ reason: `a${raw}b` }] });
  });
});
