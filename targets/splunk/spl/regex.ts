// Regular expressions for eval functions (`mvfind`). Splunk's are PCRE; the match language's
// regexes are JavaScript-flavoured (docs/language.md). Three jobs here:
//   1. escape literal text so that PCRE matches it exactly;
//   2. turn a glob (like/startswith/endswith/contains, ==) into an anchored PCRE;
//   3. translate a rule's `matches /re/flags` into PCRE with the same meaning, or refuse.
//
// Everything produced here contains only printable ASCII apart from literal non-ASCII text, and
// never a raw `"`, `$` or backtick, so it can sit in an eval string inside a .conf value without
// touching quoting, `$token$` substitution or macro expansion.

import type { Glob } from '../../../compiler/ir.ts';

/** `\x{hh}`: PCRE's code-point escape. */
function hexEscape(char: string): string {
  return `\\x{${char.codePointAt(0)!.toString(16).padStart(2, '0')}}`;
}

/** Characters that must never appear raw: quotes, `$` (tokens), backtick (macros), controls. */
function needsHex(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || char === '"' || char === '$' || char === '`' || code === 0x2028 || code === 0x2029;
}

/** PCRE's metacharacters outside a character class (we never set the x option, so `#` and spaces are plain). */
const METACHARACTERS = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

/** One literal character, escaped for PCRE outside a character class. */
function literalChar(char: string): string {
  if (needsHex(char)) return hexEscape(char);
  // In PCRE a backslash before a non-alphanumeric character makes it literal.
  return METACHARACTERS.has(char) ? `\\${char}` : char;
}

export function escapeRegexText(text: string): string {
  let out = '';
  for (const char of text) out += literalChar(char);
  return out;
}

/** A glob as a PCRE fragment (not anchored): `*` → `.*`, `?` → `.` (with `(?s)` set by the caller). */
export function globToRegex(glob: Glob): string {
  return glob.parts
    .map((part) => (part.kind === 'text' ? escapeRegexText(part.text) : part.kind === 'any-string' ? '.*' : '.'))
    .join('');
}

export function globHasWildcards(glob: Glob): boolean {
  return glob.parts.some((part) => part.kind !== 'text');
}

/**
 * A regex matching a whole value against any of the alternatives: `^(?:a|b)\z`. `\z` and not `$`,
 * because PCRE's `$` also matches before a final newline.
 */
export function anchoredAlternatives(alternatives: readonly string[], flags: { ignoreCase: boolean; dotAll: boolean }): string {
  const prefix = flags.ignoreCase || flags.dotAll ? `(?${flags.ignoreCase ? 'i' : ''}${flags.dotAll ? 's' : ''})` : '';
  const body = alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
  return `${prefix}^${body}\\z`;
}

// ---------------------------------------------------------------------------------------------
// JavaScript regex → PCRE

/** Line terminators of JavaScript (`.`, `^`/`$` with the m flag); PCRE's default is `\n` only. */
const JS_LINE_TERMINATORS = '\\n\\r\\x{2028}\\x{2029}';
/** JavaScript's `\s` (ECMAScript WhiteSpace + LineTerminator); PCRE's `\s` is ASCII only. */
const JS_WHITESPACE = '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

export type RegexTranslation = { readonly ok: true; readonly pcre: string } | { readonly ok: false; readonly reason: string };

/**
 * Translates a JavaScript regex (no `u` flag; flags a subset of `ims`) to a PCRE with the same
 * meaning. Constructs whose meaning differs and that we do not rewrite are refused with a reason.
 */
export function translateRegex(pattern: string, flags: string): RegexTranslation {
  const multiline = flags.includes('m');
  const dotAll = flags.includes('s');
  let out = '';
  let inClass = false;
  const chars = [...pattern];
  const fail = (reason: string): RegexTranslation => ({ ok: false, reason });

  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const next = chars[i + 1];
    if (char === '\\') {
      if (next === undefined) return fail('the pattern ends with a lone backslash');
      i++;
      if ('dDwWbB'.includes(next)) {
        if (inClass && 'bB'.includes(next)) return fail('`\\b` inside a character class means backspace in JavaScript; write `\\x08`');
        out += `\\${next}`;
      } else if (next === 's') {
        out += inClass ? JS_WHITESPACE : `[${JS_WHITESPACE}]`;
      } else if (next === 'S') {
        if (inClass) return fail('`\\S` inside a character class has no exact PCRE equivalent here; list the characters instead');
        out += `[^${JS_WHITESPACE}]`;
      } else if ('tnrfv'.includes(next)) {
        out += hexEscape({ t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' }[next as 't']);
      } else if (next === '0') {
        if (/[0-9]/.test(chars[i + 1] ?? '')) return fail('octal escapes are not supported; write `\\xHH`');
        out += '\\x{00}';
      } else if (/[1-9]/.test(next)) {
        if (inClass) return fail('a back-reference inside a character class is not supported');
        out += `\\${next}`;
      } else if (next === 'x') {
        const hex = chars.slice(i + 1, i + 3).join('');
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return fail('`\\x` must be followed by two hex digits');
        out += `\\x{${hex.toLowerCase()}}`;
        i += 2;
      } else if (next === 'u') {
        const hex = chars.slice(i + 1, i + 5).join('');
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return fail('`\\u` must be followed by four hex digits');
        out += `\\x{${hex.toLowerCase()}}`;
        i += 4;
      } else if (next === 'k') {
        const name = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(chars.slice(i + 1).join(''));
        if (!name || inClass) return fail('`\\k` must name a group, as in `\\k<name>`');
        out += `\\k<${name[1]}>`;
        i += name[0].length;
      } else if (/[A-Za-z]/.test(next)) {
        return fail(`the escape \`\\${next}\` means different things in JavaScript and PCRE`);
      } else {
        out += needsHex(next) ? hexEscape(next) : `\\${next}`;
      }
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        out += ']';
      } else if (char === '[') out += '\\[';
      else out += needsHex(char) ? hexEscape(char) : char;
      continue;
    }
    switch (char) {
      case '[': {
        const negated = next === '^';
        const after = chars[i + (negated ? 2 : 1)];
        if (after === ']') return fail('an empty character class (`[]` or `[^]`) has no PCRE equivalent; write `(?!)` or `[\\s\\S]`');
        inClass = true;
        out += negated ? '[^' : '[';
        if (negated) i++;
        break;
      }
      case '.':
        out += dotAll ? '.' : `[^${JS_LINE_TERMINATORS}]`;
        break;
      case '^':
        out += multiline ? `(?<=[${JS_LINE_TERMINATORS}]|\\A)` : '\\A';
        break;
      case '$':
        out += multiline ? `(?=[${JS_LINE_TERMINATORS}]|\\z)` : '\\z';
        break;
      case '(': {
        if (next === '?') {
          const rest = chars.slice(i + 2, i + 4).join('');
          const group = /^(:|=|!|<=|<!)/.exec(rest)?.[1] ?? (/^<[A-Za-z_]/.test(rest) ? '<' : undefined);
          if (group === undefined) return fail('only `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` and `(?<name>` groups are supported');
          out += `(?${group}`;
          i += 1 + group.length;
        } else out += '(';
        break;
      }
      default:
        out += needsHex(char) ? hexEscape(char) : char;
    }
  }
  if (inClass) return fail('the character class is not closed');
  const prefix = `${flags.includes('i') ? 'i' : ''}${dotAll ? 's' : ''}`;
  return { ok: true, pcre: `${prefix ? `(?${prefix})` : ''}${out}` };
}
