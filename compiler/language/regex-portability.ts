// checkRegex: does a `matches` pattern stay within detc's portable regex flavour?
//
// A rule's regex must mean the same thing in the reference evaluator (JavaScript RegExp), in
// Splunk (PCRE) and in Elastic (Lucene's regexp engine, which is anchored, has no lookaround,
// no backreferences and few escapes). The portable flavour is what all three can express, or
// what a target can translate mechanically:
//
//   allowed   literals; `\` + punctuation; . ; [..] and [^..] with ranges; \d \w \s \D \W \S
//             (only \d \w \s inside [..]); \t \n \r \xHH; groups (..) and (?:..); | ;
//             * + ? {n} {n,} {n,m} and their lazy forms (laziness cannot change whether a
//             value matches); ^ only at the start and $ only at the end of the pattern or of a
//             top-level alternative; flags i, m, s (m only without ^ or $).
//   refused   lookahead/lookbehind, backreferences, named groups, inline flags (?i),
//             word boundaries \b \B, \A \z \Z \G, \u \p \c \0 and other escapes, POSIX classes
//             [[:alpha:]], empty classes [] and [^] (JS and PCRE read them differently), and
//             unescaped { } outside a quantifier.
//
// The checks engineer calls this from the regex check; the message says how to fix the pattern.

const WHY = "detc regexes use the subset that JavaScript, Splunk (PCRE) and Elastic (Lucene) share (docs/language.md, 'Regular expressions')";

export function checkRegex(pattern: string, flags: string): string | undefined {
  if (!/^(?!.*(.).*\1)[ims]*$/.test(flags)) return `"${flags}" is not a valid set of regex flags: use each of i, m and s at most once.`;
  // Portability first: PCRE-only syntax such as (?i) is also invalid JavaScript, and the
  // portability message says how to rewrite it.
  const problem = new PortabilityScan(pattern, flags).run();
  if (problem) return problem;
  try {
    new RegExp(pattern, flags);
  } catch (e) {
    return `Invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}. Fix the pattern.`;
  }
  return undefined;
}

class PortabilityScan {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly pattern: string,
    private readonly flags: string,
  ) {}

  run(): string | undefined {
    const p = this.pattern;
    while (this.i < p.length) {
      const c = p.charAt(this.i);
      const problem =
        c === '\\'
          ? this.escape(false)
          : c === '['
            ? this.characterClass()
            : c === '('
              ? this.group()
              : c === ')'
                ? this.closeGroup()
                : c === '^' || c === '$'
                  ? this.anchor(c)
                  : c === '{' || c === '}'
                    ? this.brace(c)
                    : this.skip(1);
      if (problem) return `${problem} ${WHY}.`;
    }
    return undefined;
  }

  private skip(n: number): undefined {
    this.i += n;
    return undefined;
  }

  private escape(inClass: boolean): string | undefined {
    const next = this.pattern.charAt(this.i + 1);
    const at = `"\\${next}"`;
    if (/[1-9]/.test(next)) return `${at} is a backreference, which Elastic cannot express: repeat the text instead.`;
    if (next === 'k') return `${at} is a named backreference, which Elastic cannot express: repeat the text instead.`;
    if (next === 'b' || next === 'B') return `${at} (word boundary) has no Elastic equivalent: match the separator explicitly, e.g. [^A-Za-z0-9_].`;
    if ('DWS'.includes(next) && inClass) return `${at} inside [...] cannot be translated for Elastic: use a negated class [^...] instead.`;
    if ('dwsDWStnr'.includes(next) && next !== '') return this.skip(2);
    if (next === 'x') {
      if (!/^[0-9A-Fa-f]{2}$/.test(this.pattern.slice(this.i + 2, this.i + 4))) return `"\\x" must be followed by two hex digits.`;
      return this.skip(4);
    }
    if (next === 'u') return `${at} escapes are not understood by Splunk: write the character itself.`;
    if (/[A-Za-z0-9]/.test(next)) return `${at} is not a portable escape: write the character itself, or use \\d \\w \\s.`;
    return this.skip(2);
  }

  private characterClass(): string | undefined {
    const p = this.pattern;
    const start = this.i;
    this.i += 1;
    if (p.charAt(this.i) === '^') this.i += 1;
    if (p.charAt(this.i) === ']') {
      return `"${p.slice(start, this.i + 1)}" means different things in JavaScript and PCRE: write \\] for a literal bracket inside [...].`;
    }
    while (this.i < p.length && p.charAt(this.i) !== ']') {
      const c = p.charAt(this.i);
      if (c === '\\') {
        const problem = this.escape(true);
        if (problem) return problem;
        continue;
      }
      if (c === '[') {
        return p.charAt(this.i + 1) === ':'
          ? 'POSIX classes such as [[:alpha:]] are not understood by JavaScript: write the range, e.g. [A-Za-z].'
          : 'Write \\[ for a literal [ inside a character class.';
      }
      this.i += 1;
    }
    return this.skip(1);
  }

  private group(): string | undefined {
    const p = this.pattern;
    this.depth += 1;
    if (p.charAt(this.i + 1) !== '?') return this.skip(1);
    const kind = p.slice(this.i + 2, this.i + 4);
    if (kind.startsWith(':')) return this.skip(3);
    if (kind.startsWith('=') || kind.startsWith('!')) return `Lookahead "(?${kind.charAt(0)}" has no Elastic equivalent: rewrite the rule with "and not" around a second comparison.`;
    if (kind === '<=' || kind === '<!') return `Lookbehind "(?${kind}" has no Elastic equivalent: rewrite the rule with "and not" around a second comparison.`;
    if (kind.startsWith('<') || kind.startsWith('P')) return 'Named groups are not portable: use a plain group (...) or (?:...).';
    return 'Inline flags such as (?i) are not portable: write the flag after the pattern, e.g. /abc/i.';
  }

  private closeGroup(): undefined {
    this.depth = Math.max(0, this.depth - 1);
    return this.skip(1);
  }

  private anchor(c: '^' | '$'): string | undefined {
    if (this.flags.includes('m')) {
      return `"${c}" with the m flag (line anchors) cannot be expressed in Elastic: remove the m flag, or the anchor.`;
    }
    const p = this.pattern;
    const before = this.i === 0 ? '' : p.charAt(this.i - 1);
    const after = p.charAt(this.i + 1);
    const escapedBefore = this.i >= 2 && p.charAt(this.i - 2) === '\\';
    const ok =
      this.depth === 0 &&
      (c === '^' ? before === '' || (before === '|' && !escapedBefore) : after === '' || after === '|');
    if (!ok) {
      return c === '^'
        ? '"^" is portable only at the start of the pattern (or of a top-level alternative): write \\^ for a literal caret.'
        : '"$" is portable only at the end of the pattern (or of a top-level alternative): write \\$ for a literal dollar sign.';
    }
    return this.skip(1);
  }

  private brace(c: '{' | '}'): string | undefined {
    if (c === '{') {
      const quantifier = /^\{[0-9]+(,[0-9]*)?\}/.exec(this.pattern.slice(this.i));
      if (quantifier && this.i > 0) return this.skip(quantifier[0].length);
    }
    return `Write \\${c} for a literal "${c}": unescaped, it means different things in JavaScript, PCRE and Lucene.`;
  }
}
