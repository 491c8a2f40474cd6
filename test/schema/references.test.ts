// `references` ship in every Kibana rule and become links on the pages: only web addresses.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { validateRuleDocument } from '../../compiler/schema/validate-schema.ts';

const VALID_RULE = readFileSync(new URL('../fixtures/schema/valid-rule.yml', import.meta.url), 'utf8');

/** The valid fixture with its references replaced by one item; the diagnostics about it. */
function validateReference(reference: string) {
  const text = VALID_RULE.replace(/^references:.*(\n\s+- .*)*$/m, `references:\n  - ${JSON.stringify(reference)}`);
  expect(text).not.toBe(VALID_RULE);
  const { document } = SourceDocument.parse('rule.yml', text);
  return validateRuleDocument(document!).map((d) => ({ code: d.code, message: d.message }));
}

describe('references', () => {
  it.each([
    'https://attack.mitre.org/techniques/T1610/',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM/',
    'https://[2001:db8::1]/x',
    'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9',
  ])('accepts %s', (reference) => {
    expect(validateReference(reference)).toEqual([]);
  });

  it.each([
    ['javascript:alert(document.cookie)', 'its scheme "javascript:" is refused'],
    ['JaVaScRiPt:alert(1)', 'its scheme "javascript:" is refused'],
    ['vbscript:msgbox(1)', 'its scheme "vbscript:" is refused'],
    ['file:///etc/passwd', 'its scheme "file:" is refused'],
    ['data:text/html,<script>alert(1)</script>', 'its scheme "data:" is refused'],
    ['ftp://example.com/x', 'its scheme "ftp:" is refused'],
    ['//example.com/x', 'it is not a web address'],
    ['Internal Research', 'it is not a web address'],
    ['https://exa mple.com', 'a web address holds no spaces'],
    [' https://example.com', 'it is not a web address'],
  ])('refuses %s, once, saying why', (reference, why) => {
    const diagnostics = validateReference(reference);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe('schema/pattern');
    expect(diagnostics[0]!.message).toContain(why);
    expect(diagnostics[0]!.message).toMatch(/write an address starting with https:\/\/, e\.g\. https:\/\/attack\.mitre\.org/);
  });
});
