// Which repetitions of a portable regex make a backtracking engine take exponential time.
//
// Splunk runs a rule's regex with PCRE, and JavaScript's RegExp backtracks too: when a value
// nearly matches, they try every way the pattern can match each prefix. A repetition whose body
// can match the same text in more than one way — `(a+)+` (a repeated part that repeats inside),
// `(a|aa)+` or `(\w+\s?)+` (parts that take the same characters) — has exponentially many ways
// to split a run of such text, and the engine tries them all before it fails.
//
// The ambiguity test is exact, on the pattern's position automaton (regex-automaton.ts), where such a
// repetition shows as a loop that can be walked along two different paths reading the same
// text (the automaton is "exponentially ambiguous", Weber & Seidl 1991): an edge with two
// derivations inside a loop (`(a*)*` goes from `a` to `a` both by the inner and by the outer
// repetition), or two different paths through the loop reading the same characters, found on
// the product of the loop with itself, whose pairs of positions must be able to read a common
// character. The message then says "nested-repetition" when the repeated body repeats itself,
// else "overlapping-parts".
//
// A counted repetition counts as a loop when it can repeat and its count varies (`x{2,5}`) or its
// body itself repeats (`(.*a){20}`, which is as slow as `(.*a)+` for twenty splits); `x{3}` of a
// fixed body is three copies. A repetition is only a risk when something after it can still fail
// (more pattern, or `$`): `x(\w+\s?)+` succeeds as soon as the repetition is reached.
//
// Polynomial backtracking (`.*a.*b.*c` tries about n³ splits) is not reported, nor is ambiguity
// that does not repeat. detc's own evaluator is linear either way (regex-matcher.ts).

import { charSetOf, intersects, type CharSet } from './regex-charset.ts';
import { regexAutomaton, type RegexAutomaton } from './regex-automaton.ts';
import { parseRegex, type RegexNode, type RegexRepeat } from './regex-syntax.ts';

export type BacktrackingCause = 'nested-repetition' | 'overlapping-parts';

export interface BacktrackingRisk {
  readonly cause: BacktrackingCause;
  /** The repetition, as offsets `[start, end)` in the pattern (from its group's `(` to its quantifier). */
  readonly start: number;
  readonly end: number;
}

// Bounds on the analysis, so that it is itself fast: patterns beyond them are not analysed
// (not reported; the evaluator's time limit still bounds them in `detc test`).
const MAX_POSITIONS = 2_000;
const MAX_EDGES = 100_000;
const MAX_PRODUCT_STEPS = 4_000_000;

class TooComplex extends Error {}

/** The repetitions of the pattern that backtrack exponentially, innermost first; [] when none (or not portable). */
export function exponentialBacktracking(pattern: string, flags: string): BacktrackingRisk[] {
  const syntax = parseRegex(pattern, flags);
  if (!syntax) return [];
  const loops = new LoopPolicy();
  const options = { maxPositions: MAX_POSITIONS, maxEdges: MAX_EDGES, loop: (r: RegexRepeat) => loops.isLoop(r) };
  const whole = regexAutomaton(syntax, options);
  if (!whole) return [];
  const charSets = new Map<string, CharSet>();
  const charSet = (source: string) => {
    let set = charSets.get(source);
    if (!set) charSets.set(source, (set = charSetOf(source, flags)));
    return set;
  };

  const risks: BacktrackingRisk[] = [];
  // Post-order: an inner repetition is judged before the ones around it, which are then not
  // reported again (rewriting the inner one is the fix).
  const visit = (node: RegexNode): boolean => {
    let inner = false;
    if (node.kind === 'sequence') for (const item of node.items) inner = visit(item) || inner;
    if (node.kind === 'alternation') for (const alternative of node.alternatives) inner = visit(alternative) || inner;
    if (node.kind !== 'repeat') return inner;
    inner = visit(node.body) || inner;
    if (inner || !loops.isLoop(node)) return inner;
    const loop = regexAutomaton({ branches: [{ body: node, anchoredStart: false, anchoredEnd: false }] }, options);
    if (!loop || !ambiguous(loop, charSet) || !canFailAfter(loop, whole)) return false;
    const cause = loops.containsLoop(node.body) ? 'nested-repetition' : 'overlapping-parts';
    risks.push({ cause, start: node.start, end: node.end });
    return true;
  };
  for (const branch of syntax.branches) visit(branch.body);
  return risks;
}

/** Which repetitions the analysis reads as loops (see the header). */
class LoopPolicy {
  private readonly repeats = new WeakMap<RegexNode, boolean>();

  isLoop(repeat: RegexRepeat): boolean {
    return repeat.max === Infinity || (repeat.max >= 2 && (repeat.max > repeat.min || this.containsLoop(repeat.body)));
  }

  containsLoop(node: RegexNode): boolean {
    let known = this.repeats.get(node);
    if (known === undefined) {
      known =
        node.kind === 'repeat'
          ? this.isLoop(node) || this.containsLoop(node.body)
          : node.kind === 'sequence'
            ? node.items.some((item) => this.containsLoop(item))
            : node.kind === 'alternation'
              ? node.alternatives.some((alternative) => this.containsLoop(alternative))
              : false;
      this.repeats.set(node, known);
    }
    return known;
  }
}

