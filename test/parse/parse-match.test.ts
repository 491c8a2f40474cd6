import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import type { AstExpr } from '../../compiler/language/ast.ts';
import { MATCH_KEYWORDS } from '../../compiler/language/keywords.ts';
import { parseMatch, parseMatchText } from '../../compiler/parse/parse-match.ts';
import { withoutSpans } from './ast-helpers.ts';

/** A compact picture of the tree: `(and a== b exists)`, to assert structure and precedence. */
function sexp(ast: AstExpr): string {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return `(${ast.kind} ${ast.operands.map(sexp).join(' ')})`;
    case 'not':
      return `(not ${sexp(ast.operand)})`;
    case 'comparison':
      return `${ast.lower ? `lower(${ast.field.name})` : ast.field.name}${ast.op === 'exists' ? ' exists' : ast.op}`;
  }
}

function parseOk(text: string): AstExpr {
  const result = parseMatchText(text, 'rule.yml');
  expect(result.diagnostics).toEqual([]);
  return result.ast as AstExpr;
}

describe('precedence and grouping', () => {
  it.each([
    ['a exists and b exists or c exists', '(or (and a exists b exists) c exists)'],
    ['a exists or b exists and c exists', '(or a exists (and b exists c exists))'],
    ['not a exists and b exists', '(and (not a exists) b exists)'],
    ['not (a exists and b exists)', '(not (and a exists b exists))'],
    ['not not a exists', '(not (not a exists))'],
    ['a exists or b exists or c exists', '(or a exists b exists c exists)'],
    ['(a exists or b exists) or c exists', '(or (or a exists b exists) c exists)'],
    ['a exists and (b exists or c exists) and d exists', '(and a exists (or b exists c exists) d exists)'],
    ['((a exists))', 'a exists'],
    ['a == 1 # first\n  and # second\n  b == 2', '(and a== b==)'],
    ['order == 1 or notes exists and android exists', '(or order== (and notes exists android exists))'],
    ['inx == 1 and likes == 2 and lowercase == 3 and true_ == 4 and nots exists', '(and inx== likes== lowercase== true_== nots exists)'],
    ['lower(x) == "a" and lower ( y ) in ["b"]', '(and lower(x)== lower(y)in)'],
  ])('%s', (source, expected) => {
    expect(sexp(parseOk(source))).toBe(expected);
  });
});

describe('literals and names', () => {
  it.each<[string, unknown]>([
    ['f == "a\\"b\\\\c\\n\\t\\r\\u{1F600}\'"', 'a"b\\c\n\t\r😀\''],
    ["f == 'it\\'s \"fine\"'", 'it\'s "fine"'],
    ['f == ""', ''],
    ['f == "C:\\\\Windows"', 'C:\\Windows'],
    ['f == -12.5', -12.5],
    ['f == 1e3', 1000],
    ['f == 2.5E-2', 0.025],
    ['f == true', true],
    ['f == false', false],
  ])('%s', (source, value) => {
    const ast = parseOk(source);
    expect(ast.kind === 'comparison' && ast.value?.kind !== 'list' && ast.value?.kind !== 'regex' && ast.value?.value).toEqual(value);
  });

  it.each([
    ['`c-uri` exists', 'c-uri'],
    ['c-uri exists', 'c-uri'],
    ['`Event ID` exists', 'Event ID'],
    ['`a\\`b\\\\c` exists', 'a`b\\c'],
    ['process.parent.name exists', 'process.parent.name'],
    ['a.and.b exists', 'a.and.b'],
    ['`and` exists', 'and'],
  ])('field %s', (source, name) => {
    const ast = parseOk(source);
    expect(ast.kind === 'comparison' && ast.field.name).toBe(name);
  });

  it('parses regexes with \\/ unescaped and other escapes kept', () => {
    const ast = parseOk('u matches /^\\/api\\/v1\\/.*\\.php$/is');
    expect(withoutSpans(ast.kind === 'comparison' && ast.value)).toEqual({ kind: 'regex', pattern: '^/api/v1/.*\\.php$', flags: 'is' });
  });

  it('accepts empty lists and trailing commas (a check reports empty lists)', () => {
    const empty = parseOk('f in []');
    expect(empty.kind === 'comparison' && empty.value?.kind === 'list' && empty.value.items).toEqual([]);
    const trailing = parseOk('f like ["a*", "b*",]');
    expect(trailing.kind === 'comparison' && trailing.value?.kind === 'list' && trailing.value.items.length).toBe(2);
  });

  it('reserves exactly the documented keywords', () => {
    for (const keyword of MATCH_KEYWORDS) {
      expect(parseMatchText(`${keyword} exists`, 'k').diagnostics.map((d) => d.code)).toEqual(['match/syntax']);
      expect(parseMatchText(`\`${keyword}\` exists`, 'k').diagnostics).toEqual([]);
    }
    for (const name of ['order', 'notes', 'android', 'inside', 'liked', 'nothing', 'truer', 'lowered', 'cidrs', 'exists_', 'matchesx']) {
      expect(parseMatchText(`${name} exists`, 'k').diagnostics).toEqual([]);
    }
  });
});

