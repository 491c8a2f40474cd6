// The tree our test Lucene grammar (lucene.peggy) produces, the parser, and an evaluator with
// Elasticsearch's query_string semantics on keyword, number and ip fields — including Lucene's
// clause semantics: in a group, negated clauses exclude (MUST_NOT); OR-ed positives are SHOULD,
// AND-ed ones MUST; a group of only negations matches everything else (Elasticsearch adds a
// match-all to pure negative queries).

import { readFileSync } from 'node:fs';
import peggy from 'peggy';
import { ipTermMatches, type Doc, type Mapping } from './kql-evaluator.ts';

export type LuceneAst =
  | { readonly type: 'bool'; readonly op: 'and' | 'or'; readonly clauses: readonly LuceneAst[] }
  | { readonly type: 'not'; readonly operand: LuceneAst }
  | { readonly type: 'all' }
  | { readonly type: 'clause'; readonly field: string; readonly value: LuceneValue };

export type LuceneValue =
  | { readonly type: 'range'; readonly lo: string; readonly hi: string; readonly loInclusive: boolean; readonly hiInclusive: boolean }
  | { readonly type: 'regex'; readonly body: string }
  | { readonly type: 'phrase'; readonly text: string }
  | { readonly type: 'term'; readonly parts: readonly ({ readonly literal: string } | { readonly wildcard: '*' | '?' })[] };

const parser = peggy.generate(readFileSync(new URL('./lucene.peggy', import.meta.url), 'utf8'), { output: 'parser' });

export function parseLucene(text: string): LuceneAst {
  return parser.parse(text) as LuceneAst;
}

export function evaluateLucene(ast: LuceneAst, doc: Doc, mapping: Mapping): boolean {
  switch (ast.type) {
    case 'all':
      return true;
    case 'not':
      // A lone negation is a pure negative query: everything but the operand.
      return !evaluateLucene(ast.operand, doc, mapping);
    case 'bool': {
      const negative = ast.clauses.filter((c) => c.type === 'not').map((c) => (c as { operand: LuceneAst }).operand);
      const positive = ast.clauses.filter((c) => c.type !== 'not');
      if (negative.some((c) => evaluateLucene(c, doc, mapping))) return false;
      if (positive.length === 0) return true;
      return ast.op === 'and' ? positive.every((c) => evaluateLucene(c, doc, mapping)) : positive.some((c) => evaluateLucene(c, doc, mapping));
    }
    case 'clause':
      return clause(ast.field, ast.value, doc, mapping);
  }
}

function values(doc: Doc, field: string): unknown[] {
  if (!Object.hasOwn(doc, field)) return [];
  const v = doc[field];
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined);
}

function clause(field: string, value: LuceneValue, doc: Doc, mapping: Mapping): boolean {
  const type = mapping.get(field) ?? 'keyword';
  const vs = values(doc, field);
  if (value.type === 'term' && value.parts.length === 1 && 'wildcard' in value.parts[0]! && value.parts[0].wildcard === '*') return vs.length > 0;
  return vs.some((v) => {
    switch (type) {
      case 'keyword': {
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
        const s = String(v);
        if (value.type === 'phrase') return s === value.text;
        if (value.type === 'regex') return luceneRegex(value.body).test(s);
        if (value.type === 'term') return termRegex(value.parts).test(s);
        return false;
      }
      case 'number': {
        if (typeof v !== 'number') return false;
        if (value.type === 'range') {
          const lo = value.lo === '*' ? -Infinity : Number(value.lo);
          const hi = value.hi === '*' ? Infinity : Number(value.hi);
          return (value.loInclusive ? v >= lo : v > lo) && (value.hiInclusive ? v <= hi : v < hi);
        }
        const text = value.type === 'phrase' ? value.text : value.type === 'term' ? literalText(value.parts) : undefined;
        return text !== undefined && text.trim() !== '' && Number(text) === v;
      }
      case 'ip': {
        if (typeof v !== 'string') return false;
        const text = value.type === 'phrase' ? value.text : value.type === 'term' ? literalText(value.parts) : undefined;
        if (text === undefined) return false;
        return ipTermMatches(v, text);
      }
      case 'boolean':
        return typeof v === 'boolean' && value.type === 'term' && literalText(value.parts) === String(v);
      default:
        return false;
    }
  });
}

function literalText(parts: LuceneValue & { type: 'term' } extends { parts: infer P } ? P : never): string | undefined {
  let out = '';
  for (const p of parts) {
    if ('wildcard' in p) return undefined;
    out += p.literal;
  }
  return out;
}

const escapeJs = (ch: string) => `\\u{${ch.codePointAt(0)!.toString(16)}}`;

function termRegex(parts: readonly ({ literal: string } | { wildcard: '*' | '?' })[]): RegExp {
  const body = parts.map((p) => ('literal' in p ? escapeJs(p.literal) : p.wildcard === '*' ? '[^]*' : '[^]')).join('');
  return new RegExp(`^${body}$`, 'u');
}

/**
 * A Lucene regular expression (the syntax Elasticsearch documents for regexp queries) as an
 * anchored JavaScript regex over code points: `\x` is the character x; `.` any character;
 * `[…]`/`[^…]` with ranges; groups, `|`, `* + ?` and `{n}` `{n,}` `{n,m}`. The optional
 * operators (`# @ & ~ <n-m>`) are not written by the emitter, so meeting one throws.
 */
function luceneRegex(body: string): RegExp {
  const chars = [...body];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\') out += escapeJs(chars[++i]!);
    else if (ch === '.') out += '[^]';
    else if (ch === '(') out += '(?:';
    else if (')|*+?'.includes(ch)) out += ch;
    else if (ch === '{') {
      const m = /^\{\d+(,\d*)?\}/.exec(chars.slice(i).join(''));
      if (!m) throw new Error(`bad repetition in /${body}/`);
      out += m[0];
      i += m[0].length - 1;
    } else if (ch === '[') {
      let cls = '[';
      i++;
      if (chars[i] === '^') (cls += '^'), i++;
      for (; chars[i] !== ']'; i++) {
        if (i >= chars.length) throw new Error(`unclosed class in /${body}/`);
        const c = chars[i]!;
        cls += c === '\\' ? escapeJs(chars[++i]!) : c === '-' ? '-' : /^[A-Za-z0-9]$/.test(c) ? c : escapeJs(c);
      }
      out += `${cls}]`;
    } else if (/^[A-Za-z0-9]$/.test(ch)) out += ch;
    else if ('#@&~<>"'.includes(ch)) throw new Error(`unexpected operator ${ch} in /${body}/`);
    else out += escapeJs(ch);
  }
  return new RegExp(`^(?:${out})$`, 'u');
}
