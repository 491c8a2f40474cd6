// A small KQL evaluator written from Kibana's documented semantics (and how the detection
// engine runs a rule's KQL), independent of the emitter, so the property test can check that an
// emitted query selects what the reference evaluator selects.
//
// - A document field holds one value or an array; a comparison is true when any value matches;
//   a missing or null field (or an empty array) makes it false; `not` negates the whole clause.
// - keyword: exact, case-sensitive comparison of the whole value ("phrase" or unquoted literal).
// - wildcard value on a keyword field: the detection engine sends it to Elasticsearch's
//   query_string parser, which splits it at whitespace into separate terms (OR); each term's `*`
//   matches any run of characters and the whole value must match.
// - `field:*`: the field exists (has a non-null value, the empty string included).
// - number: numeric equality / range; ip: address equality, or CIDR containment when the value
//   has a `/`; boolean: true/false.
// - text: analysed into lower-cased words; a phrase matches consecutive words, an unquoted value
//   matches when any of its words occurs (not used by the emitter, which refuses text fields).

import type { FieldType } from '../../compiler/ir.ts';
import type { KqlAst, KqlValue } from './kql-ast.ts';

export type Doc = Readonly<Record<string, unknown>>;
export type Mapping = ReadonlyMap<string, FieldType>;

export function evaluateKql(ast: KqlAst, doc: Doc, mapping: Mapping): boolean {
  switch (ast.type) {
    case 'and':
      return ast.operands.every((o) => evaluateKql(o, doc, mapping));
    case 'or':
      return ast.operands.some((o) => evaluateKql(o, doc, mapping));
    case 'not':
      return !evaluateKql(ast.operand, doc, mapping);
    case 'exists':
      return valuesOf(doc, ast.field).length > 0;
    case 'range': {
      const bound = Number(ast.value);
      if (mapping.get(ast.field) !== 'number' || Number.isNaN(bound)) return false;
      return valuesOf(doc, ast.field).some((v) => typeof v === 'number' && compare(v, ast.op, bound));
    }
    case 'is': {
      const type = mapping.get(ast.field) ?? 'keyword';
      return valuesOf(doc, ast.field).some((v) => matches(type, v, ast.value));
    }
  }
}

/** The non-null values of a field (a scalar is a one-value list). */
function valuesOf(doc: Doc, field: string): unknown[] {
  if (!Object.hasOwn(doc, field)) return [];
  const value = doc[field];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== null && v !== undefined);
}

function compare(v: number, op: '<' | '<=' | '>' | '>=', bound: number): boolean {
  switch (op) {
    case '<':
      return v < bound;
    case '<=':
      return v <= bound;
    case '>':
      return v > bound;
    case '>=':
      return v >= bound;
  }
}

function matches(type: FieldType, v: unknown, value: KqlValue): boolean {
  switch (type) {
    case 'keyword': {
      // Keyword fields index numbers and booleans as their text.
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
      const s = String(v);
      if (value.type === 'wildcard') return queryStringTerms(value.parts).some((parts) => wildcardMatch(parts, s));
      return s === value.text;
    }
    case 'number':
      if (value.type === 'wildcard' || typeof v !== 'number') return false;
      return value.text.trim() !== '' && Number(value.text) === v;
    case 'boolean':
      if (value.type === 'wildcard' || typeof v !== 'boolean') return false;
      return value.text === String(v);
    case 'ip':
      if (value.type === 'wildcard' || typeof v !== 'string') return false;
      return value.text.includes('/') ? inCidr(v, value.text) : sameAddress(v, value.text);
    case 'text': {
      if (typeof v !== 'string') return false;
      const words = analyse(v);
      if (value.type === 'wildcard') return false;
      const query = analyse(value.text);
      if (query.length === 0) return false;
      if (value.type === 'literal') return query.some((w) => words.includes(w));
      return words.some((_, i) => query.every((w, j) => words[i + j] === w));
    }
    case 'date':
      return false;
  }
}

/** query_string's whitespace split of a wildcard value: each term is matched on its own. */
function queryStringTerms(parts: readonly string[]): string[][] {
  const terms: string[][] = [[]];
  parts.forEach((part, i) => {
    const pieces = part.split(/[ \t\n\r\u3000]/);
    pieces.forEach((piece, j) => {
      if (j > 0) terms.push([]);
      const current = terms[terms.length - 1]!;
      if (i > 0 && j === 0) current.push('\u0000*');
      current.push(piece);
    });
  });
  return terms
    .map((t) => toParts(t))
    .filter((t) => !(t.length === 1 && t[0] === ''));
}

/** Turns a term's pieces (with `\0*` wildcard markers) back into literal parts between wildcards. */
function toParts(pieces: string[]): string[] {
  const parts: string[] = [''];
  for (const piece of pieces) {
    if (piece === '\u0000*') parts.push('');
    else parts[parts.length - 1] += piece;
  }
  return parts;
}

/** `parts` are the literal texts between `*` wildcards; the whole of `s` must match. */
export function wildcardMatch(parts: readonly string[], s: string): boolean {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return s === first;
  if (!s.startsWith(first) || s.length < first.length + last.length || !s.endsWith(last)) return false;
  let at = first.length;
  const end = s.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = s.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

function analyse(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function ipBytes(text: string): number[] | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? [...new Array(10).fill(0), 255, 255, ...bytes] : undefined;
  }
  if (!text.includes(':')) return undefined;
  const [head, tail, ...rest] = text.split('::');
  if (rest.length > 0) return undefined;
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const h = groups(head);
  const t = groups(tail);
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...h, ...new Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
}

function sameAddress(a: string, b: string): boolean {
  const x = ipBytes(a);
  const y = ipBytes(b);
  return x !== undefined && y !== undefined && x.every((byte, i) => byte === y[i]);
}

function inCidr(address: string, block: string): boolean {
  const [net, prefixText] = block.split('/');
  const a = ipBytes(address);
  const n = ipBytes(net!);
  if (!a || !n) return false;
  const v4 = !net!.includes(':');
  const prefix = Number(prefixText) + (v4 ? 96 : 0);
  for (let bit = 0; bit < prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((a[byte]! & mask) !== (n[byte]! & mask)) return false;
  }
  return true;
}
