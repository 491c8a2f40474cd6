// Rule text inside the Markdown investigation guide must stay text: no emphasis, links, HTML,
// headings, lists or tables that the author did not write. CommonMark lets a backslash escape
// any ASCII punctuation, so we escape every character that can start markup anywhere, and the
// characters that only matter at the start of a line (headings, list items, block quotes,
// thematic breaks) when they start one.

const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line.trim()))
    .join('\n');
}

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_SPECIAL, (ch) => `\\${ch}`);
  // `#` heading, `-`/`+`/`=` list item or setext underline, `1.`/`1)` ordered list item.
  return escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
