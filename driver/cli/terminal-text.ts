// Escaping for everything detc prints: rule text (names, keys, values, file names) reaches
// terminals and CI logs through diagnostics, FAIL lines and summaries, and a terminal or a CI
// runner obeys some of what it reads. Three things are neutralised, in every format:
//
// - unsafe characters (compiler/unsafe-characters.ts: C0, DEL, C1, U+2028/2029, bidi controls)
//   become visible escapes (`\n`, `\x1b`, `\u202e`), so no text can start a new line, move the
//   cursor, colour the log or reorder what a reviewer sees;
// - GitHub Actions' workflow commands: `::command::` at the start of a line (after leading
//   whitespace) and the legacy `##[command]` anywhere in a line. A line detc prints from rule
//   content never starts with `::` (its first colon is written `\x3a`), and `##[` is written
//   `##\[`, so only detc's own annotations are commands;
// - in the github format, the workflow-command escapes (%25 %0D %0A; %3A %2C in properties).
//
// Backslashes are not doubled: the escapes are for reading, and messages quote regexes and
// Windows paths whose backslashes should read as written.

import { jsonWithVisibleEscapes, UNSAFE_CHARACTERS } from '../../compiler/unsafe-characters.ts';

const LETTER_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\x1b`, `\u202e`: how an unsafe character is shown. */
function visible(char: string): string {
  const letter = LETTER_ESCAPES[char];
  if (letter) return letter;
  const code = char.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The legacy runner command prefix, matched anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

/** One piece of a printed line (a message, a name, a file name): nothing in it can act on a terminal or a CI runner. */
export function escapeText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, visible).replace(LEGACY_COMMAND, '##\\[');
}

/**
 * A whole printed line whose start may come from rule content (a file name): escaped, and never
 * starting with `::`, which GitHub Actions would read as a workflow command.
 */
export function escapeLine(text: string): string {
  return escapeText(text).replace(/^(\s*):(?=:)/, '$1\\x3a');
}

/** Multi-line output (a summary, a usage message): each line as `escapeLine`, the line breaks kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeLine).join('\n');
}

/**
 * The last line of defence for anything written to stdout or stderr: unsafe characters other than
 * the line feed become visible escapes. Idempotent on output that the functions above produced.
 */
export function withoutRawControls(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (char) => (char === '\n' ? char : visible(char)));
}

/** A workflow command's message (`::error …::<message>`): one line, the runner's escapes applied last. */
export function escapeGithubMessage(text: string): string {
  return escapeText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value (`file=…`, `title=…`): as a message, and `:` `,` too. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubMessage(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function toSafeJson(value: unknown): string {
  return jsonWithVisibleEscapes(value).replace(LEGACY_COMMAND, '##\\u005b');
}
