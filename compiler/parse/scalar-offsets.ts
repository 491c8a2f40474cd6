// Where each character of a YAML scalar's value comes from in the file.
//
// A match expression is a YAML string, and YAML rewrites strings on the way in: quoted scalars
// process escapes (`\"` is one character) and fold line breaks into spaces, plain scalars drop
// indentation, block scalars (`|`, `>`) strip their indentation and folded ones turn line breaks
// into spaces. To report a syntax error at the right line:col we redo that rewriting here while
// remembering, for every character of the value, the source range it came from.
//
// The `yaml` package resolves values but does not expose this mapping, so we recompute it and
// then compare our value with the package's: if they ever differ, the caller falls back to the
// scalar's start rather than pointing somewhere wrong.

import type { Scalar } from 'yaml';

/** A scalar's value with, for each UTF-16 unit of it, the source offsets `[start, end)` it came from. */
export interface ScalarText {
  readonly value: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

class Builder {
  readonly chars: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Whether each character is plain whitespace that line folding may trim (not from an escape). */
  readonly trimmable: boolean[] = [];

  push(text: string, start: number, end: number, trimmable = false): void {
    for (const unit of splitUnits(text)) {
      this.chars.push(unit);
      this.starts.push(start);
      this.ends.push(end);
      this.trimmable.push(trimmable);
    }
  }

  /** Drops trailing whitespace written on the current line: YAML trims it before a line break. */
  trimTrailingWhitespace(): void {
    while (this.trimmable[this.trimmable.length - 1]) {
      this.chars.pop();
      this.starts.pop();
      this.ends.pop();
      this.trimmable.pop();
    }
  }

