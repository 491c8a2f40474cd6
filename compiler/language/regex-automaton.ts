// The position automaton (Glushkov automaton) of a portable regex: one state per character atom
// of the pattern, and an edge p → q when q can read the character right after p. It has no empty
// moves, so it can be run over a text one character at a time (regex-matcher.ts) and searched for
// ambiguity (regex-backtracking.ts).
//
// Each edge also counts the *derivations* that lead from p to q, up to 2: `(a+)+` has one
// position `a` but two ways to go from `a` to `a` (the inner loop, or the end of an outer
// iteration), and that is what makes a backtracking engine try exponentially many splits. The
// counts follow JavaScript's rule that an iteration beyond a quantifier's minimum must not match
// the empty text (ECMA-262 RepeatMatcher), so `(a*)*` counts the ways that read characters.
//
// Counted repetitions `x{n,m}` are expanded into copies of x unless the caller's `loop` says to
// treat one as unbounded (`x{n,}` with n ≤ 1); construction stops at `maxPositions` positions or
// `maxEdges` edges (`(.*a){1000}` has a dense square of edges).

import type { RegexChar, RegexNode, RegexRepeat, RegexSyntax } from './regex-syntax.ts';

/** The number of derivations, capped at 2 ("more than one"). */
type Counts = Map<number, number>;

export interface AutomatonBranch {
  /** Positions that can read the first character, with their derivation counts. */
  readonly first: ReadonlyMap<number, number>;
  /** Positions after which the branch can end. */
  readonly last: ReadonlyMap<number, number>;
  /** How many ways the branch matches the empty text (0, 1 or 2 = more). */
  readonly empty: number;
  readonly anchoredStart: boolean;
  readonly anchoredEnd: boolean;
}

export interface RegexAutomaton {
  /** The atom each position reads (several positions share an atom when a repetition is expanded). */
  readonly atoms: readonly RegexChar[];
  /** The top-level alternative each position belongs to. */
  readonly branchOf: readonly number[];
  /** follow[p]: the positions that can read the character after p, with derivation counts. */
  readonly follow: readonly ReadonlyMap<number, number>[];
  readonly branches: readonly AutomatonBranch[];
}

export interface AutomatonOptions {
  /** Give up (return undefined) beyond this many positions, or this many edges. */
  readonly maxPositions: number;
  readonly maxEdges: number;
  /** Treat this counted repetition as unbounded instead of expanding it (default: never). */
  readonly loop?: (repeat: RegexRepeat) => boolean;
}

/** The automaton of a whole pattern, or undefined when it would exceed `maxPositions`. */
export function regexAutomaton(syntax: RegexSyntax, options: AutomatonOptions): RegexAutomaton | undefined {
  const builder = new Builder(options);
  try {
    const branches = syntax.branches.map((branch, index) => {
      builder.branch = index;
      const fragment = builder.node(branch.body);
      return { first: fragment.first, last: fragment.last, empty: fragment.empty, anchoredStart: branch.anchoredStart, anchoredEnd: branch.anchoredEnd };
    });
    return { atoms: builder.atoms, branchOf: builder.branchOf, follow: builder.follow, branches };
  } catch (e) {
    if (e instanceof TooLarge) return undefined;
    throw e;
  }
}

class TooLarge extends Error {}

interface Fragment {
  readonly empty: number;
  readonly first: Counts;
  readonly last: Counts;
}

const cap = (n: number) => Math.min(n, 2);
const EMPTY: Fragment = { empty: 1, first: new Map(), last: new Map() };

/** a ⊎ b × factor, counts capped. */
function plus(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>, factor = 1): Counts {
  const out: Counts = new Map(a);
  if (factor === 0) return out;
  for (const [p, n] of b) out.set(p, cap((out.get(p) ?? 0) + n * factor));
  return out;
}

class Builder {
  readonly atoms: RegexChar[] = [];
  readonly branchOf: number[] = [];
  readonly follow: Counts[] = [];
  branch = 0;
  private edges = 0;

  constructor(private readonly options: AutomatonOptions) {}

  node(node: RegexNode): Fragment {
    switch (node.kind) {
      case 'char':
        return this.char(node);
      case 'sequence':
        return node.items.reduce<Fragment>((acc, item) => this.concat(acc, this.node(item)), EMPTY);
      case 'alternation':
        return node.alternatives
          .map((alternative) => this.node(alternative))
          .reduce((a, b) => ({ empty: cap(a.empty + b.empty), first: plus(a.first, b.first), last: plus(a.last, b.last) }));
      case 'repeat':
        return this.repeat(node);
    }
  }

  private char(atom: RegexChar): Fragment {
    const p = this.atoms.length;
    if (p >= this.options.maxPositions) throw new TooLarge();
    this.atoms.push(atom);
    this.branchOf.push(this.branch);
    this.follow.push(new Map());
    return { empty: 0, first: new Map([[p, 1]]), last: new Map([[p, 1]]) };
  }

  /** Adds the edges from every position of `from` to every position of `to`. */
  private link(from: ReadonlyMap<number, number>, to: ReadonlyMap<number, number>): void {
    for (const [p, m] of from) {
      const edges = this.follow[p] as Counts;
      for (const [q, n] of to) {
        const before = edges.get(q);
        if (before === undefined && ++this.edges > this.options.maxEdges) throw new TooLarge();
        edges.set(q, cap((before ?? 0) + m * n));
      }
    }
  }

  private concat(a: Fragment, b: Fragment): Fragment {
    this.link(a.last, b.first);
    return { empty: cap(a.empty * b.empty), first: plus(a.first, b.first, a.empty), last: plus(b.last, a.last, b.empty) };
  }

  /** An iteration beyond the minimum: it must read something, so its empty derivations do not count. */
  private nonEmpty(a: Fragment): Fragment {
    return { empty: 0, first: a.first, last: a.last };
  }

  private repeat(node: RegexRepeat): Fragment {
    const unbounded = node.max === Infinity || (this.options.loop?.(node) ?? false);
    // Copies that must match (they may match empty), then the optional ones.
    const required = unbounded && node.max !== Infinity ? Math.min(node.min, 1) : node.min;
    let fragment = EMPTY;
    for (let i = 0; i < required; i++) {
      const copy = this.node(node.body);
      fragment = this.concat(fragment, copy);
      if (copy.first.size === 0) break; // a body without characters: more copies add nothing
    }
    if (unbounded) return this.concat(fragment, this.star(node.body));
    return this.concat(fragment, this.optionalCopies(node.body, node.max - node.min));
  }

  /** `x*`: one copy whose end links back to its start. */
  private star(body: RegexNode): Fragment {
    const copy = this.nonEmpty(this.node(body));
    this.link(copy.last, copy.first);
    return { empty: 1, first: copy.first, last: copy.last };
  }

  /** Up to `count` more copies, each optional: `(x(x(x)?)?)?`, so that n copies read n characters one way. */
  private optionalCopies(body: RegexNode, count: number): Fragment {
    const copies: Fragment[] = [];
    for (let i = 0; i < count; i++) {
      const copy = this.nonEmpty(this.node(body));
      if (copy.first.size === 0) break;
      copies.push(copy);
    }
    let rest = EMPTY;
    for (let i = copies.length - 1; i >= 0; i--) {
      const both = this.concat(copies[i] as Fragment, rest);
      rest = { empty: 1, first: both.first, last: both.last };
    }
    return rest;
  }
}