/**
 * Whether the loop's automaton can read some text along two different paths through one cycle.
 *
 * On the product of the automaton with itself (pairs of positions of one strongly connected
 * component, a step when both can move to positions that read a common character), such paths
 * leave the diagonal (p, p) and come back to it. Any two diagonal pairs of a component reach each
 * other (walk the same path twice), so it is enough to search forward from the diagonal through
 * off-diagonal pairs until a step lands on the diagonal again.
 */
function ambiguous(automaton: RegexAutomaton, charSet: (source: string) => CharSet): boolean {
  const { follow, atoms } = automaton;
  const sets = atoms.map((atom) => charSet(atom.source));
  // A position that reads no character at all (`[^\d\D]`) is on no path.
  const live = (p: number) => (sets[p] as CharSet).length > 0;
  const component = stronglyConnected(atoms.length, (p) => (live(p) ? [...(follow[p]?.keys() ?? [])].filter(live) : []));
  const inside = (p: number, q: number) => live(q) && component[q] === component[p];
  for (let p = 0; p < atoms.length; p++) {
    for (const [q, derivations] of follow[p] ?? []) if (derivations > 1 && live(p) && inside(p, q)) return true;
  }
  const n = atoms.length;
  const seen = new Set<number>();
  const queue: number[] = [];
  let budget = MAX_PRODUCT_STEPS;
  // One step from the pair (p, q): true when it reaches the diagonal from off it.
  const step = (p: number, q: number, fromDiagonal: boolean): boolean => {
    for (const p2 of follow[p]?.keys() ?? []) {
      if (!inside(p, p2)) continue;
      for (const q2 of follow[q]?.keys() ?? []) {
        if (--budget < 0) throw new TooComplex();
        if (!inside(p, q2) || !intersects(sets[p2] as CharSet, sets[q2] as CharSet)) continue;
        if (p2 === q2) {
          if (!fromDiagonal) return true;
          continue;
        }
        const id = p2 * n + q2;
        if (!seen.has(id)) {
          seen.add(id);
          queue.push(id);
        }
      }
    }
    return false;
  };
  try {
    // From each diagonal pair in turn, searching what it reaches before the next (an ambiguous
    // loop is usually found from the first).
    let next = 0;
    for (let p = 0; p < n; p++) {
      if (live(p)) step(p, p, true);
      for (; next < queue.length; next++) {
        const id = queue[next] as number;
        if (step(Math.floor(id / n), id % n, false)) return true;
      }
    }
  } catch (e) {
    if (e instanceof TooComplex) return false; // not analysed (documented)
    throw e;
  }
  return false;
}

/**
 * Whether the pattern can still fail after an iteration of the loop ends: true unless every
 * position where the loop can end is a position where the whole pattern can end (and its branch
 * has no `$`), in which case the engine succeeds as soon as it gets there.
 */
function canFailAfter(loop: RegexAutomaton, whole: RegexAutomaton): boolean {
  const loopEnds = new Set([...(loop.branches[0]?.last.keys() ?? [])].map((p) => loop.atoms[p]));
  for (let p = 0; p < whole.atoms.length; p++) {
    if (!loopEnds.has(whole.atoms[p])) continue;
    const branch = whole.branches[whole.branchOf[p] as number];
    if (!branch || branch.anchoredEnd || !branch.last.has(p)) return true;
  }
  return false;
}

/** Tarjan's strongly connected components of nodes 0..n-1, iteratively (graphs can be deep): a component id per node. */
function stronglyConnected(n: number, next: (node: number) => readonly number[]): number[] {
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const component = new Array<number>(n).fill(-1);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; steps: readonly number[]; at: number }[] = [];
    const open = (node: number) => {
      index[node] = low[node] = counter++;
      stack.push(node);
      onStack[node] = true;
      work.push({ node, steps: next(node), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; steps: readonly number[]; at: number };
      if (frame.at < frame.steps.length) {
        const to = frame.steps[frame.at++] as number;
        if (index[to] === -1) open(to);
        else if (onStack[to]) low[frame.node] = Math.min(low[frame.node] as number, index[to] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node] as number, low[frame.node] as number);
      if (low[frame.node] === index[frame.node]) {
        for (;;) {
          const member = stack.pop() as number;
          onStack[member] = false;
          component[member] = components;
          if (member === frame.node) break;
        }
        components++;
      }
    }
  }
  return component;
}

const EXAMPLES: Record<BacktrackingCause, string> = {
  'nested-repetition': 'a repeated part inside it repeats too',
  'overlapping-parts': 'its parts can match the same characters, so a run of them splits in many ways',
};

const REWRITES: Record<BacktrackingCause, string> = {
  'nested-repetition': '"(a+)+" → "a+", "(\\w+\\s?)+" → "\\w+(?:\\s\\w+)*", "(.*a){5}" → "(?:[^a]*a){5}"',
  'overlapping-parts': '"(a|aa)+" → "a+", "(.*,)+" → "(?:[^,]*,)+", "(\\d|\\w)+" → "\\w+"',
};

/** What is wrong with the repetition and how to rewrite it, for diagnostics. */
export function describeBacktracking(pattern: string, risk: BacktrackingRisk): string {
  const text = pattern.slice(risk.start, risk.end);
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return (
    `the repetition "${shown}" can match the same text in more than one way (${EXAMPLES[risk.cause]}), so a backtracking ` +
    `regex engine (Splunk's PCRE, JavaScript) takes exponential time on a value that nearly matches. Rewrite it so that ` +
    `each character can be matched only one way, e.g. ${REWRITES[risk.cause]}`
  );
}
