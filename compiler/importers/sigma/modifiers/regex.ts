// `|re` values must be regular expressions every detc target runs with the same meaning. The
// language engineer's `checkRegex` (compiler/evaluate.ts) is the authority; until it lands this
// file applies the same idea: the pattern must compile, and constructs outside the common subset
// (look-around, back-references, named groups, possessive/atomic forms) are refused.

const UNPORTABLE: readonly [RegExp, string][] = [
  [/\(\?<?[=!]/, 'look-around assertions'],
  [/\\[1-9]|\\k</, 'back-references'],
  [/\(\?<[A-Za-z]|\(\?P</, 'named groups'],
  [/\(\?>|[*+?}]\+/, 'atomic groups or possessive quantifiers'],
  [/\(\?[a-z]+\)|\(\?[a-z]*-[a-z]+\)/i, 'inline flag groups'],
];

/** A reason the pattern cannot be imported, or undefined when it is portable. */
export function checkImportedRegex(pattern: string, flags: string): string | undefined {
  try {
    new RegExp(pattern, flags.includes('s') ? flags : flags);
  } catch (e) {
    return `the regular expression does not compile: ${(e as Error).message}.`;
  }
  for (const [construct, what] of UNPORTABLE) {
    if (construct.test(pattern)) return `uses ${what}, which are outside the regex subset every detc target runs the same way (docs/language.md).`;
  }
  return undefined;
}
