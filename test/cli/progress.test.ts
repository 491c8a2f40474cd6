// The progress line: only on a terminal, only after a second, erased at the end, never with --quiet.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRESS_DELAY_MS, startProgress } from '../../driver/cli/progress.ts';
import { repoRoot } from '../support/compile.ts';
import { runCli } from '../support/run-cli.ts';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('startProgress', () => {
  it('draws nothing during the first second, then one rewritten line, erased at the end', () => {
    let clock = 0;
    const { stream, written } = terminal(true);
    const progress = startProgress(stream, { quiet: false, command: 'build', now: () => clock });
    progress.stage('loading');
    expect(written).toEqual([]);
    clock = PROGRESS_DELAY_MS;
    progress.stage('emitting elastic', 2, 4);
    progress.stage('writing');
    progress.finish();
    expect(written).toEqual(['\r\u001b[2Kdetc build: emitting elastic 2/4', '\r\u001b[2Kdetc build: writing', '\r\u001b[2K']);
  });

  it('a short build leaves nothing behind (no erase without a line)', () => {
    const { stream, written } = terminal(true);
    const progress = startProgress(stream, { quiet: false, command: 'build', now: () => 0 });
    progress.stage('loading');
    progress.finish();
    expect(written).toEqual([]);
  });

  it.each([
    ['not a terminal', false, false],
    ['--quiet', true, true],
  ])('%s: nothing, however long it runs', (_name, isTTY, quiet) => {
    let clock = 0;
    const { stream, written } = terminal(isTTY);
    const progress = startProgress(stream, { quiet, command: 'build', now: () => clock });
    clock = 10 * PROGRESS_DELAY_MS;
    progress.stage('emitting docs', 3, 4);
    progress.finish();
    expect(written).toEqual([]);
  });
});

it('a real build whose stderr is a pipe writes nothing to stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detc-progress-'));
  try {
    cpSync(join(repoRoot, 'test/fixtures/cli/library'), join(dir, 'rules'), { recursive: true });
    const run = await runCli(['build', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.out).toContain('built 1 rule for');
    expect(run.err).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
