// Which repetitions of a portable regex make a backtracking engine take exponential time.
//
// Splunk runs a rule's regex with PCRE, and JavaScript's RegExp backtracks too: when a value
// nearly matches, they try every way the pattern can match each prefix. A repetition whose body
// can match the same text in more than one way — `(a+)+` (a repeated part that repeats inside),
// `(a|aa)+` or `(\w+\s?)+` (parts that take the same characters) — has exponentially many ways
// to split a run of such text, and the engine tries them all before it fails.
//
// The test is exact on the pattern's position automaton (regex-automaton.ts), where such a
// repetition shows as a loop that can be walked along two different paths reading the same
// text (the automaton is "exponentially ambiguous", Weber & Seidl 1991): an edge with two
// derivations inside a loop (`(a*)*` goes from `a` to `a` both by the inner and by the outer
// repetition), or two different paths through the loop reading the same characters, found on
// the product of the loop with itself, whose pairs of positions must be able to read a common
// character. The message then says "nested-repetition" when the repeated body repeats itself,
// else "overlapping-parts".
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

// Bounds on the analysis, so that it is itself fast: patterns beyond them are not analysed.
const MAX_POSITIONS = 2_000;
const MAX_EDGES = 100_000;
const MAX_LOOP_POSITIONS = 200;

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
    if (!loop || loop.atoms.length > MAX_LOOP_POSITIONS || !ambiguous(loop, charSet) || !canFailAfter(loop, whole)) return false;
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

/** Whether the loop's automaton can read some text along two different paths through one cycle. */
function ambiguous(automaton: RegexAutomaton, charSet: (source: string) => CharSet): boolean {
  const { follow, atoms } = automaton;
  const component = stronglyConnected(atoms.length, (p) => follow[p]?.keys() ?? []);
  for (let p = 0; p < atoms.length; p++) {
    for (const [q, derivations] of follow[p] ?? []) if (derivations > 1 && component[p] === component[q]) return true;
  }
  // The product: pairs of positions of one component, a step when both can move to positions
  // that read a common character. A diagonal pair (p, p) in a cycle with an off-diagonal pair
  // means two different paths from p back to p with the same text.
  const sets = atoms.map((atom) => charSet(atom.source));
  const n = atoms.length;
  const pairId = (p: number, q: number) => p * n + q;
  const pairSteps = (id: number): number[] => {
    const p = Math.floor(id / n);
    const q = id % n;
    const steps: number[] = [];
    for (const p2 of follow[p]?.keys() ?? []) {
      if (component[p2] !== component[p]) continue;
      for (const q2 of follow[q]?.keys() ?? []) {
        if (component[q2] === component[p] && intersects(sets[p2] as CharSet, sets[q2] as CharSet)) steps.push(pairId(p2, q2));
      }
    }
    return steps;
  };
  const pairComponent = stronglyConnectedFrom(
    Array.from({ length: n }, (_, p) => pairId(p, p)),
    pairSteps,
  );
  const diagonalComponents = new Set<number>();
  for (let p = 0; p < n; p++) {
    const c = pairComponent.get(pairId(p, p));
    if (c !== undefined) diagonalComponents.add(c);
  }
  for (const [id, c] of pairComponent) {
    if (Math.floor(id / n) !== id % n && diagonalComponents.has(c)) return true;
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

/** Tarjan's strongly connected components over nodes 0..n-1, iteratively: component id per node. */
function stronglyConnected(n: number, next: (node: number) => Iterable<number>): number[] {
  const found = stronglyConnectedFrom(
    Array.from({ length: n }, (_, i) => i),
    (node) => [...next(node)],
  );
  return Array.from({ length: n }, (_, i) => found.get(i) ?? -1);
}

/** Tarjan's algorithm over the nodes reachable from `roots`, iteratively (graphs can be deep). */
function stronglyConnectedFrom(roots: readonly number[], next: (node: number) => readonly number[]): Map<number, number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const component = new Map<number, number>();
  let counter = 0;
  let components = 0;
  for (const root of roots) {
    if (index.has(root)) continue;
    const work: { node: number; steps: readonly number[]; at: number }[] = [];
    const open = (node: number) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, steps: next(node), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; steps: readonly number[]; at: number };
      if (frame.at < frame.steps.length) {
        const to = frame.steps[frame.at++] as number;
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(to) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (;;) {
          const member = stack.pop() as number;
          onStack.delete(member);
          component.set(member, components);
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
