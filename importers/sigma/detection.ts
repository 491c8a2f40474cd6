// Sigma detection → detc match AST. A search identifier is a map (every field matches: AND) or
// a list of maps (any map matches: OR); a field's value list matches when any value matches
// (`|all`: every value). Sigma compares case-insensitively by default, which becomes our explicit
// `lower(field) op "lower-case value"`; `|cased` keeps the comparison exact.

import type { FieldType } from '../../compiler/ir.ts';
import type { AstExpr } from '../../compiler/language/ast.ts';
import type { OrderingOperator } from '../../compiler/language/keywords.ts';
import { and, cidr, equals, exists, inList, list, literal, matches, not, or, ordering, string, stringOrList, text } from './ast-build.ts';
import { parseIp, readCidr } from '../../compiler/language/ip.ts';
import type { ConditionNode } from './condition.ts';
import { identifiersMatching } from './condition.ts';
import { readModifierChain, type ModifierChain } from './modifiers/chain.ts';
import { base64, base64Offsets, encodeText, type TextEncoding } from './modifiers/encoding.ts';
import { checkImportedRegex } from './modifiers/regex.ts';
import { describeBacktracking, exponentialBacktracking } from '../../compiler/language/regex-backtracking.ts';
import { windashVariants } from './modifiers/windash.ts';
import { refuse } from './refusal.ts';
import { isPlain, normalize, parseSigmaString, plainSigmaString, plainText, type SigmaString } from './sigma-string.ts';

/** Turns a Sigma field name into the logical field of the rule's data source. */
export interface FieldResolver {
  resolve(sigmaField: string, use: 'text' | 'number' | 'ip'): { readonly name: string; readonly type: FieldType };
}

/** The match expression of a Sigma condition over the rule's search identifiers. */
export function conditionToMatch(
  condition: ConditionNode,
  identifiers: Readonly<Record<string, unknown>>,
  fields: FieldResolver,
): AstExpr {
  const names = Object.keys(identifiers);
  const selection = (name: string): AstExpr => selectionToMatch(name, identifiers[name], fields);
  const walk = (node: ConditionNode): AstExpr => {
    switch (node.kind) {
      case 'and':
        return and(node.operands.map(walk));
      case 'or':
        return or(node.operands.map(walk));
      case 'not':
        return not(walk(node.operand));
      case 'ref':
        if (!Object.hasOwn(identifiers, node.name)) {
          refuse('sigma/unknown-identifier', `The condition names \`${node.name}\`, which is not a search identifier of the detection (${names.join(', ')}).`);
        }
        return selection(node.name);
      case 'of': {
        const matched = identifiersMatching(node.pattern, names);
        const what = node.pattern === undefined ? 'them' : node.pattern;
        if (matched.length === 0) refuse('sigma/empty-of', `\`of ${what}\` selects no search identifier of the detection (${names.join(', ')}).`);
        if (typeof node.quantity === 'object') {
          refuse('sigma/of-count', `\`${node.quantity.count} of ${what}\` asks for at least ${node.quantity.count} matching identifiers; the specification defines only \`1 of\` and \`all of\`.`);
        }
        const parts = matched.map(selection);
        return node.quantity === 'all' ? and(parts) : or(parts);
      }
    }
  };
  return walk(condition);
}

function selectionToMatch(name: string, value: unknown, fields: FieldResolver): AstExpr {
  if (isMap(value)) return mapToMatch(name, value, fields);
  if (Array.isArray(value) && value.length > 0 && value.every(isMap)) return or(value.map((m) => mapToMatch(name, m, fields)));
  return refuseKeywords(name);
}

function refuseKeywords(name: string): never {
  return refuse(
    'sigma/keyword-search',
    `Search identifier \`${name}\` is a keyword list (values without a field name), which Sigma searches for anywhere in the raw event. detc's match language compares named fields only: its IR has no raw-event search, and adding one would change every target. Rewrite the keywords as conditions on the field that holds the text (for example the message field).`,
  );
}

