// The characters (UTF-16 code units) one atom of a portable regex can match, as sorted ranges:
// enough to ask whether two atoms can match the same character (regex-backtracking.ts). The
// sets follow JavaScript without the `u` flag, including `i`'s case folding (ECMA-262
// Canonicalize: two characters are equal when their upper-case forms are, except that a
// non-ASCII character never folds onto an ASCII one).

/** Sorted, disjoint, inclusive ranges of code units. */
export type CharSet = readonly (readonly [number, number])[];

const MAX = 0xffff;

export function charSetOf(source: string, flags: string): CharSet {
  const negated = source.startsWith('[^');
  const set = source.startsWith('[') ? classSet(source) : atomSet(source, flags.includes('s'));
  const folded = flags.includes('i') ? foldCase(set) : set;
  // `[^…]` matches what no member matches, case folding included: negate after folding.
  return negated ? complement(folded) : folded;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i] as readonly [number, number];
    const [bLo, bHi] = b[j] as readonly [number, number];
    if (aHi < bLo) i++;
    else if (bHi < aLo) j++;
    else return true;
  }
  return false;
}

function normalise(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

const code = (c: string) => c.charCodeAt(0);
const single = (c: number): CharSet => [[c, c]];

const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalise([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
// JavaScript's WhiteSpace and LineTerminator code points.
const SPACE: CharSet = normalise(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].map((c) => [c, c] as const).concat([[0x2000, 0x200a]]),
);
const LINE_TERMINATORS: CharSet = normalise([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);

/** `\d`, `\W`, `\t`, `\x41`, `\.`: the set of an escape (without its backslash). */
function escapeSet(rest: string): CharSet {
  const c = rest.charAt(0);
  switch (c) {
    case 'd':
      return DIGIT;
    case 'D':
      return complement(DIGIT);
    case 'w':
      return WORD;
    case 'W':
      return complement(WORD);
    case 's':
      return SPACE;
    case 'S':
      return complement(SPACE);
    case 't':
      return single(0x09);
    case 'n':
      return single(0x0a);
    case 'r':
      return single(0x0d);
    case 'x':
      return single(parseInt(rest.slice(1, 3), 16));
    default:
      return single(code(c));
  }
}

function atomSet(source: string, dotAll: boolean): CharSet {
  if (source === '.') return dotAll ? [[0, MAX]] : complement(LINE_TERMINATORS);
  if (source.startsWith('\\')) return escapeSet(source.slice(1));
  return single(code(source));
}

/** The members of `[...]` / `[^...]` (not negated): items, ranges `a-z`; a class escape beside `-` makes the `-` literal. */
function classSet(source: string): CharSet {
  const negated = source.charAt(1) === '^';
  const body = source.slice(negated ? 2 : 1, -1);
  // Each item: one code unit, or a class escape (\d, \w, \s) that cannot end a range.
  const items: (number | CharSet)[] = [];
  for (let i = 0; i < body.length; ) {
    if (body.charAt(i) === '\\') {
      const length = body.charAt(i + 1) === 'x' ? 4 : 2;
      const set = escapeSet(body.slice(i + 1, i + length));
      items.push('dDwWsS'.includes(body.charAt(i + 1)) ? set : (set[0]?.[0] ?? 0));
      i += length;
    } else {
      items.push(code(body.charAt(i)));
      i++;
    }
  }
  const ranges: (readonly [number, number])[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as number | CharSet;
    const dash = items[i + 1];
    const end = items[i + 2];
    if (typeof item === 'number' && dash === 0x2d && typeof end === 'number') {
      ranges.push([item, end]);
      i += 2;
    } else if (typeof item === 'number') ranges.push([item, item]);
    else ranges.push(...item);
  }
  return normalise(ranges);
}

// Characters grouped by their canonical (upper-case) form, for groups of two or more.
let foldGroups: readonly (readonly number[])[] | undefined;

function caseGroups(): readonly (readonly number[])[] {
  if (foldGroups) return foldGroups;
  const byCanon = new Map<number, number[]>();
  for (let c = 0; c <= MAX; c++) {
    const upper = String.fromCharCode(c).toUpperCase();
    const canon = upper.length !== 1 || (c >= 128 && upper.charCodeAt(0) < 128) ? c : upper.charCodeAt(0);
    const group = byCanon.get(canon);
    if (group) group.push(c);
    else byCanon.set(canon, [c]);
  }
  foldGroups = [...byCanon.values()].filter((group) => group.length > 1);
  return foldGroups;
}

function contains(set: CharSet, c: number): boolean {
  return set.some(([lo, hi]) => lo <= c && c <= hi);
}

function foldCase(set: CharSet): CharSet {
  const extra: (readonly [number, number])[] = [];
  for (const group of caseGroups()) {
    if (group.some((c) => contains(set, c))) for (const c of group) extra.push([c, c]);
  }
  return extra.length === 0 ? set : normalise([...set, ...extra]);
}
