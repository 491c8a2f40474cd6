// A threshold test's verdict must not depend on the time zone of the machine that runs it:
// `_time` carries its UTC offset (compiler/language/event-time.ts), and a time without one is
// refused with the same diagnostic everywhere. Each zone runs the real CLI as a child process,
// since TZ is read once per process.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';

const run = promisify(execFile);
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'];

async function detcTest(tz: string, fixture: string): Promise<{ code: number; out: string }> {
  const env = { ...process.env, TZ: tz, NO_COLOR: '1' };
  try {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/detc.js'), 'test', `test/fixtures/time-zones/${fixture}`], { cwd: repoRoot, env });
    return { code: 0, out: stdout };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, out: failed.stdout ?? '' };
  }
}

describe('threshold tests under TZ=UTC, America/New_York and Asia/Kolkata', () => {
  it('the child processes really run in different zones (else this test would prove nothing)', async () => {
    const local = await Promise.all(
      ZONES.map(async (tz) => (await run(process.execPath, ['-e', 'console.log(Date.parse("2026-03-08T01:55:00"))'], { env: { ...process.env, TZ: tz } })).stdout),
    );
    expect(new Set(local).size).toBe(ZONES.length);
  });

  it('give the same verdict when every _time carries its offset', async () => {
    const results = await Promise.all(ZONES.map((tz) => detcTest(tz, 'with-offset')));
    for (const result of results) expect(result).toEqual({ code: 0, out: '2 passed, 0 failed\n' });
  });

  it('refuse a _time without an offset with the same diagnostic in every zone', async () => {
    const results = await Promise.all(ZONES.map((tz) => detcTest(tz, 'without-offset')));
    expect(results[0]!.code).toBe(1);
    expect(results[0]!.out).toContain('deletions_across_dst.yml:27:18: error test/time-without-offset:');
    expect(results[0]!.out.match(/test\/time-without-offset/g)).toHaveLength(4);
    for (const result of results) expect(result).toEqual(results[0]);
  });
}, 120_000);
