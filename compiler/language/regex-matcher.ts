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

import { regexAutomaton, type RegexAutomaton } from './regex-automaton.ts';
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
  const reads = automaton.atoms.map((atom) => characterTest(atom.source, flags));
  return (text) => run(automaton, reads, text);
}

function run(automaton: RegexAutomaton, reads: readonly CharacterTest[], text: string): boolean {
  const { branches, follow, branchOf } = automaton;
  const isLast = (p: number) => branches[branchOf[p] as number]?.last.has(p) ?? false;
  const endsHere = (p: number, at: number) => isLast(p) && (at === text.length || !branches[branchOf[p] as number]?.anchoredEnd);
  // The positions that have just read text[at - 1] on some path from a branch's start.
  let active: number[] = [];
  const seen = new Uint32Array(automaton.atoms.length);
  for (let at = 0; ; at++) {
    // A match ends here: a branch that matches the empty text starting here, or a path that has read a whole branch.
    for (const branch of branches) {
      if (branch.empty > 0 && (at === 0 || !branch.anchoredStart) && (at === text.length || !branch.anchoredEnd)) return true;
    }
    if (active.some((p) => endsHere(p, at))) return true;
    if (at === text.length) return false;
    const code = text.charCodeAt(at);
    const next: number[] = [];
    const step = at + 1; // `seen[q] === step`: q is already in `next`
    const enter = (q: number) => {
      if (seen[q] !== step && (reads[q] as CharacterTest)(code)) {
        seen[q] = step;
        next.push(q);
      }
    };
    for (const p of active) for (const q of (follow[p] as ReadonlyMap<number, number>).keys()) enter(q);
    // Unanchored search: a match may start at every character.
    for (const branch of branches) {
      if (at === 0 || !branch.anchoredStart) for (const q of branch.first.keys()) enter(q);
    }
    active = next;
  }
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
