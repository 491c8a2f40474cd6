// Prints a match-expression AST as canonical source text: one line, the fewest parentheses the
// precedence allows (not > and > or), strings double-quoted with escapes, odd field names in
// backticks. Importers build ASTs and print them, so the output must parse back to the same tree:
// test/parse/print-match.test.ts checks `parse(print(ast))` equals `ast` (spans aside).
//
// Limits, by design of the language rather than of the printer: a field name cannot contain a
// line break, a number must be finite, and a regex pattern is printed with `/` escaped as `\/`
// (the parser stores `\/` as `/`, so a pattern written with `\/` comes back with a plain `/`).

import { isUnsafeCharacter } from '../unsafe-characters.ts';
import { MATCH_KEYWORDS } from './keywords.ts';
import type { AstComparison, AstExpr, AstFieldName, AstValue } from './ast.ts';

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

export function printMatch(ast: AstExpr): string {
  switch (ast.kind) {
    case 'or':
      return ast.operands.map((operand) => (operand.kind === 'or' ? `(${printMatch(operand)})` : printMatch(operand))).join(' or ');
    case 'and':
      return ast.operands
        .map((operand) => (operand.kind === 'or' || operand.kind === 'and' ? `(${printMatch(operand)})` : printMatch(operand)))
        .join(' and ');
    case 'not': {
      const inner = printMatch(ast.operand);
      return ast.operand.kind === 'or' || ast.operand.kind === 'and' ? `not (${inner})` : `not ${inner}`;
    }
    case 'comparison':
      return printComparison(ast);
  }
}

function printComparison(ast: AstComparison): string {
  const field = printFieldName(ast.field);
  const subject = ast.lower ? `lower(${field})` : field;
  if (ast.op === 'exists') return `${subject} exists`;
  return `${subject} ${ast.op} ${printValue(ast.value)}`;
}

export function printFieldName(field: AstFieldName | string): string {
  const name = typeof field === 'string' ? field : field.name;
  if (BARE_NAME.test(name) && !MATCH_KEYWORDS.has(name)) return name;
  return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
}

function printValue(value: AstValue): string {
  switch (value.kind) {
    case 'list':
      return `[${value.items.map(printValue).join(', ')}]`;
    case 'regex':
      return printRegex(value.pattern, value.flags);
    case 'string':
      return printString(value.value);
    case 'number':
      return printNumber(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
  }
}

/** A double-quoted string literal of the match language. */
export function printString(text: string): string {
  let out = '"';
  for (const char of text) {
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (isInvisible(char)) out += `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`;
    else out += char;
  }
  return `${out}"`;
}

/** Control characters, line/paragraph separators and bidi controls would be invisible, break lines or reorder text. */
function isInvisible(char: string): boolean {
  return isUnsafeCharacter(char, { inText: false });
}

export function printNumber(value: number): string {
  // String() gives `1e+21` or `1.5e-7` for very large or small numbers; the grammar accepts both.
  if (!Number.isFinite(value)) throw new Error(`printMatch: ${value} is not a number the match language can write`);
  return String(value);
}

/** A regex literal: `/` inside the pattern is written `\/`; other backslash sequences stay as they are. */
export function printRegex(pattern: string, flags: string): string {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) {
      body += c + pattern.charAt(i + 1);
      i++;
    } else if (c === '/') body += '\\/';
    else if (c === '\n') body += '\\n';
    else body += c;
  }
  return `/${body}/${flags}`;
}
