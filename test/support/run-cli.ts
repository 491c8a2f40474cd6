// Runs the real `detc` command as a child process (bin/detc.js), capturing stdout and stderr as
// bytes: tests about what reaches a terminal or a CI log must see exactly what the process wrote.

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot } from './compile.ts';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  /** stdout and stderr decoded as UTF-8. */
  readonly out: string;
  readonly err: string;
}

const BIN = resolve(repoRoot, 'bin/detc.js');

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Run as an unprivileged user (uid/gid 65534), so that permissions apply even when tests run as root. */
  readonly unprivileged?: boolean;
}

export function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const command = options.unprivileged && process.getuid?.() === 0 ? 'setpriv' : process.execPath;
  const prefix = command === 'setpriv' ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  return new Promise((done, fail) => {
    const child = spawn(command, [...prefix, BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const out = Buffer.concat(stdout);
      const err = Buffer.concat(stderr);
      done({ code, stdout: out, stderr: err, out: out.toString('utf8'), err: err.toString('utf8') });
    });
  });
}

/**
 * What must never be printed raw: C0 controls except the line feed (tab and CR included), DEL,
 * C1 controls, U+2028/2029 and the bidirectional controls.
 */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Lines that GitHub Actions would run as a workflow command: `::` after leading whitespace. */
export function commandLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trimStart().startsWith('::'));
}

/** The shape of the annotations detc itself writes in the github format. */
export const DETC_ANNOTATION =
  /^::(error|warning|notice) file=[^,:\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z]+\/[a-z0-9-]+::[^\n]*$/;
