// Rule authors write `code` in descriptions and investigation steps, as they would on GitHub.
// That one construct is honoured: a code span shows its text literally (in HTML through
// Handlebars escaping inside <code>, in Markdown as a code span), so it cannot inject anything.
// Everything else in rule text stays plain text.

export interface Inline {
  readonly code: boolean;
  readonly text: string;
}

/** Splits text into plain and code parts, CommonMark-style: a run of n backticks closes at the next run of exactly n. */
export function inlineCode(text: string): Inline[] {
  const parts: Inline[] = [];
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  let plain = '';
  let at = 0;
  const runs = [...oneLine.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    if (open.index < at) continue;
    const close = runs.slice(i + 1).find((run) => run[0].length === open[0].length);
    if (!close) continue;
    plain += oneLine.slice(at, open.index);
    if (plain) parts.push({ code: false, text: plain });
    plain = '';
    parts.push({ code: true, text: stripOneSpace(oneLine.slice(open.index + open[0].length, close.index)) });
    at = close.index + close[0].length;
    i = runs.indexOf(close);
  }
  plain += oneLine.slice(at);
  if (plain) parts.push({ code: false, text: plain });
  return parts;
}

/** CommonMark drops one space on each side when both are there (so `` ` `x` ` `` can hold backticks). */
function stripOneSpace(code: string): string {
  return code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code;
}
