// A small evaluator of the SPL subset the Splunk target emits, written from Splunk's documented
// semantics (Search Reference: search, where, eval functions; Search Manual: "Boolean
// expressions", "Use CASE() and TERM()", "Backslashes"), independently of the emitter. The
// property test runs it against the reference evaluator.
//
// Event model: what Splunk extracts from a JSON event (KV_MODE=json): every field is a list of
// strings (numbers and booleans as their JSON text, arrays as multi-value fields `name{}`);
// null, missing and empty arrays give no field at all; an object gives its leaves as fields of
// their own (`name.key`), never a value of `name`.
//
// `search` semantics modelled:
// - `f=v` / `f="v"`: true when some value of f matches v, ignoring case; `*` in v matches any run
//   of characters; false when f is absent. `f IN (a, b)` is `f=a OR f=b`.
// - `NOT x` is the complement; `x OR y`; terms side by side (or `AND`) are ANDed.
//   Precedence (Search Manual, "Boolean expressions"): parentheses, NOT, OR, AND — so implicit
//   AND binds looser than OR.
// - `` `macro` `` expands to its definition, as text, before parsing.
// `where`/eval semantics modelled:
// - strings in double quotes, where `\\` is a backslash and `\"` a quote; `'f'` is field f;
// - a missing field is null; comparisons and functions of null give null; NOT null is null;
//   AND/OR are three-valued (false AND null = false, true OR null = true); `where` keeps an
//   event only when the expression is true;
// - isnotnull(x); mvfind(mv, regex): index of the first value matching the PCRE, else null;
//   mvfilter(pred): the values of the one field pred names for which pred is true, else null;
//   tonumber(s): the number s spells (decimal, with an optional exponent), else null;
//   match(s, regex): whether the PCRE matches s; cidrmatch(cidr, ip): membership, IPv4 blocks
//   for IPv4 addresses and IPv6 blocks for IPv6 addresses.
// - a bare name that is not a function call is a field (`count > 0`); a comparison of a number
//   with a field value that spells a number compares numbers (Search Reference, "where": "count
//   > 10"; fields hold text, numeric text compares numerically);
// - now() is the search's time; relative_time(t, "-70m@m") applies a relative time modifier
//   (`now`, `-<n><s|m|h|d>`, an optional `@<s|m|h|d>` snap down to the unit).
// `search *` keeps every event or result row (`*` as a bare term matches anything).

import { pcreToJs } from './pcre.ts';

export type SplEvent = ReadonlyMap<string, readonly string[]>;

/** A logical test event → what Splunk would hold, given each field's native name. */
export function toSplEvent(event: Readonly<Record<string, unknown>>, nativeName: (logical: string) => string): SplEvent {
  const out = new Map<string, string[]>();
  const extract = (name: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((item) => extract(name, item));
    if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) extract(`${name}.${key}`, inner);
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`event value not modelled: ${String(value)}`);
    out.set(name, [...(out.get(name) ?? []), String(value)]);
  };
  for (const [name, value] of Object.entries(event)) extract(nativeName(name), value);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The `search` language

type SearchToken =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'macro'; name: string }
  | { kind: '(' | ')' | '=' | ',' };