describe('spans', () => {
  it('gives every node its exact range', () => {
    const ast = parseOk('not lower(user) in ["a", \'b\']\n  or n >= 10');
    expect(ast.kind).toBe('or');
    if (ast.kind !== 'or') return;
    const [first, second] = ast.operands;
    const at = (s: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
      `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`;
    expect(at(ast.span)).toBe('1:1-2:13');
    if (first?.kind !== 'not' || first.operand.kind !== 'comparison') throw new Error('shape');
    expect(at(first.span)).toBe('1:1-1:30');
    expect(at(first.operand.span)).toBe('1:5-1:30');
    expect(at(first.operand.field.span)).toBe('1:11-1:15');
    const list = first.operand.value;
    if (list?.kind !== 'list') throw new Error('shape');
    expect(at(list.span)).toBe('1:20-1:30');
    expect(list.items.map((i) => at(i.span))).toEqual(['1:21-1:24', '1:26-1:29']);
    if (second?.kind !== 'comparison') throw new Error('shape');
    expect(at(second.span)).toBe('2:6-2:13');
  });

  it('counts from a base position', () => {
    const result = parseMatchText('a ==\n  ', 'x.yml', { line: 10, column: 5, offset: 100 });
    expect(result.diagnostics[0]?.span.start).toEqual({ line: 10, column: 9, offset: 104 });
  });
});

// Syntax errors: the position of the offending character and a message in plain words.
describe('syntax errors', () => {
  it.each([
    ['', '1:1', 'expected a comparison, "not" or "(" at the start, but the expression ends there. Write a comparison such as name == "value".'],
    ['a', '1:2', 'expected an operator (==, !=, <, <=, >, >=, in, like, startswith, endswith, contains, matches, cidr or exists) after "a", but the expression ends there. A comparison is a field, an operator and a value, e.g. a == "value".'],
    ['a ==', '1:5', 'expected a value (a "string", a number, true or false) after "==", but the expression ends there. Add the value to compare with.'],
    ['a ==   # nothing', '1:5', 'expected a value (a "string", a number, true or false) after "==", but the expression ends there. Add the value to compare with.'],
    ['a = 1', '1:3', 'expected an operator (==, !=, <, <=, >, >=, in, like, startswith, endswith, contains, matches, cidr or exists) after "a", but found "=". Write == to compare for equality.'],
    ['a == cmd.exe', '1:6', 'expected a value (a "string", a number, true or false) after "==", but found "cmd.exe". Quote text values: "cmd.exe".'],
    ['a == 1 and', '1:11', 'expected a comparison, "not" or "(" after "and", but the expression ends there. Complete the expression after "and" or remove it.'],
    ['a == 1 b == 2', '1:8', 'expected "and", "or" or the end of the expression after "1", but found "b". Join comparisons with "and" or "or".'],
    ['a == 1 && b == 2', '1:8', 'expected "and", "or" or the end of the expression after "1", but found "&&". Write "and" instead of &&.'],
    ['(a == 1', '1:8', 'expected "and", "or" or ")" after "1", but the expression ends there. Add the missing ")".'],
    ['a == 1)', '1:7', 'expected "and", "or" or the end of the expression after "1", but found ")". Remove this ")" or add the matching "(" before it.'],
    ['a in "x"', '1:6', 'expected a list such as ["a", "b"] after "in", but found "x". "in" takes a list: write ["x"], or use == for a single value.'],
    ['a in ["x" "y"]', '1:11', 'expected "," or "]" after "x", but found "y". Separate the items of a list with commas and close it with "]".'],
    ['a like 1', '1:8', 'expected a "string" or a list of strings such as ["a", "b"] after "like", but found "1". Quote text values: "1".'],
    ['a < "x"', '1:5', 'expected a number after "<", but found "x".'],
    ['a matches "x"', '1:11', 'expected a regular expression such as /cmd\\.exe$/i after "matches", but found "x". Write the pattern between slashes, e.g. /x/.'],
    ['a and == 1', '1:3', 'expected an operator (==, !=, <, <=, >, >=, in, like, startswith, endswith, contains, matches, cidr or exists) after "a", but found "and". A comparison is a field, an operator and a value, e.g. a == "value".'],
    ['or == 1', '1:1', 'expected a comparison, "not" or "(" at the start, but found "or". "or" is a keyword: write `or` in backticks to use it as a field name.'],
    ['lower a == "x"', '1:7', 'expected "(" after "lower", but found "a".'],
    ['a == "x', '1:6', 'This string has no closing ": add one at the end of the text.'],
    ["a == 'x", '1:6', "This string has no closing ': add one at the end of the text."],
    ['a == "C:\\Windows"', '1:9', 'Unknown escape "\\W" in a string: the escapes are \\" \\\' \\\\ \\n \\t \\r \\u{…}; write \\\\ for a backslash.'],
    ['a matches /x', '1:11', 'This regular expression has no closing /: add one after the pattern (write \\/ for a slash inside it).'],
    ['a matches //', '1:11', 'A regular expression cannot be empty: write a pattern between the slashes.'],
    ['a matches /x/gi', '1:14', '"gi" is not a valid set of regex flags: use each of i (ignore case), m (multi-line) and s (dot matches newline) at most once.'],
    ['lower(a) > 1', '1:1', 'lower() cannot be used with ">": it applies to ==, !=, in, like, startswith, endswith and contains; remove lower().'],
    ['lower(a) matches /x/', '1:1', 'lower() cannot be used with "matches": it applies to ==, !=, in, like, startswith, endswith and contains; use the regex flag i instead, e.g. /cmd\\.exe/i.'],
    ['n > 1e999', '1:5', '1e999 is too large a number: numbers must fit a 64-bit float (at most about 1.8e308).'],
    ['`a == 1', '1:1', 'This field name has no closing backtick: add one after the name.'],
    ['a == "x" AND b exists', '1:10', 'expected "and", "or" or the end of the expression after "x", but found "AND". Keywords are lower case: write "and".'],
    ['NOT a exists', '1:5', 'expected an operator (==, !=, <, <=, >, >=, in, like, startswith, endswith, contains, matches, cidr or exists) after "NOT", but found "a". Keywords are lower case: write "not".'],
    ['!a exists', '1:1', 'expected a comparison, "not" or "(" at the start, but found "!". Write "not" instead of !.'],
    ['a != null', '1:6', 'expected a value (a "string", a number, true or false) after "!=", but found "null". To select events without the field, write "not <field> exists".'],
    ['a like /x.*/', '1:8', 'expected a "string" or a list of strings such as ["a", "b"] after "like", but found "/x.*/". A regular expression goes with "matches": write <field> matches /.../.'],
    ['a matches "x/y"', '1:11', 'expected a regular expression such as /cmd\\.exe$/i after "matches", but found "x/y". Write the pattern between slashes, e.g. /x\\/y/.'],
    ['a == 1 or\n\n  (b == 2 and c)', '3:16', 'expected an operator (==, !=, <, <=, >, >=, in, like, startswith, endswith, contains, matches, cidr or exists) after "c", but found ")". A comparison is a field, an operator and a value, e.g. c == "value".'],
  ])('%j at %s', (source, position, message) => {
    const { ast, diagnostics } = parseMatchText(source, 'rule.yml');
    expect(ast).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.severity, `${d.span.start.line}:${d.span.start.column}`, d.message])).toEqual([
      ['match/syntax', 'error', position, message],
    ]);
  });
});

