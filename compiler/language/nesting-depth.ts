// How deeply a match expression nests, measured on its text before anything recursive reads it.
//
// The generated parser, lowering, the evaluator, the printer, the checks and every emitter
// recurse once per level of the tree, so thousands of nested parentheses or `not`s would
// overflow the stack (a RangeError, not a diagnostic). The language therefore bounds nesting
// (docs/language.md): every grouping `(` and every `not` opens a level that lasts until what it
// applies to ends. This scan is linear and never recurses; it reads strings, regex literals,
// backtick field names and comments exactly as the grammar does, so a `(` or `not` inside them
// does not count. `lower(` opens no level: it is a call, not a group.
//
// The limit is far above what rules need (the deepest of the 3,631 expressions the Sigma corpus
// imports to nests 3 levels) and far below what any pass can handle (test/parse/nesting-depth.test.ts runs
// a rule at the limit through every command and target).

/** The deepest nesting of parentheses and `not` a match expression may have. */
export const MAX_NESTING_DEPTH = 64;

export interface NestingScan {
  /** The deepest level reached (0 for an expression without parentheses or `not`). */
  readonly depth: number;
  /** Where the first token that goes deeper than the limit starts and ends, if one does. */
  readonly tooDeep?: { readonly start: number; readonly end: number };
}

const NAME_CHAR = /[A-Za-z0-9_.-]/;
const WORD_START = /[A-Za-z0-9_]/;

type Frame = 'group' | 'not' | 'call';

export interface NestingOptions {
  /** The deepest level allowed (default MAX_NESTING_DEPTH). */
  readonly limit?: number;
  /** Read `NOT`, `And`, … as keywords too (Sigma conditions; the match language is lower case). */
  readonly ignoreKeywordCase?: boolean;
}

/** Scans `text` once; `tooDeep` is the first `(` or `not` that opens level `limit + 1`. */
export function scanNesting(text: string, options: NestingOptions = {}): NestingScan {
  const limit = options.limit ?? MAX_NESTING_DEPTH;
  const frames: Frame[] = [];
  let depth = 0;
  let deepest = 0;
  let tooDeep: NestingScan['tooDeep'];
  let afterLower = false;

  const open = (frame: Frame, start: number, end: number) => {
    frames.push(frame);
    if (frame === 'call') return;
    depth++;
    deepest = Math.max(deepest, depth);
    if (depth > limit && tooDeep === undefined) tooDeep = { start, end };
  };
  /** A `not` ends with the comparison or group it applies to: at the next and/or/`)`. */
  const closeNots = () => {
    while (frames[frames.length - 1] === 'not') {
      frames.pop();
      depth--;
    }
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      i = lineEnd(text, i);
      continue;
    }
    const wasAfterLower = afterLower;
    afterLower = false;
    if (c === '"' || c === "'") {
      i = stringEnd(text, i, c);
    } else if (c === '`') {
      i = backtickEnd(text, i);
    } else if (c === '/') {
      i = regexEnd(text, i);
      while (i < text.length && /[A-Za-z0-9_]/.test(text.charAt(i))) i++; // the flags
    } else if (WORD_START.test(c)) {
      const start = i;
      while (i < text.length && NAME_CHAR.test(text.charAt(i))) i++;
      const word = options.ignoreKeywordCase ? text.slice(start, i).toLowerCase() : text.slice(start, i);
      if (word === 'not') open('not', start, i);
      else if (word === 'and' || word === 'or') closeNots();
      else if (word === 'lower') afterLower = true;
    } else if (c === '(') {
      open(wasAfterLower ? 'call' : 'group', i, i + 1);
      i++;
    } else if (c === ')') {
      closeNots();
      const frame = frames.pop();
      if (frame === 'group') depth--;
      i++;
    } else {
      i++;
    }
  }
  return tooDeep ? { depth: deepest, tooDeep } : { depth: deepest };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

/** After a "…" or '…' string: backslash escapes one character; line breaks are allowed. */
function stringEnd(text: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return text.length;
}

/** After a `field name`: \` and \\ are escapes; a line break ends it (unclosed). */
function backtickEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\' && (text.charAt(i + 1) === '`' || text.charAt(i + 1) === '\\')) i += 2;
    else if (c === '`') return i + 1;
    else if (c === '\n') return i;
    else i++;
  }
  return text.length;
}

/** After a /regex/flags literal: a backslash escapes any character but a line break, which ends it. */
function regexEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\' && i + 1 < text.length && text.charAt(i + 1) !== '\n') i += 2;
    else if (c === '/') return i + 1;
    else if (c === '\n') return i;
    else i++;
  }
  return text.length;
}