function tokenizeSearch(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === '=' || c === ',') (tokens.push({ kind: c }), i++);
    else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++;
        value += text[i++];
      }
      if (text[i] !== '"') throw new Error(`search: unterminated string in ${text}`);
      i++;
      tokens.push({ kind: 'string', text: value });
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      tokens.push({ kind: 'macro', name: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '|' || c === '[' || c === ']') throw new Error(`search: unexpected ${c} in ${text}`);
    else {
      let word = '';
      while (i < text.length && !/[\s()=,"`|]/.test(text[i]!)) word += text[i++];
      tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}

type Predicate = (event: SplEvent) => boolean;

/** Splunk's field-value match: case-insensitive, `*` is a wildcard. */
function wildcardMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${source}$`, 'i').test(value);
}

/**
 * Splunk expands macros as text before the search is parsed (Knowledge Manager Manual, "Use
 * search macros in searches"), so `NOT \`m\`` with `m` = `a b` is `NOT a b`.
 */
export function expandMacros(text: string, macros: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 10) throw new Error('macro expansion too deep');
  return text.replace(/`([^`]+)`/g, (_, name: string) => {
    const definition = macros.get(name);
    if (definition === undefined) throw new Error(`unknown macro ${name}`);
    return expandMacros(definition, macros, depth + 1);
  });
}

export function parseSearch(text: string, macros: ReadonlyMap<string, string>): Predicate {
  const tokens = tokenizeSearch(expandMacros(text, macros));
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (word: string) => {
    const t = peek();
    return t?.kind === 'word' && t.text === word;
  };
  const value = (): string => {
    const t = tokens[pos++];
    if (t?.kind === 'word' || t?.kind === 'string') return t.text;
    throw new Error(`search: value expected in ${text}`);
  };
  function andExpr(): Predicate {
    const parts: Predicate[] = [orExpr()];
    for (;;) {
      const t = peek();
      if (t === undefined || t.kind === ')') break;
      if (isWord('AND')) pos++;
      parts.push(orExpr());
    }
    return (e) => parts.every((p) => p(e));
  }
  function orExpr(): Predicate {
    const parts: Predicate[] = [notExpr()];
    while (isWord('OR')) {
      pos++;
      parts.push(notExpr());
    }
    return (e) => parts.some((p) => p(e));
  }
  function notExpr(): Predicate {
    if (isWord('NOT')) {
      pos++;
      const inner = notExpr();
      return (e) => !inner(e);
    }
    return primary();
  }
  function primary(): Predicate {
    const t = tokens[pos++];
    if (t?.kind === '(') {
      const inner = andExpr();
      if (tokens[pos++]?.kind !== ')') throw new Error(`search: ) expected in ${text}`);
      return inner;
    }
    if (t?.kind === 'macro') throw new Error(`search: macro ${t.name} left after expansion`);
    if (t?.kind !== 'word') throw new Error(`search: term expected in ${text} at ${pos}`);
    if (t.text === '*') return () => true;
    const fieldName = t.text;
    if (peek()?.kind === '=') {
      pos++;
      const pattern = value();
      return (e) => (e.get(fieldName) ?? []).some((v) => wildcardMatches(pattern, v));
    }
    if (isWord('IN')) {
      pos++;
      if (tokens[pos++]?.kind !== '(') throw new Error(`search: ( expected after IN in ${text}`);
      const patterns: string[] = [value()];
      while (peek()?.kind === ',') {
        pos++;
        patterns.push(value());
      }
      if (tokens[pos++]?.kind !== ')') throw new Error(`search: ) expected in ${text}`);
      return (e) => (e.get(fieldName) ?? []).some((v) => patterns.some((p) => wildcardMatches(p, v)));
    }
    throw new Error(`search: bare keyword "${fieldName}" not modelled (${text})`);
  }
  const predicate = andExpr();
  if (pos !== tokens.length) throw new Error(`search: trailing tokens in ${text}`);
  return predicate;
}

// ---------------------------------------------------------------------------------------------
// eval expressions (`where`)

export type EvalValue = null | boolean | number | string | readonly string[];

type EvalToken =
  | { kind: 'string'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'number'; value: number }
  | { kind: 'ident'; name: string }
  | { kind: 'op'; op: string };

function tokenizeEval(text: string): EvalToken[] {
  const tokens: EvalToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        // Only `\\` and `\"` are escapes; any other backslash stays (the regex layer reads it).
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++;
        value += text[i++];
      }
      if (text[i] !== '"') throw new Error(`eval: unterminated string in ${text}`);
      i++;
      tokens.push({ kind: 'string', text: value });
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      tokens.push({ kind: 'field', name: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'ident', name: m[0] });
      i += m[0].length;
    } else {
      const m = /^(==|!=|<=|>=|<|>|=|\(|\)|,)/.exec(text.slice(i));
      if (!m) throw new Error(`eval: unexpected ${c} in ${text}`);
      tokens.push({ kind: 'op', op: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

type Evaluator = (event: SplEvent, bound?: { name: string; value: string }) => EvalValue;

function fieldValue(event: SplEvent, name: string, bound?: { name: string; value: string }): EvalValue {
  if (bound && bound.name === name) return bound.value;
  const values = event.get(name);
  if (!values || values.length === 0) return null;
  return values.length === 1 ? values[0]! : values;
}

function asList(value: EvalValue): readonly string[] | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value as readonly string[];
  return [String(value)];
}

/** Dotted-quad IPv4 (inet_pton: four decimal octets, no leading zeros). */
function parseIPv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((sum, p) => sum * 256n + BigInt(p), 0n);
}

/** IPv6 text (RFC 4291: groups of hex, one `::`, an optional trailing dotted quad). */
function parseIPv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string): bigint[] | null => {
    if (half === '') return [];
    const out: bigint[] = [];
    const pieces = half.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (v4 === null) return null;
        out.push(v4 >> 16n, v4 & 0xffffn);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) out.push(BigInt(`0x${piece}`));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  return [...head, ...Array<bigint>(halves.length === 2 ? missing : 0).fill(0n), ...tail].reduce((sum, g) => (sum << 16n) + g, 0n);
}

