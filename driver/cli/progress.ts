// The progress line of a long build: on a terminal, one line on stderr that is rewritten in place
// (stage, and rules or targets done / total) once the build has run for about a second, and
// erased at the end. Nothing at all when stderr is not a terminal (CI logs, pipes) or with --quiet.

/** Where the line goes: a terminal's stream. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** The build entered a stage: `loading`, `emitting splunk`; `done`/`total` count what it works through. */
  stage(name: string, done?: number, total?: number): void;
  /** Erases the line, if one was drawn. */
  finish(): void;
}

/** Builds shorter than this show no line at all. */
export const PROGRESS_DELAY_MS = 1_000;

const ERASE_LINE = '\r\u001b[2K';

export function startProgress(
  stream: ProgressStream | undefined,
  options: { quiet: boolean; command: string; now?: () => number },
): Progress {
  if (!stream?.isTTY || options.quiet) return { stage: () => {}, finish: () => {} };
  const now = options.now ?? Date.now;
  const started = now();
  let drawn = false;
  return {
    stage(name, done, total) {
      if (now() - started < PROGRESS_DELAY_MS) return;
      const count = done !== undefined && total !== undefined ? ` ${done}/${total}` : '';
      // Stage names are detc's own words (no rule text reaches this line).
      stream.write(`${ERASE_LINE}detc ${options.command}: ${name}${count}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write(ERASE_LINE);
      drawn = false;
    },
  };
}
