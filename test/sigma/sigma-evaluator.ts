// An evaluator of Sigma detections written from the Sigma specification (rules specification
// "Detection" and "Condition", modifiers appendix v2.1.0), independently of the importer: the
// faithfulness test runs it and detc's reference evaluator on the same events and expects the
// same verdict. It deliberately shares no code with importers/sigma.
//
// Semantics implemented (spec wording in quotes):
// - "All values are treated as case-insensitive strings": event and rule values are compared as
//   strings, ignoring case, unless `|cased`. Regexes are case-sensitive unless `|re|i`.
// - `*` any run, `?` one character; `\` escapes `*`, `?` and `\`, and is plain before anything else.
// - maps: AND of entries; lists of maps: OR; value lists: OR (`|all`: AND).
// - `null`: the field is absent or null. `''`: the field is the empty string.
// - `exists`: "only verifies the presence of a field, not its value".
// - conditions: or < and < not < `x of` < parentheses; `them` skips identifiers starting with `_`.
// - multi-valued event fields (arrays) match when any element matches (the spec is silent; this is
//   the usual reading, and the one detc defines).

export type SigmaEvent = Readonly<Record<string, unknown>>;

export function sigmaDetectionMatches(detection: Readonly<Record<string, unknown>>, event: SigmaEvent): boolean {
  const { condition, timeframe: _timeframe, ...identifiers } = detection;
  const conditions = Array.isArray(condition) ? (condition as string[]) : [String(condition)];
  return conditions.some((text) => evaluateCondition(text.split('|')[0]!, identifiers, event));
}

// ---------------------------------------------------------------------------------------------
// Conditions: a recursive-descent parser over words and parentheses.

function evaluateCondition(text: string, identifiers: Record<string, unknown>, event: SigmaEvent): boolean {
  const tokens = text.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const orExpr = (): boolean => {
    let value = andExpr();
    while (peek() === 'or') {
      i++;
      const right = andExpr();
      value = value || right;
    }
    return value;
  };
  const andExpr = (): boolean => {
    let value = notExpr();
    while (peek() === 'and') {
      i++;
      const right = notExpr();
      value = value && right;
    }
    return value;
  };
  const notExpr = (): boolean => {
    if (peek() === 'not') {
      i++;
      return !notExpr();
    }
    return primary();
  };
  const primary = (): boolean => {
    const token = tokens[i++]!;
    if (token === '(') {
      const value = orExpr();
      i++; // ')'
      return value;
    }
    if (tokens[i]?.toLowerCase() === 'of') {
      const target = tokens[i + 1]!;
      i += 2;
      const names = Object.keys(identifiers).filter((name) =>
        target.toLowerCase() === 'them' ? !name.startsWith('_') : wildcardToRegExp(target).test(name),
      );
      const results = names.map((name) => selectionMatches(identifiers[name], event));
      return token.toLowerCase() === 'all' ? results.every(Boolean) : results.filter(Boolean).length >= Number(token);
    }
    return selectionMatches(identifiers[token], event);
  };
  return orExpr();
}

function wildcardToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

// ---------------------------------------------------------------------------------------------
// Search identifiers

function selectionMatches(selection: unknown, event: SigmaEvent): boolean {
  if (Array.isArray(selection)) return selection.some((item) => selectionMatches(item, event));
  if (selection && typeof selection === 'object') {
    return Object.entries(selection).every(([key, value]) => fieldMatches(key, value, event));
  }
  throw new Error('keyword searches are not evaluated (the importer refuses them)');
}

function fieldMatches(key: string, ruleValue: unknown, event: SigmaEvent): boolean {
  const [field, ...modifiers] = key.split('|');
  const has = (m: string) => modifiers.includes(m);
  const raw = event[field!];
  const present = Object.hasOwn(event, field!);
  const eventValues = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== null);
  const ruleValues = Array.isArray(ruleValue) ? ruleValue : [ruleValue];

  if (has('exists')) return ruleValue === present;

  const one = (value: unknown): boolean => {
    if (value === null) return eventValues.length === 0;
    if (has('gt') || has('gte') || has('lt') || has('lte')) {
      const limit = Number(value);
      return eventValues.some((v) => {
        const n = Number(v);
        if (typeof v === 'boolean' || Number.isNaN(n) || String(v).trim() === '') return false;
        return has('gt') ? n > limit : has('gte') ? n >= limit : has('lt') ? n < limit : n <= limit;
      });
    }
    if (has('cidr')) return eventValues.some((v) => inCidr(String(v), String(value)));
    if (has('re')) {
      // PCRE (the spec's flavour) allows leading inline flags such as (?i); JavaScript takes them as flags.
      const inline = /^\(\?([ims]+)\)/.exec(String(value));
      const flags = [...new Set((has('i') ? 'i' : '') + (has('m') ? 'm' : '') + (has('s') ? 's' : '') + (inline?.[1] ?? ''))].join('');
      const re = new RegExp(inline ? String(value).slice(inline[0].length) : String(value), flags);
      return eventValues.some((v) => re.test(String(v)));
    }
    const patterns = expandValue(String(value), modifiers);
    return patterns.some((p) => eventValues.some((v) => p.test(String(v))));
  };
  const matched = has('all') && ruleValues.length > 1 ? ruleValues.every(one) : ruleValues.some(one);
  return has('neq') ? !matched : matched;
}

