// "Did you mean …?" suggestions for misspelt names (schema keys, field names, tactics …).
// A typo is usually one or two edits away from the intended word, so we suggest the closest
// candidate by edit distance, but only when it is close enough that the suggestion helps
// rather than confuses.

/**
 * The candidate closest to `input`, or undefined when none is plausibly what the author meant.
 * Case differences count as small edits (`Severity` → `severity`). Ties are broken by the
 * candidates' sorted order, so the answer does not depend on iteration order.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lowerInput = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...new Set(candidates)].sort()) {
    if (candidate === input) continue;
    // A case-only difference is the most likely intent of all.
    const distance = candidate.toLowerCase() === lowerInput ? 0.5 : levenshtein(lowerInput, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= allowedDistance(input, best) ? best : undefined;
}

/**
 * About one edit per three characters of the longer word, at least one and at most three, so that
 * an abbreviation of a long name still finds it (`src_ip` → `source_ip`).
 */
function allowedDistance(input: string, candidate: string): number {
  const length = Math.max(input.length, candidate.length);
  return Math.max(1, Math.min(3, Math.floor(length / 3)));
}

/** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: two back (for transpositions), previous, current.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cost = Math.min(cost, twoBack[j - 2]! + 1);
      }
      current[j] = cost;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}