/**
 * cidrmatch(cidr, ip): whether ip lies in the block. An IPv4 block matches IPv4 addresses and an
 * IPv6 block IPv6 addresses (the families are not mixed); a malformed block or address is false.
 */
function cidrmatch(cidr: string, ip: string): boolean {
  const [base = '', bitsText] = cidr.split('/');
  const v4 = parseIPv4(base);
  const width = v4 !== null ? 32 : 128;
  const network = v4 ?? parseIPv6(base);
  const address = v4 !== null ? parseIPv4(ip) : parseIPv6(ip);
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (network === null || address === null || !Number.isInteger(bits) || bits < 0 || bits > width) return false;
  const shift = BigInt(width - bits);
  return network >> shift === address >> shift;
}

/** Field names an expression reads (for mvfilter, which must read exactly one). */
function fieldsOf(tokens: EvalToken[]): Set<string> {
  return new Set(tokens.flatMap((t) => (t.kind === 'field' ? [t.name] : [])));
}

/** What an eval expression may read besides the event: the search's time, for now(). */
export interface EvalContext {
  /** Epoch seconds. */
  readonly now?: number;
}

/** `where <expression>`: keeps an event only when the expression is true. */
export function parseWhere(text: string, context: EvalContext = {}): (event: SplEvent) => boolean {
  const evaluate = parseEval(text, context);
  return (event) => evaluate(event) === true;
}

