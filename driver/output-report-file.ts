// A single file a command writes beside its output (`detc import sigma --report FILE`). It may
// replace only a previous report of the same command: a JSON file that starts with
// `"generator": "detc <command>"` (docs/output.md, "Report files"). It is written to a temporary
// file beside it and renamed over it, so a reader sees the old report or the new one.

import { toSafeJson } from './cli/terminal-text.ts';
import { lstat, open, readdir, rename, unlink, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics.ts';
import { refusal, writeFailed } from './output-diagnostics.ts';
import { checkOutputFilePath, type PathRequest } from './output-guard.ts';
import { isAlive } from './output-lock.ts';
import type { OutputCommand } from './output-marker.ts';
import { shownPath } from './output-paths.ts';

/** The report's JSON with the field that marks it as detc's first. */
/** The report as JSON, with the escapes of terminal-text.ts: reasons quote rule text, and CI logs print reports. */
export function reportText(command: OutputCommand, report: object): string {
  return `${toSafeJson({ generator: `detc ${command}`, ...report })}\n`;
}

function reportPrefix(command: OutputCommand): string {
  return `{\n  "generator": ${JSON.stringify(`detc ${command}`)},\n`;
}

export interface ReportRequest extends PathRequest {
  readonly command: OutputCommand;
  /** The output folder of the same command, which the report must stay out of. */
  readonly outFolder?: string;
}

/** Undefined when the report may be written there. Reads only the first bytes of an existing file. */
export async function checkReportFile(request: ReportRequest): Promise<Diagnostic | undefined> {
  const placed = await checkOutputFilePath(request);
  if (placed) return placed;
  const absolute = resolve(request.cwd, request.path);
  const shown = shownPath(absolute, request.cwd);
  const info = await lstat(absolute).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) {
    return refusal('output/report-not-owned', shown, `${request.option} "${request.path}" is a symbolic link; detc writes its report only as a plain file, and will not follow the link. Choose another path, or remove the link yourself.`);
  }
  if (!info.isFile()) {
    return refusal('output/not-a-file', shown, `${request.option} "${request.path}" is ${info.isDirectory() ? 'a folder' : 'not a plain file'}; the report is one file. Name a file, e.g. ${request.option} report.json.`);
  }
  const prefix = reportPrefix(request.command);
  if ((await firstBytes(absolute, Buffer.byteLength(prefix))) !== prefix) {
    return refusal(
      'output/report-not-owned',
      shown,
      `${request.option} "${request.path}" exists and is not a report of \`detc ${request.command}\`; detc does not overwrite other files. Choose another path, or delete the file yourself.`,
    );
  }
  return undefined;
}

async function firstBytes(path: string, count: number): Promise<string | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Writes the report whole (temporary file, then rename). Diagnostics name the path and the OS reason. */
export async function writeReportFile(absolute: string, text: string, cwd: string): Promise<Diagnostic[]> {
  const shown = shownPath(absolute, cwd);
  const temporary = join(dirname(absolute), `${temporaryPrefix(absolute)}${process.pid}`);
  await removeStaleTemporaries(absolute);
  try {
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, absolute);
    return [];
  } catch (e) {
    await unlink(temporary).catch(() => {});
    return [writeFailed(shown, `write the report "${shown}"`, e, 'The previous report, if any, is unchanged.')];
  }
}

function temporaryPrefix(absolute: string): string {
  return `.${basename(absolute)}.detc-tmp-`;
}

/** Temporary reports of runs that were killed before their rename. */
async function removeStaleTemporaries(absolute: string): Promise<void> {
  const prefix = temporaryPrefix(absolute);
  const names = await readdir(dirname(absolute)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isSafeInteger(pid) && pid > 0 && !isAlive(pid)) await unlink(join(dirname(absolute), name)).catch(() => {});
  }
}
