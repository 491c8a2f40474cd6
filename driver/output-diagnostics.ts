// The diagnostics of writing output (`output/*`, docs/diagnostics.md "Output"). They name the
// path concerned (as the diagnostic's file) and, for an operating-system error, its reason.

import { error, fileSpan, warning, type Diagnostic } from '../compiler/diagnostics.ts';

/** Refusals of a path given to a command: usage errors, exit 2, nothing touched. */
export type RefusalCode =
  | 'output/empty-path'
  | 'output/encloses-working-folder'
  | 'output/encloses-home'
  | 'output/not-a-folder'
  | 'output/not-a-file'
  | 'output/overlaps-input'
  | 'output/not-owned'
  | 'output/report-not-owned'
  | 'output/report-inside-output'
  | 'output/unsafe-path';

export function refusal(code: RefusalCode, shown: string, message: string): Diagnostic {
  return error(code, fileSpan(shown), message);
}

/** An operating-system error while writing: the old output is still in place. Exit 1. */
export function writeFailed(shown: string, doing: string, cause: unknown, outcome: string): Diagnostic {
  return error('output/write-failed', fileSpan(shown), `cannot ${doing}: ${osReason(cause)}. ${outcome}`);
}

/** Another detc process writes the same output. Exit 1. */
export function locked(shown: string, message: string): Diagnostic {
  return error('output/locked', fileSpan(shown), message);
}

/** detc's own leftovers (an old generation, a stale temporary) that could not be removed. */
export function leftover(shown: string, what: string, cause: unknown): Diagnostic {
  return warning(
    'output/leftover-not-removed',
    fileSpan(shown),
    `${what} could not be removed: ${osReason(cause)}. The output is complete; fix the permissions and the next run removes it, or delete it yourself.`,
  );
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EBUSY: 'the file or folder is busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'no such file or folder',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'not on the same file system',
};

/** `EACCES (permission denied) at /x/y`: the error code, what it means, and the path the OS named. */
export function osReason(cause: unknown): string {
  const e = cause as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string') return e instanceof Error ? e.message : String(cause);
  const meaning = REASONS[e.code];
  const at = typeof e.path === 'string' ? ` at ${e.path}` : '';
  return `${e.code}${meaning ? ` (${meaning})` : ''}${at}`;
}