  result(): ScalarText {
    return { value: this.chars.join(''), starts: this.starts, ends: this.ends };
  }
}

/** UTF-16 units, so that value offsets (what the parser reports) index `starts`/`ends` directly. */
function splitUnits(text: string): string[] {
  return text.split('');
}

/**
 * The value of `node` with its source mapping, or undefined when the node's style is not a string
 * scalar style or our reading disagrees with the `yaml` package (the caller then degrades).
 */
export function scalarText(source: string, node: Scalar): ScalarText | undefined {
  const range = node.range;
  if (!range) return undefined;
  const expected = typeof node.source === 'string' ? node.source : typeof node.value === 'string' ? node.value : undefined;
  if (expected === undefined) return undefined;
  for (const candidate of readings(source, node.type, range[0], range[1])) {
    if (candidate.value === expected) return candidate;
  }
  return undefined;
}

/** Our possible readings of the scalar, most likely first (computed lazily). */
function* readings(source: string, type: Scalar['type'], start: number, end: number): Generator<ScalarText> {
  switch (type) {
    case 'PLAIN':
      yield foldFlow(source, start, end, 'plain');
      return;
    case 'QUOTE_SINGLE':
      yield foldFlow(source, start + 1, end - 1, 'single');
      return;
    case 'QUOTE_DOUBLE':
      yield foldFlow(source, start + 1, end - 1, 'double');
      return;
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      yield* blockReadings(source, start, end, type === 'BLOCK_FOLDED');
      return;
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Flow scalars: plain, 'single' and "double" quoted. Line breaks fold: trailing and leading
// whitespace around a break disappear; one break becomes a space, n+1 breaks become n newlines.

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function foldFlow(source: string, from: number, to: number, style: 'plain' | 'single' | 'double'): ScalarText {
  const out = new Builder();
  let i = from;
  while (i < to) {
    const c = source.charAt(i);
    if (c === '\n' || (c === '\r' && source.charAt(i + 1) === '\n')) {
      out.trimTrailingWhitespace();
      i = foldBreaks(source, i, to, out);
      continue;
    }
    if (style === 'single' && c === "'" && source.charAt(i + 1) === "'") {
      out.push("'", i, i + 2);
      i += 2;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const next = source.charAt(i + 1);
      if (next === '\n' || (next === '\r' && source.charAt(i + 2) === '\n')) {
        // An escaped line break joins the lines with nothing in between; the next line's leading
        // blanks go too. (A following empty line then folds as usual: that is what the yaml
        // package does, and its value is the one we must reproduce.)
        i = skipBlanks(source, skipLineBreak(source, i + 1), to);
        continue;
      }
      const hexLength = HEX_ESCAPE_LENGTH[next];
      if (hexLength !== undefined) {
        const hex = source.slice(i + 2, i + 2 + hexLength);
        const code = /^[0-9A-Fa-f]+$/.test(hex) ? parseInt(hex, 16) : NaN;
        // A malformed escape is a YAML error reported elsewhere; only decode valid ones.
        if (code <= 0x10ffff) {
          out.push(String.fromCodePoint(code), i, i + 2 + hexLength);
          i += 2 + hexLength;
          continue;
        }
      }
      const escaped = DOUBLE_QUOTE_ESCAPES[next];
      if (escaped !== undefined) {
        out.push(escaped, i, i + 2);
        i += 2;
        continue;
      }
    }
    out.push(c, i, i + 1, c === ' ' || c === '\t');
    i += 1;
  }
  return out.result();
}

/** At a line break inside a flow scalar: consumes it and any empty lines, writes the folded text. */
function foldBreaks(source: string, at: number, to: number, out: Builder): number {
  const firstBreak = at;
  let i = skipBlanks(source, skipLineBreak(source, at), to);
  const emptyLineBreaks: number[] = [];
  while (i < to && isLineBreakAt(source, i)) {
    emptyLineBreaks.push(i);
    i = skipBlanks(source, skipLineBreak(source, i), to);
  }
  if (emptyLineBreaks.length === 0) out.push(' ', firstBreak, firstBreak + 1);
  for (const b of emptyLineBreaks) out.push('\n', b, b + 1);
  return i;
}

function isLineBreakAt(source: string, i: number): boolean {
  const c = source.charAt(i);
  return c === '\n' || (c === '\r' && source.charAt(i + 1) === '\n');
}

function skipLineBreak(source: string, i: number): number {
  return source.charAt(i) === '\r' ? i + 2 : i + 1;
}

function skipBlanks(source: string, i: number, to: number): number {
  while (i < to && (source.charAt(i) === ' ' || source.charAt(i) === '\t')) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Block scalars: `|` keeps line breaks, `>` folds them; `-` strips the final line breaks, `+`
// keeps them all, the default keeps one; a digit gives the indentation relative to the parent.

interface SourceLine {
  readonly start: number;
  readonly text: string;
  /** Offset of the line break ending this line, or undefined for a last line without one. */
  readonly breakAt?: number;
}

function* blockReadings(source: string, start: number, end: number, folded: boolean): Generator<ScalarText> {
  const headerEnd = source.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end) return;
  const header = /^[|>]([1-9])?([-+])?([1-9])?/.exec(source.slice(start, headerEnd));
  if (!header) return;
  const indicator = Number(header[1] ?? header[3] ?? 0);
  const chomping = header[2] === '-' ? 'strip' : header[2] === '+' ? 'keep' : 'clip';
  const lines = sourceLines(source, headerEnd + 1, end);
  // Indentation is spaces only; a tab after them is content.
  const firstContent = lines.find((line) => !/^ *$/.test(line.text));
  // With no content at all, the blank lines' longest run of spaces is the indentation.
  const detected = firstContent
    ? (/^ */.exec(firstContent.text)?.[0].length ?? 0)
    : Math.max(0, ...lines.map((line) => line.text.length));
  // With an indicator the indentation is relative to the parent node's, which we do not know
  // here: try each possibility; the caller keeps the one that reproduces the yaml package's value.
  const indents = indicator > 0 ? range(indicator, Math.max(indicator, detected)) : [detected, ...range(1, detected - 1)];
  for (const indent of indents) yield readBlock(lines, indent, folded, chomping);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

function sourceLines(source: string, from: number, to: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let i = from;
  while (i < to) {
    const nl = source.indexOf('\n', i);
    const lineEnd = nl === -1 || nl >= to ? to : nl;
    const raw = source.slice(i, lineEnd);
    const text = raw.replace(/\r$/, '');
    // A CRLF line break starts at its \r.
    const breakAt = nl - (raw.length - text.length);
    lines.push(nl !== -1 && nl < to ? { start: i, text, breakAt } : { start: i, text });
    i = lineEnd + 1;
  }
  return lines;
}

function readBlock(lines: readonly SourceLine[], indent: number, folded: boolean, chomping: 'strip' | 'keep' | 'clip'): ScalarText {
  const out = new Builder();
  const isEmpty = (line: SourceLine) => line.text.length <= indent && /^ *$/.test(line.text);
  const isMoreIndented = (line: SourceLine) => /^[ \t]/.test(line.text.slice(indent));
  let lastContent = -1;
  lines.forEach((line, index) => {
    if (!isEmpty(line)) lastContent = index;
  });
  let previousContent: SourceLine | undefined;
  const pendingBreaks: number[] = [];
  for (let index = 0; index <= lastContent; index++) {
    const line = lines[index];
    if (!line) continue;
    if (isEmpty(line)) {
      if (line.breakAt !== undefined) pendingBreaks.push(line.breakAt);
      continue;
    }
    if (previousContent?.breakAt !== undefined) {
      const foldToSpace = folded && !isMoreIndented(previousContent) && !isMoreIndented(line);
      if (foldToSpace && pendingBreaks.length === 0) out.push(' ', previousContent.breakAt, previousContent.breakAt + 1);
      if (!foldToSpace) out.push('\n', previousContent.breakAt, previousContent.breakAt + 1);
    }
    for (const b of pendingBreaks) out.push('\n', b, b + 1);
    pendingBreaks.length = 0;
    const text = line.text.slice(indent);
    for (let k = 0; k < text.length; k++) out.push(text.charAt(k), line.start + indent + k, line.start + indent + k + 1);
    previousContent = line;
  }
  // Chomping: strip drops the final line breaks, clip keeps one, keep keeps them all.
  if (chomping !== 'strip' && previousContent?.breakAt !== undefined) {
    out.push('\n', previousContent.breakAt, previousContent.breakAt + 1);
  }
  if (chomping === 'keep') {
    for (const line of lines.slice(lastContent + 1)) {
      if (line.breakAt !== undefined) out.push('\n', line.breakAt, line.breakAt + 1);
    }
  }
  return out.result();
}
