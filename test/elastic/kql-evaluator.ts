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
//   has a `/`, both read as Elasticsearch reads addresses (elasticIpBytes); boolean: true/false.
// - a document Elasticsearch would refuse to index (documentRejection) is never selected; the
//   property test requires detc's test-event check to refuse such events.
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

/** The non-null values of a field (a scalar is a one-value list; Elasticsearch flattens nested arrays). */
function valuesOf(doc: Doc, field: string): unknown[] {
  if (!Object.hasOwn(doc, field)) return [];
  const value = doc[field];
  const list = Array.isArray(value) ? value.flat(Infinity) : [value];
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
      return ipTermMatches(v, value.text);
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

/**
 * Elasticsearch's reading of an ip value (InetAddresses.forString), as 16 bytes (IPv4 as
 * IPv4-mapped IPv6, as the ip type stores it), or undefined when Elasticsearch refuses the text:
 * - ASCII only; a `%` starts a scope (zone) id, which is dropped (a `%` at the very end is refused);
 * - with a colon: IPv6 groups of hex digits (any number of digits, value at most ffff), one `::`,
 *   an optional dotted IPv4 tail, no single colon at either end;
 * - else four decimal octets 0–255 without leading zeros.
 */
export function elasticIpBytes(text: string): number[] | undefined {
  if (/[^\x00-\x7f]/.test(text)) return undefined;
  const percent = text.indexOf('%');
  if (percent === text.length - 1) return undefined;
  const address = percent === -1 ? text : text.slice(0, percent);
  const lastColon = address.lastIndexOf(':');
  if (lastColon === -1) {
    const v4 = ipv4Bytes(address);
    return v4 && [...new Array<number>(10).fill(0), 255, 255, ...v4];
  }
  let hex = address;
  if (address.includes('.')) {
    if (address.indexOf('.') < lastColon) return undefined; // a colon after a dot
    const v4 = ipv4Bytes(address.slice(lastColon + 1));
    if (!v4) return undefined;
    hex = `${address.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  if (hex.length < 2 || (hex.startsWith(':') && !hex.startsWith('::')) || (hex.endsWith(':') && !hex.endsWith('::'))) return undefined;
  const halves = hex.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): number[] | undefined => {
    if (!half) return [];
    const out: number[] = [];
    for (const g of half.split(':')) {
      if (!/^[0-9a-fA-F]+$/.test(g) || parseInt(g, 16) > 0xffff) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail].flatMap((g) => [g >> 8, g & 255]);
}

function ipv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** An ip field's term query: address equality, or containment for `address/prefix` (also Lucene's). */
export function ipTermMatches(value: string, query: string): boolean {
  return query.includes('/') ? inCidr(value, query) : sameAddress(value, query);
}

function sameAddress(value: string, query: string): boolean {
  const x = elasticIpBytes(value);
  const y = elasticIpBytes(query);
  if (!y) throw new Error(`Elasticsearch rejects the query: '${query}' is not an IP string literal`);
  return x !== undefined && x.every((byte, i) => byte === y[i]);
}

/** InetAddresses.parseCidr: `address/prefix`, never on an IPv4-mapped address written with colons. */
function inCidr(value: string, block: string): boolean {
  const [net = '', prefixText = '', ...rest] = block.split('/');
  const n = elasticIpBytes(net);
  const v4 = n !== undefined && n.slice(0, 12).every((b, i) => b === (i < 10 ? 0 : 255));
  if (!n || rest.length > 0 || !/^[0-9]+$/.test(prefixText)) throw new Error(`Elasticsearch rejects the query: "${block}" is not a CIDR block`);
  if (v4 && net.includes(':')) throw new Error(`Elasticsearch rejects the query: CIDR notation is not allowed with IPv6-mapped IPv4 address [${net}]`);
  const width = v4 ? 32 : 128;
  if (Number(prefixText) > width) throw new Error(`Elasticsearch rejects the query: illegal prefix length in ${block}`);
  const prefix = Number(prefixText) + (v4 ? 96 : 0);
  const a = elasticIpBytes(value);
  if (!a) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((a[byte]! & mask) !== (n[byte]! & mask)) return false;
  }
  return true;
}

/**
 * Why Elasticsearch refuses to index a document, or undefined: a value its field's mapping cannot
 * parse (mapper_parsing_exception; detection rules never see the document). Modelled: an object
 * where a leaf field is mapped, and an ip field value that is not an address.
 */
export function documentRejection(doc: Doc, mapping: Mapping): string | undefined {
  for (const [field, type] of mapping) {
    for (const v of valuesOf(doc, field)) {
      if (typeof v === 'object') return `${field}: an object in a ${type} field`;
      if (type === 'ip' && (typeof v !== 'string' || elasticIpBytes(v) === undefined)) return `${field}: ${JSON.stringify(v)} is not an IP string literal`;
    }
  }
  return undefined;
}
