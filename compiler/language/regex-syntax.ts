// The syntax tree of a portable `matches` pattern (the flavour of regex-portability.ts), with the
// offset of every node in the pattern text, for the analyses that need the pattern's structure:
// the linear-time matcher (regex-matcher.ts) and the backtracking check (regex-backtracking.ts).
//
// Only portable patterns are read: `parseRegex` returns undefined for anything outside the
// flavour (checkRegex, which it asks first, explains those) and for groups nested deeper than MAX_REGEX_NESTING. Anchors are allowed only where the flavour allows them —
// `^` first and `$` last in a top-level alternative — so they are alternative flags, not nodes.

import { checkRegex } from './regex-portability.ts';

/** One character: a literal, an escape (`\.`, `\d`, `\x41`, …), a class `[…]` or `.`. */
export interface RegexChar {
  readonly kind: 'char';
  /** The pattern text of the atom, e.g. `a`, `\.`, `\d`, `[^a-z]`, `.`; a RegExp of it matches one character. */
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

export interface RegexSequence {
  readonly kind: 'sequence';
  readonly items: readonly RegexNode[];
  readonly start: number;
  readonly end: number;
}

export interface RegexAlternation {
  readonly kind: 'alternation';
  readonly alternatives: readonly RegexNode[];
  readonly start: number;
  readonly end: number;
}

/** `x*`, `x+`, `x?`, `x{n}`, `x{n,}`, `x{n,m}` (lazy or not: laziness never changes whether text matches). */
export interface RegexRepeat {
  readonly kind: 'repeat';
  readonly body: RegexNode;
  readonly min: number;
  /** Infinity for `*`, `+`, `{n,}`. */
  readonly max: number;
  /** From the body's start (a group's `(`) to the end of the quantifier. */
  readonly start: number;
  readonly end: number;
}

export type RegexNode = RegexChar | RegexSequence | RegexAlternation | RegexRepeat;

/** A top-level alternative, with its anchors. */
export interface RegexBranch {
  readonly body: RegexNode;
  readonly anchoredStart: boolean;
  readonly anchoredEnd: boolean;
}

export interface RegexSyntax {
  readonly branches: readonly RegexBranch[];
}

export function parseRegex(pattern: string, flags: string): RegexSyntax | undefined {
  // The flavour's own check first: it knows every escape (`\b` is an assertion, `\1` a
  // backreference) and the flags (`m` with an anchor); this reader only knows the flavour.
  if (checkRegex(pattern, flags) !== undefined) return undefined;
  try {
    return new RegexReader(pattern).read();
  } catch (e) {
    if (e instanceof NotPortable) return undefined;
    throw e;
  }
}

class NotPortable extends Error {}

/** Groups nested deeper than this are not read (the analyses recurse over the tree). */
export const MAX_REGEX_NESTING = 200;

class RegexReader {
  private i = 0;
  private depth = 0;

  constructor(private readonly pattern: string) {}

  read(): RegexSyntax {
    const branches: RegexBranch[] = [];
    for (;;) {
      const anchoredStart = this.eat('^');
      const body = this.sequence();
      const anchoredEnd = this.eat('$');
      branches.push({ body, anchoredStart, anchoredEnd });
      if (this.i >= this.pattern.length) return { branches };
      if (!this.eat('|')) throw new NotPortable();
    }
  }

  private eat(c: string): boolean {
    if (this.pattern.charAt(this.i) !== c) return false;
    this.i++;
    return true;
  }

  private alternation(): RegexNode {
    const start = this.i;
    const alternatives = [this.sequence()];
    while (this.eat('|')) alternatives.push(this.sequence());
    return alternatives.length === 1 ? (alternatives[0] as RegexNode) : { kind: 'alternation', alternatives, start, end: this.i };
  }

  private sequence(): RegexNode {
    const start = this.i;
    const items: RegexNode[] = [];
    for (;;) {
      const c = this.pattern.charAt(this.i);
      if (c === '' || c === '|' || c === ')' || c === '$') break;
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'sequence', items, start, end: this.i };
  }

  private atom(): RegexNode {
    const p = this.pattern;
    const start = this.i;
    const c = p.charAt(this.i);
    if (c === '(') {
      if (p.startsWith('(?:', this.i)) this.i += 3;
      else if (p.charAt(this.i + 1) === '?') throw new NotPortable(); // lookaround, named groups, inline flags
      else this.i += 1;
      if (++this.depth > MAX_REGEX_NESTING) throw new NotPortable();
      const body = this.alternation();
      this.depth--;
      if (!this.eat(')')) throw new NotPortable();
      // A group is its body, but spans its parentheses (what a message points at).
      return { ...body, start, end: this.i } as RegexNode;
    }
    if (c === '[') {
      this.i++;
      if (p.charAt(this.i) === '^') this.i++;
      while (this.i < p.length && p.charAt(this.i) !== ']') this.i += p.charAt(this.i) === '\\' ? 2 : 1;
      if (!this.eat(']')) throw new NotPortable();
      return this.char(start);
    }
    if (c === '\\') {
      this.i += p.charAt(this.i + 1) === 'x' ? 4 : 2;
      if (this.i > p.length) throw new NotPortable();
      return this.char(start);
    }
    if ('*+?{}^'.includes(c)) throw new NotPortable();
    this.i++;
    return this.char(start);
  }

  private char(start: number): RegexChar {
    return { kind: 'char', source: this.pattern.slice(start, this.i), start, end: this.i };
  }

  private quantified(body: RegexNode): RegexNode {
    let node = body;
    for (;;) {
      const bounds = this.quantifier();
      if (!bounds) return node;
      this.eat('?'); // lazy
      node = { kind: 'repeat', body: node, min: bounds[0], max: bounds[1], start: body.start, end: this.i };
      // JavaScript refuses a quantifier on a quantifier (`a**`); the flavour (valid JS) has none.
      if (this.quantifierAhead()) throw new NotPortable();
    }
  }

  private quantifierAhead(): boolean {
    const c = this.pattern.charAt(this.i);
    return c === '*' || c === '+' || c === '?' || (c === '{' && /^\{[0-9]+(,[0-9]*)?\}/.test(this.pattern.slice(this.i)));
  }

  private quantifier(): readonly [number, number] | undefined {
    const c = this.pattern.charAt(this.i);
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    if (c !== '{') return undefined;
    const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(this.pattern.slice(this.i));
    if (!m) throw new NotPortable();
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return [min, max];
  }
}
