// Turns a peggy failure into one plain sentence: what was expected, after which token, what was
// found instead, and how to fix it. Peggy's own message lists every token it tried; a rule
// author needs "expected a value after "=="", not thirty alternatives.

import { COMPARISON_OPERATORS, MATCH_KEYWORDS } from '../language/keywords.ts';

/** What the grammar's named rules say they are (the quoted names in match.peggy). */
const PHRASES: Readonly<Record<string, string>> = {
  'a field name': 'a comparison',
  '"not"': '"not"',
  '"("': '"("',
  'an operator': `an operator (${joinOr(COMPARISON_OPERATORS)})`,
  'a value': 'a value (a "string", a number, true or false)',
  'a number': 'a number',
  'a list': 'a list such as ["a", "b"]',
  'a "string"': 'a "string"',
  'a regular expression': 'a regular expression such as /cmd\\.exe$/i',
  '"and"': '"and"',
  '"or"': '"or"',
  '")"': '")"',
  '","': '","',
  '"]"': '"]"',
  'the end of the expression': 'the end of the expression',
};

/** The order phrases are listed in, so that messages are stable. */
const ORDER = Object.keys(PHRASES);

export function syntaxMessage(text: string, offset: number, expected: readonly string[], found: string | undefined): string {
  const wanted = [...new Set(expected)]
    .filter((d) => d !== 'whitespace')
    .sort((a, b) => rank(a) - rank(b));
  let phrases = wanted.map((d) => PHRASES[d] ?? d);
  if (wanted.includes('a "string"') && wanted.includes('a list')) {
    phrases = phrases.filter((p) => p !== PHRASES['a list']).map((p) =>
      p === 'a "string"' ? 'a "string" or a list of strings such as ["a", "b"]' : p,
    );
  }
  const before = lastToken(text.slice(0, offset));
  const foundToken = found === undefined ? undefined : tokenAt(text, offset);
  const where = before === undefined ? 'at the start' : `after ${quote(before)}`;
  const what = foundToken === undefined ? 'but the expression ends there' : `but found ${quote(foundToken)}`;
  const hint = fixHint(wanted, before, foundToken);
  return `expected ${joinOr(phrases)} ${where}, ${what}.${hint ? ` ${hint}` : ''}`;
}

function fixHint(wanted: readonly string[], before: string | undefined, found: string | undefined): string | undefined {
  const has = (d: string) => wanted.includes(d);
  // Habits from other query languages first: they explain the error better than the grammar.
  for (const token of [found, before]) {
    if (token && token !== token.toLowerCase() && MATCH_KEYWORDS.has(token.toLowerCase())) {
      return `Keywords are lower case: write "${token.toLowerCase()}".`;
    }
  }
  if (found === '!' && has('a field name')) return 'Write "not" instead of !.';
  if (found === 'null' && (has('a value') || has('a "string"'))) return 'To select events without the field, write "not <field> exists".';
  if (found?.startsWith('/') && has('a "string"')) return 'A regular expression goes with "matches": write <field> matches /.../.';
  if ((found?.startsWith('"') || found?.startsWith("'")) && has('a regular expression')) {
    return `Write the pattern between slashes, e.g. /${found.slice(1, -1).replaceAll('/', '\\/')}/.`;
  }
  if (has('","') || has('"]"')) return 'Separate the items of a list with commas and close it with "]".';
  if (has('an operator')) {
    if (found === '=') return 'Write == to compare for equality.';
    if (found === '<>') return 'Write != for "not equal".';
    if (found?.startsWith('"') || found?.startsWith("'")) return `Put an operator between the field and the value, e.g. ${before ?? 'name'} == ${found}.`;
    return `A comparison is a field, an operator and a value, e.g. ${before ?? 'name'} == "value".`;
  }
  if (has('a value') || has('a "string"')) {
    if (found !== undefined && /^[A-Za-z_]/.test(found)) return `Quote text values: "${found}".`;
    if (found !== undefined && /^-?[0-9]/.test(found) && !has('a value')) return `Quote text values: "${found}".`;
    if (found === undefined) return 'Add the value to compare with.';
  }
  if (has('a list')) {
    if (found?.startsWith('"') || found?.startsWith("'")) return `"in" takes a list: write [${found}], or use == for a single value.`;
    return 'Write the values in square brackets, separated by commas.';
  }
  if (has('a field name')) {
    if (found !== undefined && MATCH_KEYWORDS.has(found)) return `"${found}" is a keyword: write \`${found}\` in backticks to use it as a field name.`;
    if (found === undefined) return before === undefined ? 'Write a comparison such as name == "value".' : `Complete the expression after ${quote(before)} or remove it.`;
    if (found.startsWith('"') || found.startsWith("'")) return 'A comparison starts with the field name, e.g. name == "value".';
  }
  if (has('")"') && found === undefined) return 'Add the missing ")".';
  if (has('"and"') || has('the end of the expression')) {
    if (found === '&&' || found === '&') return 'Write "and" instead of &&.';
    if (found === '||' || found === '|') return 'Write "or" instead of ||.';
    if (found === ')') return 'Remove this ")" or add the matching "(" before it.';
    if (found === '=') return 'Write == to compare for equality.';
    return 'Join comparisons with "and" or "or".';
  }
  return undefined;
}

function rank(description: string): number {
  const index = ORDER.indexOf(description);
  return index === -1 ? ORDER.length : index;
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function quote(token: string): string {
  const short = token.length > 30 ? `${token.slice(0, 27)}...` : token;
  return /^["']/.test(short) ? short : `"${short}"`;
}

// A rough tokenizer, only to name the tokens around an error in messages.
const TOKEN =
  /"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?|\/(?:[^/\\\n]|\\.)*\/?[A-Za-z]*|==|!=|<=|>=|<>|&&|\|\||-?[0-9][0-9.eE+-]*|[A-Za-z_][A-Za-z0-9_.-]*|\S/gy;

function tokens(text: string): { text: string; start: number }[] {
  const found: { text: string; start: number }[] = [];
  let index = 0;
  while (index < text.length) {
    const space = /[\s]+|#[^\n]*/y;
    space.lastIndex = index;
    const skipped = space.exec(text);
    if (skipped) {
      index += skipped[0].length;
      continue;
    }
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(text);
    const token = match?.[0] ?? text.charAt(index);
    found.push({ text: token, start: index });
    index += token.length;
  }
  return found;
}

/** Where the text's last token ends (trailing blanks and comments excluded). */
export function endOfLastToken(text: string): number {
  const last = tokens(text).pop();
  return last ? last.start + last.text.length : 0;
}

function lastToken(prefix: string): string | undefined {
  const all = tokens(prefix);
  return all[all.length - 1]?.text;
}

function tokenAt(text: string, offset: number): string | undefined {
  TOKEN.lastIndex = offset;
  const match = TOKEN.exec(text);
  return match?.[0] ?? (offset < text.length ? text.charAt(offset) : undefined);
}
