// `f matches /re/flags` as a Lucene regular expression (Elasticsearch regexp on a keyword field).
//
// The match language's regexes are JavaScript regexes restricted to a portable flavour
// (docs/language.md, "Regular expressions"), searched anywhere in the value. Lucene's regexes
// are anchored (they must match the whole value), have no `\d \w \s`, no anchors, no flags, and
// give `.` and letters their own meaning. So:
// - each top-level alternative gets `.*` before it unless it starts with `^`, and after it unless
//   it ends with `$` (without the `m` flag, JavaScript's `^`/`$` are the ends of the value);
// - every character set (`[…]`, `\d`, `\s`, `.`, and each letter under the `i` flag) is written
//   as an explicit Lucene class, computed by asking JavaScript itself which characters the set
//   matches with the rule's flags — so `.` without `s`, `\s`, and case-insensitive letters mean
//   exactly what they mean to the reference evaluator;
// - groups, alternation and the quantifiers `* + ? {n} {n,} {n,m}` carry over (laziness cannot
//   change whether a value matches).
// A pattern outside this flavour returns undefined (the caller refuses it).
//
// Characters are JavaScript UTF-16 code units; Lucene compares code points. They agree on every
// character of the Basic Multilingual Plane; characters beyond it (emoji…) are not in any class
// we emit.

import { escapeRegexChar } from './escape.ts';

type Node =
  | { readonly kind: 'alt'; readonly branches: readonly Node[][] }
  | { readonly kind: 'set'; readonly source: string }
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number | undefined };

/** The Lucene regex body (without slashes), or undefined outside the portable flavour. */
export function regexToLucene(pattern: string, flags: string): string | undefined {
  if (!/^[ims]*$/.test(flags)) return undefined;
  try {
    new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
  const parser = new Parser(pattern);
  const top = parser.alternation();
  if (!top || parser.at < pattern.length) return undefined;
  const setFlags = flags.replace('m', '');
  const branches: string[] = [];
  for (const branch of top.branches) {
    const items = [...branch];
    const anchoredStart = items[0]?.kind === 'start';
    const anchoredEnd = items[items.length - 1]?.kind === 'end';
    if (anchoredStart) items.shift();
    if (anchoredEnd) items.pop();
    if (items.some((n) => containsAnchor(n))) return undefined; // anchors elsewhere: not portable
    if ((anchoredStart || anchoredEnd) && flags.includes('m')) return undefined;
    const body = emitSequence(items, setFlags);
    if (body === undefined) return undefined;
    branches.push(`${anchoredStart ? '' : '.*'}${body}${anchoredEnd ? '' : '.*'}`);
  }
  return branches.length === 1 ? branches[0] : branches.map((b) => `(${b})`).join('|');
}

function containsAnchor(node: Node): boolean {
  switch (node.kind) {
    case 'start':
    case 'end':
      return true;
    case 'alt':
      return node.branches.some((b) => b.some(containsAnchor));
    case 'repeat':
      return containsAnchor(node.node);
    case 'set':
      return false;
  }
}

function emitSequence(items: readonly Node[], flags: string): string | undefined {
  let out = '';
  for (const item of items) {
    const text = emit(item, flags);
    if (text === undefined) return undefined;
    out += text;
  }
  return out;
}

function emit(node: Node, flags: string): string | undefined {
  switch (node.kind) {
    case 'alt': {
      const branches = node.branches.map((b) => emitSequence(b, flags));
      if (branches.some((b) => b === undefined)) return undefined;
      return `(${branches.join('|')})`;
    }
    case 'set':
      return luceneClass(node.source, flags);
    case 'repeat': {
      const inner = emit(node.node, flags);
      if (inner === undefined) return undefined;
      const atom = node.node.kind === 'set' || node.node.kind === 'alt' ? inner : `(${inner})`;
      if (node.min === 0 && node.max === undefined) return `${atom}*`;
      if (node.min === 1 && node.max === undefined) return `${atom}+`;
      if (node.min === 0 && node.max === 1) return `${atom}?`;
      if (node.max === undefined) return `${atom}{${node.min},}`;
      return node.min === node.max ? `${atom}{${node.min}}` : `${atom}{${node.min},${node.max}}`;
    }
    case 'start':
    case 'end':
      return undefined;
  }
}

const classCache = new Map<string, string | undefined>();

/**
 * The Lucene class for a JavaScript character set (`a`, `[a-c\d]`, `\s`, `.`) under the flags:
 * every BMP code unit the set matches, as ranges. A single character stays a plain escaped
 * character when it matches only itself.
 */
function luceneClass(source: string, flags: string): string | undefined {
  const key = `${flags}/${source}`;
  if (classCache.has(key)) return classCache.get(key);
  const test = new RegExp(`^(?:${source})$`, flags);
  const ranges: [number, number][] = [];
  for (let cu = 0; cu <= 0xffff; cu++) {
    if (cu >= 0xd800 && cu <= 0xdfff) continue;
    if (!test.test(String.fromCharCode(cu))) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cu - 1) last[1] = cu;
    else ranges.push([cu, cu]);
  }
  const size = ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
  let result: string | undefined;
  if (size === 0) result = undefined;
  else if (size === 1) result = escapeRegexChar(String.fromCharCode(ranges[0]![0]));
  else if (size === BMP_SIZE) result = '.';
  // A large set (`.` without the s flag, `\S`, `[^a]`) reads better as a negated class.
  else if (size > BMP_SIZE / 2) result = `[^${rangesText(complement(ranges))}]`;
  else result = `[${rangesText(ranges)}]`;
  classCache.set(key, result);
  return result;
}

