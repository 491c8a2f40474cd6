// Writing Splunk .conf files.
//
// A .conf file is `[stanza]` headers followed by `key = value` lines. A value spans several
// lines only through continuation: a line whose last character is a backslash continues on the
// next one, whatever that line holds; the backslash is dropped and the line break stays in the
// value. That is how Splunk's own tools read it — AppInspect's parser (a line matching
// `\\\s*$` continues, one character dropped) and ksconf ("the continuation character must be the
// very last character on the line") — and there is no escape for a backslash at the end of a
// line. A backslash followed by trailing whitespace is read two ways: AppInspect continues and
// reports "Continuation with trailing whitespace", splunkd does not continue (a following line
// then stands on its own). So no line detc writes ends in a backslash and whitespace, and a
// value continues exactly where it has a line break:
//
// - every line break of the value is `\` + newline;
// - a line of the value that itself ends in a backslash is followed by that continuation, so it
//   reads back exactly (`a\` + newline + `b` is written `a\\` + newline + `b`);
// - the value's last line cannot end in a backslash (it would continue into the next key) nor
//   in a backslash and whitespace: such a value gets a continuation onto an empty line, so it
//   reads back with one trailing line break (which AppInspect's strip() removes again); the
//   next key stays a key in every reading.

export type ConfSetting = readonly [key: string, value: string];

export interface ConfStanza {
  readonly name: string;
  readonly settings: readonly ConfSetting[];
}

/** A value as it appears after `key = `. */
export function encodeValue(value: string): string {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  const text = lines.join('\\\n');
  return /\\\s*$/u.test(lines.at(-1)!) ? `${text}\\\n` : text;
}

/** A stanza header; names come from names.ts, which removes brackets and line breaks. */
function header(name: string): string {
  return `[${name.replace(/[\r\n]+/g, ' ').replace(/\]/g, ')')}]`;
}

export function writeConf(comment: readonly string[], stanzas: readonly ConfStanza[]): string {
  const blocks: string[] = [];
  if (comment.length > 0) blocks.push(comment.map((line) => `# ${line}`.trimEnd()).join('\n'));
  for (const stanza of stanzas) {
    const lines = [header(stanza.name), ...stanza.settings.map(([key, value]) => `${key} = ${encodeValue(value)}`)];
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