/** The value after the transformation modifiers, as anchored regular expressions. */
function expandValue(value: string, modifiers: readonly string[]): RegExp[] {
  // Values are kept as Sigma pattern text (wildcards and escapes) until the end, in a canonical
  // form where every literal backslash is written `\\`: a value's trailing plain backslash must not
  // escape the `*` that contains/endswith add after it.
  let values = [canonicalSigma(value)];
  let encoding: 'utf8' | 'utf16le' | 'utf16be' | 'utf16' = 'utf8';
  for (const m of modifiers) {
    if (m === 'contains') values = values.map((v) => `*${v}*`);
    else if (m === 'startswith') values = values.map((v) => `${v}*`);
    else if (m === 'endswith') values = values.map((v) => `*${v}`);
    else if (m === 'wide' || m === 'utf16le') encoding = 'utf16le';
    else if (m === 'utf16be') encoding = 'utf16be';
    else if (m === 'utf16') encoding = 'utf16';
    else if (m === 'base64') values = values.map((v) => escapeSigma(bytesOf(unescapeSigma(v), encoding).toString('base64')));
    else if (m === 'base64offset') values = values.flatMap((v) => base64OffsetVariants(bytesOf(unescapeSigma(v), encoding)).map(escapeSigma));
    else if (m === 'windash') values = values.flatMap(windashPermutations);
  }
  const cased = modifiers.includes('cased');
  return values.map((v) => sigmaPatternToRegExp(v, !cased));
}

function bytesOf(text: string, encoding: string): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16le') return le;
  if (encoding === 'utf16be') {
    const be = Buffer.alloc(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    return be;
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
}

/** The three base64 forms of a value shifted by 0, 1 and 2 bytes, minus the characters that depend on neighbours. */
function base64OffsetVariants(bytes: Buffer): string[] {
  const leading = [0, 2, 3];
  const trailing = [0, -3, -2];
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), bytes]).toString('base64');
    const cut = trailing[(bytes.length + shift) % 3]!;
    return encoded.slice(leading[shift], cut === 0 ? undefined : cut);
  });
}

const DASHES = ['-', '/', '\u2013', '\u2014', '\u2015'];

function windashPermutations(value: string): string[] {
  let results = [''];
  for (const c of value) results = results.flatMap((r) => (DASHES.includes(c) ? DASHES.map((d) => r + d) : [r + c]));
  return results;
}

function canonicalSigma(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && ['*', '?', '\\'].includes(value[i + 1] ?? '')) out += c + value[++i];
    else if (c === '\\') out += '\\\\';
    else out += c;
  }
  return out;
}

/** Sigma pattern text → literal text (for encodings, which apply to plain values). */
function unescapeSigma(value: string): string {
  return value.replace(/\\([*?\\])/g, '$1');
}

function escapeSigma(text: string): string {
  return text.replace(/[*?\\]/g, '\\$&');
}

function sigmaPatternToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && ['*', '?', '\\'].includes(pattern[i + 1] ?? '')) {
      source += escapeRegExpChar(pattern[++i]!);
    } else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += escapeRegExpChar(c);
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'iu' : 'u');
}

function escapeRegExpChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

// ---------------------------------------------------------------------------------------------
// CIDR (IPv4 and IPv6)

function inCidr(address: string, block: string): boolean {
  const [network, bitsText] = block.split('/');
  const bits = Number(bitsText);
  const a = ipToBigInt(address);
  const n = ipToBigInt(network!);
  if (a === undefined || n === undefined || a.v6 !== n.v6) return false;
  const width = a.v6 ? 128 : 32;
  const shift = BigInt(width - bits);
  return a.value >> shift === n.value >> shift;
}

function ipToBigInt(text: string): { value: bigint; v6: boolean } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), v6: false };
  }
  if (!text.includes(':')) return undefined;
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), v6: true };
}
