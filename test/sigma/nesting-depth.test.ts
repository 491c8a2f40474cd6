// Sigma conditions are bounded like match expressions: the condition parser never sees one
// nested deeper than detc reads (sigma/too-deep instead of a RangeError), and the importer never
// writes a rule whose match expression would fail match/too-deep.

import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH } from '../../compiler/language/nesting-depth.ts';
import { parseMatchText } from '../../compiler/parse/parse-match.ts';
import { importDetection } from './import-helpers.ts';

const LIMIT = MAX_NESTING_DEPTH;
const either = { s: [{ Image: 'a' }, { User: 'b' }] };

function refusal(condition: string, detection: Record<string, unknown> = { s: { Image: 'a' } }) {
  const result = importDetection(detection, { condition });
  return result.kind === 'refused' ? [result.code, result.reason] : ['imported', result.rule.detection.match];
}

describe('sigma/too-deep', () => {
  it.each([
    ['5,000 parentheses', `${'('.repeat(5_000)}s${')'.repeat(5_000)}`, 'at column 65'],
    ['10,000 NOTs', `${'NOT '.repeat(10_000)}s`, `at column ${4 * LIMIT + 1}`],
    ['one level more than the limit', `${'not ('.repeat(LIMIT / 2)}(s${')'.repeat(LIMIT / 2 + 1)}`, `at column ${5 * (LIMIT / 2) + 1}`],
  ])('refuses a condition with %s before parsing it', (_name, condition, where) => {
    const [code, reason] = refusal(condition);
    expect(code).toBe('sigma/too-deep');
    expect(reason).toContain(`more than ${LIMIT} levels deep (${where})`);
  });

  it('imports a condition at the limit (grouping parentheses leave no trace in the match)', () => {
    expect(refusal(`${'('.repeat(LIMIT)}s${')'.repeat(LIMIT)}`)).toEqual(['imported', 'lower(Image) == "a"']);
  });

  it('imports a match expression at exactly the limit, which then parses', () => {
    const [status, match] = refusal(`${'not '.repeat(LIMIT - 1)}s`, either);
    expect(status).toBe('imported');
    expect(match).toBe(`${'not '.repeat(LIMIT - 1)}(lower(Image) == "a" or lower(User) == "b")`);
    expect(parseMatchText(match!, 'rule.yml').diagnostics).toEqual([]);
  });

  it('refuses a condition within the limit whose selections take the match past it', () => {
    // 64 nots are allowed in the condition; the list of maps adds a group in the match.
    const [code, reason] = refusal(`${'not '.repeat(LIMIT)}s`, either);
    expect(code).toBe('sigma/too-deep');
    expect(reason).toContain(`The match expression this detection becomes nests parentheses and "not" more than ${LIMIT} levels deep`);
  });
});
