// Writing Splunk .conf files.
//
// A .conf file is `[stanza]` headers followed by `key = value` lines. A value spans several
// lines only through continuation: a line that ends with a backslash continues on the next one
// (the line break stays in the value). So every line break inside a value is written as
// `\` + newline, and a text line that itself ends with a backslash gets a trailing space, so it
// can neither swallow the next line nor let the next line start a key or a stanza of its own.

export type ConfSetting = readonly [key: string, value: string];

export interface ConfStanza {
  readonly name: string;
  readonly settings: readonly ConfSetting[];
}

/** A value as it appears after `key = `. */
export function encodeValue(value: string): string {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => (line.endsWith('\\') ? `${line} ` : line)).join('\\\n');
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