/** BMP code units that are characters (surrogate halves excluded). */
const BMP_SIZE = 0x10000 - 0x800;

function complement(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of [...ranges, [0xd800, 0xdfff] as [number, number]].sort((x, y) => x[0] - y[0])) {
    if (a > next) out.push([next, a - 1]);
    next = Math.max(next, b + 1);
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}

function rangesText(ranges: readonly [number, number][]): string {
  return ranges
    .map(([a, b]) => {
      const from = escapeRegexChar(String.fromCharCode(a));
      if (a === b) return from;
      const to = escapeRegexChar(String.fromCharCode(b));
      return b === a + 1 ? `${from}${to}` : `${from}-${to}`;
    })
    .join('');
}

/** A recursive-descent parser for the portable flavour; each atom keeps its JavaScript source. */
class Parser {
  at = 0;
  constructor(private readonly p: string) {}

  alternation(): (Node & { kind: 'alt' }) | undefined {
    const branches: Node[][] = [];
    for (;;) {
      const seq = this.sequence();
      if (!seq) return undefined;
      branches.push(seq);
      if (this.p[this.at] !== '|') break;
      this.at++;
    }
    return { kind: 'alt', branches };
  }

  private sequence(): Node[] | undefined {
    const items: Node[] = [];
    while (this.at < this.p.length && this.p[this.at] !== '|' && this.p[this.at] !== ')') {
      const atom = this.atom();
      if (!atom) return undefined;
      const repeated = this.quantifier(atom);
      if (!repeated) return undefined;
      items.push(repeated);
    }
    return items;
  }

  private atom(): Node | undefined {
    const c = this.p[this.at]!;
    if (c === '^') return this.at++, { kind: 'start' };
    if (c === '$') return this.at++, { kind: 'end' };
    if (c === '(') {
      this.at++;
      if (this.p.startsWith('?:', this.at)) this.at += 2;
      else if (this.p[this.at] === '?') return undefined; // lookaround, named groups
      const inner = this.alternation();
      if (!inner || this.p[this.at] !== ')') return undefined;
      this.at++;
      return inner;
    }
    if (c === '[') {
      const start = this.at;
      this.at++;
      if (this.p[this.at] === '^') this.at++;
      if (this.p[this.at] === ']') return undefined; // [] and [^]
      while (this.at < this.p.length && this.p[this.at] !== ']') {
        if (this.p[this.at] === '[' && this.p[this.at + 1] === ':') return undefined; // POSIX classes
        if (this.p[this.at] === '\\') {
          if (!this.escapeAllowed(true)) return undefined;
        } else this.at++;
      }
      if (this.p[this.at] !== ']') return undefined;
      this.at++;
      return { kind: 'set', source: this.p.slice(start, this.at) };
    }
    if (c === '\\') {
      const start = this.at;
      if (!this.escapeAllowed(false)) return undefined;
      return { kind: 'set', source: this.p.slice(start, this.at) };
    }
    if (c === '{' || c === '}' || c === '*' || c === '+' || c === '?' || c === ')') return undefined;
    this.at++;
    return { kind: 'set', source: c === '.' ? '.' : escapeJs(c) };
  }

  /** Consumes one allowed escape; false for escapes outside the flavour. */
  private escapeAllowed(inClass: boolean): boolean {
    const next = this.p[this.at + 1];
    if (next === undefined) return false;
    if (/[dws]/.test(next) || (!inClass && /[DWS]/.test(next)) || /[tnr]/.test(next)) return (this.at += 2), true;
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(this.p.slice(this.at + 2, this.at + 4))) return (this.at += 4), true;
    if (/[!-/:-@[-`{-~]/.test(next)) return (this.at += 2), true; // backslash + ASCII punctuation
    return false;
  }

  private quantifier(node: Node): Node | undefined {
    const c = this.p[this.at];
    let min: number;
    let max: number | undefined;
    if (c === '*') (min = 0), (max = undefined), this.at++;
    else if (c === '+') (min = 1), (max = undefined), this.at++;
    else if (c === '?') (min = 0), (max = 1), this.at++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.at));
      if (!m) return undefined;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? undefined : Number(m[3]);
      this.at += m[0].length;
    } else return node;
    if (this.p[this.at] === '?') this.at++; // lazy: same set of matching values
    if (node.kind === 'start' || node.kind === 'end') return undefined;
    return { kind: 'repeat', node, min, max };
  }
}

function escapeJs(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}