function mapToMatch(name: string, map: Record<string, unknown>, fields: FieldResolver): AstExpr {
  const entries = Object.entries(map);
  if (entries.length === 0) refuse('sigma/empty-selection', `Search identifier \`${name}\` is an empty map; the specification gives it no meaning.`);
  return and(
    entries.map(([key, value]) => {
      const chain = readModifierChain(key);
      if (chain.field === '') return refuseKeywords(name);
      return fieldToMatch(chain, value, fields);
    }),
  );
}

function fieldToMatch(chain: ModifierChain, raw: unknown, fields: FieldResolver): AstExpr {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) refuse('sigma/empty-value-list', `\`${chain.field}\` has an empty value list, which matches nothing in Sigma; remove it or give values.`);
  const use = chain.comparison === 'cidr' ? 'ip' : chain.comparison === 'gt' || chain.comparison === 'gte' || chain.comparison === 'lt' || chain.comparison === 'lte' ? 'number' : 'text';
  const field = fields.resolve(chain.field, use);
  const expr = (() => {
    switch (chain.comparison) {
      case 'exists':
        return existsToMatch(chain, values, field.name);
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return rangeToMatch(chain, values, field);
      case 're':
        return combine(chain, values.map((v) => regexToMatch(chain, v, field)));
      case 'cidr':
        return cidrToMatch(chain, values, field);
      case 'match':
        return valuesToMatch(chain, values, field);
    }
  })();
  return chain.negated ? not(expr) : expr;
}

function combine(chain: ModifierChain, parts: AstExpr[]): AstExpr {
  return chain.all ? and(parts) : or(parts);
}

function existsToMatch(chain: ModifierChain, values: unknown[], field: string): AstExpr {
  const [value] = values;
  if (values.length !== 1 || typeof value !== 'boolean') {
    refuse('sigma/exists-value', `\`${chain.field}|exists\` needs the single value true or false.`);
  }
  const test = exists(field);
  return value ? test : not(test);
}

const RANGE_OPS: Readonly<Record<string, OrderingOperator>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

function rangeToMatch(chain: ModifierChain, values: unknown[], field: { name: string; type: FieldType }): AstExpr {
  if (field.type !== 'number') {
    refuse('sigma/range-on-text', `\`${chain.field}|${chain.comparison}\` compares numbers, but \`${field.name}\` is a ${field.type} field of the data source.`);
  }
  return combine(
    chain,
    values.map((v) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
      if (n === undefined) refuse('sigma/range-value', `\`${chain.field}|${chain.comparison}\` needs a number, not ${JSON.stringify(v)}.`);
      return ordering(field.name, RANGE_OPS[chain.comparison]!, n);
    }),
  );
}

function regexToMatch(chain: ModifierChain, value: unknown, field: { name: string; type: FieldType }): AstExpr {
  if (typeof value !== 'string') refuse('sigma/regex-value', `\`${chain.field}|re\` needs a string regular expression, not ${JSON.stringify(value)}.`);
  if (field.type === 'number') refuse('sigma/text-on-number', `\`${chain.field}|re\` matches text, but \`${field.name}\` is a number field of the data source.`);
  // PCRE's leading inline flags, as many Sigma rules write them (`(?i)…`), are the same as flags.
  const inline = /^\(\?([ims]+)\)/.exec(value);
  const pattern = inline ? value.slice(inline[0].length) : value;
  const flags = [...new Set(chain.regexFlags + (inline?.[1] ?? ''))].sort().join('');
  const problem = checkImportedRegex(pattern, flags);
  if (problem) refuse('sigma/regex-unportable', `\`${chain.field}|re\` ${JSON.stringify(value)}: ${problem}`);
  // The check regex/catastrophic would reject the imported rule: refuse it here, with the same reason.
  const risk = exponentialBacktracking(pattern, flags)[0];
  if (risk) refuse('sigma/regex-catastrophic', `\`${chain.field}|re\` ${JSON.stringify(value)}: ${describeBacktracking(pattern, risk)}.`);
  return matches(field.name, pattern, flags);
}

