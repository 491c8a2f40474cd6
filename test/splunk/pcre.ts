// A PCRE → JavaScript RegExp translation for the subset of PCRE the SPL evaluator meets, written
// from PCRE's documented semantics (pcre2pattern), not from the emitter:
// - `^` start of subject (after a newline too with (?m)); `$` end of subject OR before a final
//   newline ((?m): before any newline); `\A` start; `\z` end; `\Z` end or before a final newline;
// - `.` any character except `\n` ((?s): any character);
// - `\s` is ASCII whitespace (space, \t, \n, \x0b, \f, \r); `\d`, `\w`, `\b` ASCII;
// - `\x{hhh}` a code point; `\t \n \r \f \e` control characters; a backslash before a non-alphanumeric character makes it literal;
// - inline option settings such as `(?is)` at the start of the pattern.
// Anything else throws, so an emitted construct the evaluator does not know fails the test.

const PCRE_SPACE = ' \\t\\n\\x0b\\f\\r';

function codePoint(hex: string): string {
  // Written as \uXXXX units so the JavaScript regex needs no `u` flag.
  const char = String.fromCodePoint(Number.parseInt(hex, 16));
  let units = '';
  for (let i = 0; i < char.length; i++) units += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return units;
}

export function pcreToJs(pcre: string): RegExp {
  let pattern = pcre;
  let caseless = false;
  let dotAll = false;
  let multiline = false;
  const options = /^\(\?([ims]+)\)/.exec(pattern);
  if (options) {
    caseless = options[1]!.includes('i');
    dotAll = options[1]!.includes('s');
    multiline = options[1]!.includes('m');
    pattern = pattern.slice(options[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new Error(`pcre: trailing backslash in ${pcre}`);
      i++;
      if (n === 'x' && pattern[i + 1] === '{') {
        const end = pattern.indexOf('}', i);
        out += codePoint(pattern.slice(i + 2, end));
        i = end;
      } else if (n === 'A' && !inClass) out += '^';
      else if (n === 'z' && !inClass) out += '$';
      else if (n === 'Z' && !inClass) out += '(?=\\n?$)';
      else if (n === 's') out += inClass ? PCRE_SPACE : `[${PCRE_SPACE}]`;
      else if (n === 'S' && !inClass) out += `[^${PCRE_SPACE}]`;
      else if ('dDwWbBtnrf'.includes(n)) out += `\\${n}`; // same meaning in both
      else if (n === 'e') out += '\\x1b';
      else if (/[1-9]/.test(n)) out += `\\${n}`;
      else if (n === 'k' && pattern[i + 1] === '<') {
        const end = pattern.indexOf('>', i);
        out += pattern.slice(i - 1, end + 1);
        i = end;
      } else if (/[A-Za-z0-9]/.test(n)) throw new Error(`pcre: escape \\${n} not modelled (${pcre})`);
      else out += `\\${n}`;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += `\\${pattern[++i]}`; // PCRE: a leading ] is literal
    } else if (c === '.') out += dotAll ? '[\\s\\S]' : '[^\\n]';
    else if (c === '^') out += multiline ? '(?:^|(?<=\\n))' : '^';
    else if (c === '$') out += multiline ? '(?=\\n|$)' : '(?=\\n?$)';
    else if (c === '(' && pattern[i + 1] === '?') {
      const group = /^\(\?(:|=|!|<=|<!|<(?=[A-Za-z_]))/.exec(pattern.slice(i));
      if (!group) throw new Error(`pcre: group ${pattern.slice(i, i + 4)} not modelled (${pcre})`);
      out += group[0];
      i += group[0].length - 1;
    } else out += c;
  }
  return new RegExp(out, caseless ? 'i' : '');
}
