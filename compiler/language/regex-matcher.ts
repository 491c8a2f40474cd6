// Matching a portable regex in linear time: the pattern's position automaton (regex-automaton.ts)
// is run over the text one character at a time, keeping the set of positions that can have read
// the text so far, as Thompson's construction does. Work per character is bounded by the pattern's
// size, so `(a+)+$` against 10,000 "a"s and a "!" takes 10,000 steps, not 2^10,000.
//
// The meaning is JavaScript's `RegExp.prototype.test`, unchanged. Without backreferences and
// lookaround (which the portable flavour excludes), whether a JavaScript regex matches a text is
// whether some substring is in the regex's language — greedy or lazy only choose *which* match
// is found — so a set simulation gives the same answer. What one atom (`a`, `\d`, `[^x]`, `.`)
// matches is decided by a JavaScript RegExp of that atom alone, with the pattern's flags, so `i`
// and `s` keep exactly their JavaScript meaning. Without the `u` flag (the flavour has none) an
// atom reads one UTF-16 code unit, as here.

import { regexAutomaton, type AutomatonBranch, type RegexAutomaton } from './regex-automaton.ts';
import { parseRegex } from './regex-syntax.ts';

/** Patterns whose expansion is larger (e.g. `x{1,100000}`) are not compiled. */
export const MAX_MATCHER_POSITIONS = 5_000;
const MAX_MATCHER_EDGES = 200_000;

export type RegexTest = (text: string) => boolean;

/**
 * A linear-time test for a portable pattern, or undefined when the pattern is not portable or is
 * too large to compile; the caller then needs another bound (e.g. `detc test`'s time limit).
 */
export function linearRegexTest(pattern: string, flags: string): RegexTest | undefined {
  const syntax = parseRegex(pattern, flags);
  const automaton = syntax && regexAutomaton(syntax, { maxPositions: MAX_MATCHER_POSITIONS, maxEdges: MAX_MATCHER_EDGES });
  if (!automaton) return undefined;
  const compiled = compile(automaton, flags);
  return (text) => run(compiled, text);
}

/** The automaton in arrays, for the inner loop. */
interface Compiled {
  readonly reads: readonly CharacterTest[];
  readonly follow: readonly Int32Array[];
  /** Per position: ENDS when a match can end after it, ANCHORED when only at the end of the text. */
  readonly ending: Uint8Array;
  /** Positions that can read the first character of a match starting at 0, or later. */
  readonly startAtZero: Int32Array;
  readonly startLater: Int32Array;
  /**
   * A branch that matches the empty text matches every text — at its start (`^`), at its end
   * (`$`) or anywhere — unless it has both anchors, when it matches only the empty text.
   */
  readonly emptyMatchesAll: boolean;
  readonly emptyMatchesEmpty: boolean;
}

const ENDS = 1;
const ANCHORED = 2;

function compile(automaton: RegexAutomaton, flags: string): Compiled {
  const { atoms, branches, branchOf } = automaton;
  const ending = new Uint8Array(atoms.length);
  for (let p = 0; p < atoms.length; p++) {
    const branch = branches[branchOf[p] as number];
    if (branch?.last.has(p)) ending[p] = ENDS | (branch.anchoredEnd ? ANCHORED : 0);
  }
  const firsts = (which: readonly AutomatonBranch[]) => Int32Array.from(new Set(which.flatMap((b) => [...b.first.keys()])));
  const empty = branches.filter((b) => b.empty > 0);
  return {
    reads: atoms.map((atom) => characterTest(atom.source, flags)),
    follow: automaton.follow.map((edges) => Int32Array.from(edges.keys())),
    ending,
    startAtZero: firsts(branches),
    startLater: firsts(branches.filter((b) => !b.anchoredStart)),
    emptyMatchesAll: empty.some((b) => !(b.anchoredStart && b.anchoredEnd)),
    emptyMatchesEmpty: empty.length > 0,
  };
}

function run(compiled: Compiled, text: string): boolean {
  const { reads, follow, ending, startAtZero, startLater } = compiled;
  const length = text.length;
  if (compiled.emptyMatchesAll || (compiled.emptyMatchesEmpty && length === 0)) return true;
  // The positions that have just read text[at - 1] on some path from a branch's start.
  let active = new Int32Array(reads.length);
  let next = new Int32Array(reads.length);
  let activeCount = 0;
  const seen = new Uint32Array(reads.length);
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    const step = at + 1; // `seen[q] === step`: q is already in `next`
    let nextCount = 0;
    for (let i = 0; i < activeCount; i++) {
      const edges = follow[active[i] as number] as Int32Array;
      for (let j = 0; j < edges.length; j++) {
        const q = edges[j] as number;
        if (seen[q] !== step && (reads[q] as CharacterTest)(code)) {
          seen[q] = step;
          next[nextCount++] = q;
        }
      }
    }
    // Unanchored search: a match may start at every character.
    const starts = at === 0 ? startAtZero : startLater;
    for (let j = 0; j < starts.length; j++) {
      const q = starts[j] as number;
      if (seen[q] !== step && (reads[q] as CharacterTest)(code)) {
        seen[q] = step;
        next[nextCount++] = q;
      }
    }
    [active, next] = [next, active];
    activeCount = nextCount;
    // A match ends here: after a position where its branch can end (at the text's end, if anchored).
    const atEnd = at + 1 === length;
    for (let i = 0; i < activeCount; i++) {
      const end = ending[active[i] as number] as number;
      if (end & ENDS && (atEnd || !(end & ANCHORED))) return true;
    }
  }
  return false;
}

type CharacterTest = (code: number) => boolean;

// What an atom matches, decided once per character code and shared by every pattern that uses
// the same atom with the same flags. ASCII answers sit in an array, others in a map.
const characterTests = new Map<string, CharacterTest>();

function characterTest(source: string, flags: string): CharacterTest {
  // `m` only changes ^ and $, which are not atoms; `g`/`y` would make test() stateful.
  const relevant = [...flags].filter((f) => f === 'i' || f === 's').join('');
  const key = `${relevant}/${source}`;
  let test = characterTests.get(key);
  if (!test) {
    test = compileCharacterTest(source, relevant);
    characterTests.set(key, test);
  }
  return test;
}

function compileCharacterTest(source: string, flags: string): CharacterTest {
  // A plain character that no flag changes: compare codes. (Under `i` only ASCII non-letters are
  // certain to match nothing else: case folding never maps a non-ASCII character to ASCII.)
  if (source.length === 1 && source !== '.' && (!flags.includes('i') || /^[\x00-\x40\x5b-\x60\x7b-\x7f]$/.test(source))) {
    const only = source.charCodeAt(0);
    return (code) => code === only;
  }
  const regex = new RegExp(`^(?:${source})$`, flags);
  const ascii = new Int8Array(128); // 0 unknown, 1 no, 2 yes
  const other = new Map<number, boolean>();
  return (code) => {
    if (code < 128) {
      let known = ascii[code];
      if (!known) ascii[code] = known = regex.test(String.fromCharCode(code)) ? 2 : 1;
      return known === 2;
    }
    let known = other.get(code);
    if (known === undefined) other.set(code, (known = regex.test(String.fromCharCode(code))));
    return known;
  };
}