/** An eval expression as a function of the event (or result row). */
export function parseEval(text: string, context: EvalContext = {}): (event: SplEvent) => EvalValue {
  const tokens = tokenizeEval(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isIdent = (name: string) => {
    const t = peek();
    return t?.kind === 'ident' && t.name === name;
  };
  const expectOp = (op: string) => {
    const t = tokens[pos++];
    if (t?.kind !== 'op' || t.op !== op) throw new Error(`eval: ${op} expected in ${text}`);
  };
  function or(): Evaluator {
    let left = and();
    while (isIdent('OR')) {
      pos++;
      const l = left;
      const r = and();
      left = (e, b) => {
        const x = l(e, b);
        const y = r(e, b);
        if (x === true || y === true) return true;
        return x === null || y === null ? null : false;
      };
    }
    return left;
  }
  function and(): Evaluator {
    let left = not();
    while (isIdent('AND')) {
      pos++;
      const l = left;
      const r = not();
      left = (e, b) => {
        const x = l(e, b);
        const y = r(e, b);
        if (x === false || y === false) return false;
        return x === null || y === null ? null : true;
      };
    }
    return left;
  }
  function not(): Evaluator {
    if (isIdent('NOT')) {
      pos++;
      const inner = not();
      return (e, b) => {
        const x = inner(e, b);
        return x === null ? null : !x;
      };
    }
    return comparison();
  }
  function comparison(): Evaluator {
    const left = primary();
    const t = peek();
    if (t?.kind === 'op' && ['==', '=', '!=', '<', '<=', '>', '>='].includes(t.op)) {
      pos++;
      const right = primary();
      return (e, b) => {
        let x = left(e, b);
        let y = right(e, b);
        if (x === null || y === null) return null;
        if (typeof x !== typeof y && (typeof x === 'number' || typeof y === 'number')) {
          const [a, b] = [numeric(x), numeric(y)];
          if (a === undefined || b === undefined) throw new Error(`eval: comparison of ${JSON.stringify(x)} and ${JSON.stringify(y)} not modelled`);
          [x, y] = [a, b];
        }
        if (typeof x !== typeof y || Array.isArray(x) || Array.isArray(y)) throw new Error(`eval: comparison of ${JSON.stringify(x)} and ${JSON.stringify(y)} not modelled`);
        switch (t.op) {
          case '==':
          case '=':
            return x === y;
          case '!=':
            return x !== y;
          case '<':
            return (x as number) < (y as number);
          case '<=':
            return (x as number) <= (y as number);
          case '>':
            return (x as number) > (y as number);
          default:
            return (x as number) >= (y as number);
        }
      };
    }
    return left;
  }
  function args(): { evaluators: Evaluator[]; tokens: EvalToken[][] } {
    expectOp('(');
    const evaluators: Evaluator[] = [];
    const argTokens: EvalToken[][] = [];
    if (!(peek()?.kind === 'op' && (peek() as { op: string }).op === ')')) {
      for (;;) {
        const start = pos;
        evaluators.push(or());
        argTokens.push(tokens.slice(start, pos));
        const t = peek();
        if (t?.kind === 'op' && t.op === ',') pos++;
        else break;
      }
    }
    expectOp(')');
    return { evaluators, tokens: argTokens };
  }
  function primary(): Evaluator {
    const t = tokens[pos++];
    if (!t) throw new Error(`eval: unexpected end of ${text}`);
    if (t.kind === 'string') return () => t.text;
    if (t.kind === 'number') return () => t.value;
    if (t.kind === 'field') return (e, b) => fieldValue(e, t.name, b);
    if (t.kind === 'op' && t.op === '(') {
      const inner = or();
      expectOp(')');
      return inner;
    }
    if (t.kind !== 'ident') throw new Error(`eval: unexpected token in ${text}`);
    // A name that is not called is a field: `where count > 0`.
    const next = peek();
    if (!(next?.kind === 'op' && next.op === '(')) return (e, b) => fieldValue(e, t.name, b);
    const { evaluators: a, tokens: argTokens } = args();
    switch (t.name) {
      case 'true':
        return () => true;
      case 'false':
        return () => false;
      case 'now':
        return () => {
          if (context.now === undefined) throw new Error('eval: now() without a search time');
          return context.now;
        };
      case 'relative_time':
        return (e, b) => {
          const time = numeric(a[0]!(e, b));
          const modifier = a[1]!(e, b);
          if (time === undefined || typeof modifier !== 'string') return null;
          return relativeTime(time, modifier);
        };
      case 'isnotnull':
        return (e, b) => a[0]!(e, b) !== null;
      case 'isnull':
        return (e, b) => a[0]!(e, b) === null;
      case 'tonumber':
        return (e, b) => {
          const x = a[0]!(e, b);
          if (typeof x === 'number') return x;
          if (typeof x !== 'string' || !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(x)) return null;
          return Number(x);
        };
      case 'cidrmatch':
        return (e, b) => {
          const cidr = a[0]!(e, b);
          const ip = a[1]!(e, b);
          if (cidr === null || ip === null) return null;
          if (typeof ip !== 'string') throw new Error('eval: cidrmatch of a multi-value field is not modelled');
          return cidrmatch(String(cidr), ip);
        };
      case 'match':
        return (e, b) => {
          const subject = a[0]!(e, b);
          const regex = a[1]!(e, b);
          if (subject === null || regex === null) return null;
          if (Array.isArray(subject)) throw new Error('eval: match on a multi-value field is not modelled');
          return pcreToJs(String(regex)).test(String(subject));
        };
      case 'mvfind':
        return (e, b) => {
          const values = asList(a[0]!(e, b));
          const regex = a[1]!(e, b);
          if (values === null || regex === null) return null;
          const re = pcreToJs(String(regex));
          const index = values.findIndex((v) => re.test(v));
          return index === -1 ? null : index;
        };
      case 'mvfilter': {
        const names = fieldsOf(argTokens[0]!);
        if (names.size !== 1) throw new Error(`eval: mvfilter must read exactly one field (${text})`);
        const name = [...names][0]!;
        return (e) => {
          const values = asList(fieldValue(e, name));
          if (values === null) return null;
          const kept = values.filter((value) => a[0]!(e, { name, value }) === true);
          return kept.length === 0 ? null : kept.length === 1 ? kept[0]! : kept;
        };
      }
      default:
        throw new Error(`eval: function ${t.name} not modelled`);
    }
  }
  const root = or();
  if (pos !== tokens.length) throw new Error(`eval: trailing tokens in ${text}`);
  return (event) => root(event);
}

/** A number, or text that spells one (fields hold text; Splunk compares numeric text as a number). */
function numeric(value: EvalValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Splunk's relative time modifiers, as far as detc writes them: `now`, `-<n><unit>` and an
 * optional `@<unit>` snap, which rounds down to the start of that unit (Search Reference, "Time
 * modifiers"). Times are epoch seconds in UTC.
 */
export function relativeTime(time: number, modifier: string): number {
  if (modifier === 'now') return time;
  const m = /^([+-])(\d+)([smhd])(?:@([smhd]))?$/.exec(modifier);
  if (!m) throw new Error(`relative time modifier not modelled: ${modifier}`);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 } as const;
  const shifted = time + (m[1] === '-' ? -1 : 1) * Number(m[2]) * unit[m[3] as keyof typeof unit];
  if (m[4] === undefined) return shifted;
  const snap = unit[m[4] as keyof typeof unit];
  return Math.floor(shifted / snap) * snap;
}

// ---------------------------------------------------------------------------------------------
// A search pipeline, up to the first transforming command

/**
 * Splits the search into stages and applies the filtering ones to the event: the leading
 * `search` terms (the data source macro selects every test event), `| search …`, `| where …`.
 * Stops at the output stage (`eval` copies, `fillnull`, `stats`), which does not filter. `macros` holds macros.conf definitions.
 */
export function splSelects(stages: readonly string[], event: SplEvent, macros: ReadonlyMap<string, string>): boolean {
  for (const stage of stages) {
    if (stage.startsWith('| eval') || stage.startsWith('| fillnull') || stage.startsWith('| stats')) return true;
    if (stage.startsWith('| where ')) {
      const expression = expandMacros(stage.slice('| where '.length), macros);
      if (!parseWhere(expression)(event)) return false;
    } else if (stage.startsWith('| search ')) {
      if (!parseSearch(stage.slice('| search '.length), macros)(event)) return false;
    } else if (!stage.startsWith('|')) {
      if (!parseSearch(stage, macros)(event)) return false;
    } else throw new Error(`stage not modelled: ${stage}`);
  }
  return true;
}