function cidrToMatch(chain: ModifierChain, values: unknown[], field: { name: string; type: FieldType }): AstExpr {
  if (field.type !== 'ip') {
    refuse('sigma/cidr-on-text', `\`${chain.field}|cidr\` needs an IP field, but \`${field.name}\` is a ${field.type} field of the data source (other rules match it as text, which IP fields do not allow).`);
  }
  const blocks = values.map((v) => {
    // The language's one reading of blocks (compiler/language/ip.ts), so what is imported validates.
    const reading = typeof v === 'string' ? readCidr(v) : undefined;
    if (!reading?.ok) {
      refuse('sigma/cidr-value', `\`${chain.field}|cidr\` needs CIDR blocks such as 10.0.0.0/8, not ${JSON.stringify(v)}${reading ? ` (${reading.reason})` : ''}.`);
    }
    return v as string;
  });
  if (chain.all) return and(blocks.map((b) => cidr(field.name, string(b))));
  return cidr(field.name, stringOrList(blocks));
}

/** One value after the modifiers: a string pattern, a number or boolean compared as such, or null. */
type Candidate =
  | { readonly kind: 'string'; readonly value: SigmaString }
  | { readonly kind: 'typed'; readonly value: number | boolean }
  | { readonly kind: 'null' };

function valuesToMatch(chain: ModifierChain, values: unknown[], field: { name: string; type: FieldType }): AstExpr {
  // Each written value becomes one or more alternatives (windash, base64offset); alternatives are ORed.
  const groups = values.map((v) => applyTransforms(chain, toCandidate(chain, v, field.type)));
  if (chain.all && groups.length > 1) return and(groups.map((g) => candidatesToMatch(chain, g, field)));
  return candidatesToMatch(chain, groups.flat(), field);
}

function toCandidate(chain: ModifierChain, value: unknown, type: FieldType): Candidate {
  if (value === null) {
    if (chain.transforms.length > 0) refuse('sigma/null-with-modifier', `\`${chain.field}\` applies modifiers to null, which the specification does not define.`);
    return { kind: 'null' };
  }
  const plain = chain.transforms.length === 0;
  if (type === 'number' && plain) {
    if (typeof value === 'number') return { kind: 'typed', value };
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return { kind: 'typed', value: Number(value) };
  }
  if (type === 'boolean' && plain && typeof value === 'boolean') return { kind: 'typed', value };
  if (typeof value === 'string') {
    if (chain.expand && /(^|[^\\])%[^%]+%/.test(value)) {
      refuse('sigma/placeholder', `\`${chain.field}|expand\` uses the placeholder ${value.match(/%[^%]+%/)?.[0]}; detc has no placeholder values to expand it with. Replace it with the values for your environment and drop \`|expand\`.`);
    }
    return { kind: 'string', value: parseSigmaString(chain.expand ? value.replaceAll('\\%', '%') : value) };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'string', value: plainSigmaString(String(value)) };
  return refuse('sigma/value-type', `\`${chain.field}\` has the value ${JSON.stringify(value)}; Sigma values are strings, numbers, booleans or null.`);
}

function applyTransforms(chain: ModifierChain, candidate: Candidate): Candidate[] {
  if (candidate.kind !== 'string') return [candidate];
  let values: SigmaString[] = [candidate.value];
  let encoding: TextEncoding = 'utf8';
  for (const t of chain.transforms) {
    switch (t.kind) {
      case 'encoding':
        encoding = t.encoding;
        break;
      case 'base64':
      case 'base64offset':
        values = values.flatMap((v) => {
          if (!isPlain(v)) refuse('sigma/base64-wildcard', `\`${chain.field}|${t.kind}\` encodes a value with wildcards; encode literal text only.`);
          const bytes = encodeText(plainText(v), encoding);
          return t.kind === 'base64' ? [plainSigmaString(base64(bytes))] : base64Offsets(bytes).map(plainSigmaString);
        });
        break;
      case 'windash':
        values = values.flatMap((v) => {
          const variants = windashVariants(v);
          if (!Array.isArray(variants)) refuse('sigma/windash-explosion', `\`${chain.field}|windash\` would expand one value into ${variants.tooMany} variants; split the value.`);
          return variants;
        });
        break;
      case 'wrap':
        values = values.map((v) => normalize([
          ...(t.position === 'startswith' ? [] : [{ kind: 'any-string' as const }]),
          ...v,
          ...(t.position === 'endswith' ? [] : [{ kind: 'any-string' as const }]),
        ]));
        break;
    }
  }
  return values.map((value) => ({ kind: 'string', value }));
}

