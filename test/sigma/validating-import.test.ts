// Sigma inputs shaped to break detc's checks once imported ($ tokens in titles, control and
// bidi characters, absurd windows and counts, ip values the language does not read as
// addresses, copied ids and titles): each is either imported as a rule that validates, or
// refused with a code and a reason. Never an imported rule that fails `detc validate`.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { writeOutputAtomically } from '../../driver/write-output.ts';
import { importSigma } from '../../importers/sigma/index.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), 'detc-sigma-validating-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const imported = importSigma(['test/fixtures/sigma/validating'], REPO);
const ruleText = async (file: string) => (await imported).files.get(`rules/validating/${file}`) ?? '';

describe('importing Sigma rules that would break checks', () => {
  it('imports or refuses each file, with the expected code', async () => {
    const { report } = await imported;
    expect(report.files.map((f) => [f.file.replace('test/fixtures/sigma/validating/', ''), f.status === 'refused' ? f.code : 'imported'])).toEqual([
      ['control_characters.yml', 'imported'],
      ['correlation_long_timespan.yml', 'sigma/timespan'],
      ['count_at_least_zero.yml', 'imported'],
      ['dollar_tokens.yml', 'imported'],
      ['huge_count.yml', 'sigma/aggregation-count'],
      ['huge_timeframe.yml', 'sigma/timeframe'],
      ['ip_bad_block.yml', 'sigma/cidr-value'],
      ['ip_values.yml', 'imported'],
      ['ip_zone_id.yml', 'sigma/text-on-ip'],
      ['same_id_copy.yml', 'sigma/duplicate-id'],
      ['same_title_other_case.yml', 'sigma/duplicate-title'],
    ]);
    for (const entry of report.files) if (entry.status === 'refused') expect(entry.reason.length).toBeGreaterThan(40);
  });

  it('writes a library that passes detc validate with no error', async () => {
    const { files } = await imported;
    const out = join(scratch, 'imported');
    await writeOutputAtomically(out, [...files].map(([path, contents]) => ({ path, contents })));
    const result = await compileLibrary({ paths: [out], cwd: scratch });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.file}:${d.span.start.line}: ${d.code} ${d.message}`);
    expect(errors).toEqual([]);
    expect(result.library?.rules.length).toBe(4);
  });

  it('keeps $ out of the message, where $name$ is a field token, and in the name', async () => {
    const text = await ruleText('dollar_tokens.yml');
    expect(text).toContain('message: MFT Access via var Tools Costing 5 Near Image\n');
    expect(text).toContain('name: $MFT$ Access via $var$ Tools Costing $5 Near $Image$\n');
  });

  it('leaves control and bidi characters out of one-line and multi-line texts', async () => {
    const text = await ruleText('control_characters.yml');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e\u200f]/);
    expect(text).toContain('name: Hidden Text On Two Lines\n');
    expect(text).toContain('author: Someone Else\n');
  });

  it('compares ip values as addresses: no lower() on an ip field', async () => {
    const text = await ruleText('ip_values.yml');
    expect(text).toContain('DestinationIp in ["2001:DB8::1", "::FFFF:10.1.2.3"]');
    expect(text).toContain('SourceIp cidr "FD00::/8"');
    expect(text).not.toContain('lower(');
  });

  it('reads count() >= 0 per group as at least one event', async () => {
    expect(await ruleText('count_at_least_zero.yml')).toMatch(/threshold:\n\s+group_by: \[TargetUserName\]\n\s+value: 1\n/);
  });
});