// Every YAML scalar style: the error's line:col is in the rule FILE, and spans of valid
// expressions are exact too.
describe('parseMatch inside YAML', () => {
  const cases: [string, string, string][] = [
    ['plain, one line', 'match: verb == create\n', '1:16'],
    ['plain, folded over lines', 'match: verb == "create"\n  and\n  image startswith\n', '3:19'],
    ['double-quoted with escapes', 'match: "user == \\"a\\" and\\tverb ==  \\"x"\n', '1:37'],
    ['double-quoted over lines', 'match: "user == 1 and\n    verb == x"\n', '2:13'],
    ['double-quoted with an escaped line break', 'match: "user == 1 an\\\n   d verb == x"\n', '2:14'],
    ["single-quoted with ''", "match: 'user == ''a'' and\n  verb = ''x'''\n", '2:8'],
    ['literal |', 'match: |\n  user == "a"\n    and verb ==\n', '3:16'],
    ['literal |- with a comment', 'match: |-\n  # who\n  user == "a" and\n  verb === "x"\n', '4:10'],
    ['literal |+ keep', 'match: |+\n  user == "a" and\n\n\n', '2:18'],
    ['literal with indentation indicator |2', 'match: |2\n     user == "a" and\n   verb == x\n', '3:12'],
    ['folded >', 'match: >\n  user == "a"\n  and verb\n  "x"\n', '4:3'],
    ['folded >- with blank lines', 'match: >-\n  user == "a"\n\n  and verb\n\n  == x\n', '6:6'],
    ['folded >+ with more-indented lines', 'match: >+\n  user == "a"\n    and verb\n  == x\n', '4:6'],
    ['folded >2- nested', 'detection:\n  match: >2-\n      user == "a" and\n    verb ==\n      x\n', '5:7'],
    ['literal | with CRLF line breaks', 'match: |\r\n  a == 1 and\r\n  b ==\r\n', '3:7'],
    ['double-quoted with CRLF line breaks', 'match: "a == 1 and\r\n  b =="\r\n', '2:7'],
    ['plain with a tag and an anchor', 'match: !!str &m a ==\n', '1:21'],
    ['in a sequence of maps', 'list:\n  - match: |\n      a == 1\n      b == 2\n', '4:7'],
    ['after non-ASCII text (columns count UTF-16 units)', 'match: "`é` == \\"😀\\" or x"\n', '1:27'],
  ];

  it.each(cases)('%s', (_name, yaml, position) => {
    const loaded = SourceDocument.parse('rule.yml', yaml);
    expect(loaded.diagnostics).toEqual([]);
    const doc = loaded.document as SourceDocument;
    const path = yaml.startsWith('detection') ? ['detection', 'match'] : yaml.startsWith('list') ? ['list', 0, 'match'] : ['match'];
    const { diagnostics } = parseMatch(doc, path);
    expect(diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column}`)).toEqual([`rule.yml:${position}`]);
  });

  it.each<[string, string, string[]]>([
    ['plain', 'match: a == 1 and\n  bb == "x"\n', ['1:8-1:14', '2:3-2:12']],
    ['double-quoted', 'match: "a == 1 and\\n bb == \\"x\\""\n', ['1:9-1:15', '1:22-1:33']],
    ['single-quoted', "match: 'a == 1 and\n  bb == ''x'''\n", ['1:9-1:15', '2:3-2:14']],
    ['literal', 'match: |\n  a == 1 and\n  bb == "x"\n', ['2:3-2:9', '3:3-3:12']],
    ['folded', 'match: >-\n    a == 1\n    and bb == "x"\n', ['2:5-2:11', '3:9-3:18']],
  ])('spans of a valid %s expression', (_name, yaml, spans) => {
    const doc = SourceDocument.parse('rule.yml', yaml).document as SourceDocument;
    const { ast, diagnostics } = parseMatch(doc, ['match']);
    expect(diagnostics).toEqual([]);
    if (ast?.kind !== 'and') throw new Error('expected and');
    expect(ast.operands.map((o) => `${o.span.start.line}:${o.span.start.column}-${o.span.end.line}:${o.span.end.column}`)).toEqual(spans);
    // Offsets agree with line:col: the text at the span is the comparison as written.
    const first = ast.operands[0];
    expect(first && doc.text.slice(first.span.start.offset, first.span.end.offset)).toBe('a == 1');
  });

  it.each([
    ['match:\n', '1:7'],
    ['match: ""\n', '1:9'],
    ["match: ''\n", '1:9'],
    ['match: |\n\n', '1:8'],
    ['match: >-\n  # only a comment\n', '2:3'],
  ])('reports an empty expression in %j at %s', (yaml, position) => {
    const doc = SourceDocument.parse('rule.yml', yaml).document as SourceDocument;
    const { diagnostics } = parseMatch(doc, ['match']);
    expect(diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual([`match/syntax ${position}`]);
  });

  it('reports a non-string match as a syntax error at the value', () => {
    const doc = SourceDocument.parse('rule.yml', 'match:\n  a: 1\n').document as SourceDocument;
    const { diagnostics } = parseMatch(doc, ['match']);
    expect(diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([['match/syntax', 2, 3]]);
  });
});

describe('numbers', () => {
  it('reads -0 as 0, so that printing gives the same text back', () => {
    const ast = parseMatchText('n == -0', 'f').ast;
    expect(ast?.kind === 'comparison' && ast.value?.kind === 'number' && Object.is(ast.value.value, 0)).toBe(true);
  });
});