type StringOp = '==' | 'startswith' | 'endswith' | 'contains' | 'like';

/** The simplest operator that says exactly what a Sigma pattern says, and its operand text. */
export function classifyPattern(value: SigmaString): { op: StringOp; text: string } {
  const [first, second, third] = value;
  if (isPlain(value)) return { op: '==', text: plainText(value) };
  if (value.length === 2 && first?.kind === 'text' && second?.kind === 'any-string') return { op: 'startswith', text: first.text };
  if (value.length === 2 && first?.kind === 'any-string' && second?.kind === 'text') return { op: 'endswith', text: second.text };
  if (value.length === 3 && first?.kind === 'any-string' && second?.kind === 'text' && third?.kind === 'any-string') return { op: 'contains', text: second.text };
  return { op: 'like', text: value.map((p) => (p.kind === 'any-string' ? '*' : p.kind === 'any-char' ? '?' : escapeGlob(p.text))).join('') };
}

/** Our glob syntax: `*` and `?` are wildcards, `\` escapes them and itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?]/g, '\\$&');
}

/** True when lower-casing can change the text: only then does the comparison need `lower()`. */
function hasCase(text: string): boolean {
  return text.toLowerCase() !== text.toUpperCase();
}

function candidatesToMatch(chain: ModifierChain, candidates: Candidate[], field: { name: string; type: FieldType }): AstExpr {
  const parts: AstExpr[] = [];
  const byOp = new Map<StringOp, SigmaString[]>();
  const typed: (number | boolean)[] = [];
  for (const c of candidates) {
    if (c.kind === 'null') parts.push(not(exists(field.name)));
    else if (c.kind === 'typed') typed.push(c.value);
    else if (c.value.length > 0 && c.value.every((p) => p.kind === 'any-string')) {
      // `field: '*'` matches any value at all: that is our `exists` (and `like "*"` would draw a warning).
      parts.push(exists(field.name));
    } else {
      if (field.type === 'ip') {
        const { op, text } = classifyPattern(c.value);
        if (op !== '==' || parseIp(text) === undefined) {
          refuse('sigma/text-on-ip', `\`${chain.field}\` is matched as text (${JSON.stringify(text)}), but \`${field.name}\` is an ip field of the data source, which compares whole addresses (==) or blocks (cidr) only.`);
        }
      } else if (field.type === 'number' || field.type === 'boolean') {
        refuse('sigma/text-on-number', `\`${chain.field}\` is matched as text (${JSON.stringify(c.value.map((p) => (p.kind === 'text' ? p.text : p.kind === 'any-string' ? '*' : '?')).join(''))}), but \`${field.name}\` is a ${field.type} field of the data source.`);
      }
      const { op } = classifyPattern(c.value);
      byOp.set(op, [...(byOp.get(op) ?? []), c.value]);
    }
  }
  if (typed.length > 0) {
    const unique = [...new Set(typed)];
    parts.unshift(unique.length === 1 ? equals(field.name, literal(unique[0]!)) : inList(field.name, list(unique)));
  }
  for (const [op, values] of byOp) {
    // An ip field compares addresses, which have no case (2001:DB8::1 is 2001:db8::1), and
    // lower() of an ip field is a type mismatch.
    const lower = field.type !== 'ip' && !chain.cased && values.some((v) => v.some((p) => p.kind === 'text' && hasCase(p.text)));
    const texts = [...new Set(values.map((v) => classifyPattern(lower ? v.map((p) => (p.kind === 'text' ? { kind: 'text' as const, text: p.text.toLowerCase() } : p)) : v).text))];
    if (op !== '==') parts.push(text(field.name, op, stringOrList(texts), lower));
    else parts.push(texts.length === 1 ? equals(field.name, string(texts[0]!), lower) : inList(field.name, list(texts), lower));
  }
  return or(parts);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
