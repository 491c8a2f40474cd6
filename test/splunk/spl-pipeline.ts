// A saved search run end to end, for tests: its dispatch window, every command of its pipeline
// (not only the filtering ones spl-evaluator.ts models) and its alert condition. Written from
// Splunk's documentation, independently of the emitter, so that a search which alerts when
// nothing happened is caught:
//
// - Search Reference, "stats": without a BY clause stats returns one row, the aggregation over
//   the whole input, so on zero events it still returns one row (count=0; min/max/values of
//   nothing are null). With a BY clause it returns one row per distinct combination of by-field
//   values: an event missing a by-field is in no group, and a multi-value by-field puts the event
//   in one group per value.
//   count → number of events; min/max → numeric when every value is a number, else lexicographic;
//   dc → number of distinct values; values → the distinct values, in lexicographic order.
// - "fillnull value=v f…": each listed field that is missing gets v.
// - "eval n=expr, …": sets each field to the expression's value (null removes it).
// - "rename a AS b, …": renames fields; "search", "where": keep the rows that pass.
// - Macros expand as text before the search is parsed.
// - savedsearches.conf: the search reads events with dispatch.earliest_time <= _time <
//   dispatch.latest_time; `counttype = number of events` counts the search's results (result
//   rows, after the transforming commands) and the alert fires when that count stands in
//   `relation` to `quantity` (savedsearches.conf.spec: "<counttype> <relation> <quantity>").

import { expandMacros, parseEval, parseSearch, parseWhere, relativeTime, type EvalValue, type SplEvent } from './spl-evaluator.ts';

export type Row = ReadonlyMap<string, readonly string[]>;

/** Runs a whole search on events (or rows) at time `now` (epoch seconds), macros expanded first. */
export function runSearch(search: string, input: readonly SplEvent[], macros: ReadonlyMap<string, string>, now: number): Row[] {
  let rows: Row[] = [...input];
  for (const [index, command] of splitCommands(expandMacros(search, macros)).entries()) {
    rows = runCommand(index === 0 ? `search ${command}` : command, rows, now);
  }
  return rows;
}

export interface SavedSearchRun {
  readonly rows: readonly Row[];
  readonly alerts: boolean;
}

/** A savedsearches.conf stanza run at `now` on the events of the index (each with an epoch-seconds `_time`). */
export function runSavedSearch(settings: ReadonlyMap<string, string>, macros: ReadonlyMap<string, string>, events: readonly SplEvent[], now: number): SavedSearchRun {
  const search = setting(settings, 'search');
  const earliest = relativeTime(now, setting(settings, 'dispatch.earliest_time'));
  const latest = relativeTime(now, setting(settings, 'dispatch.latest_time'));
  const inWindow = events.filter((event) => {
    const time = Number(event.get('_time')?.[0]);
    if (Number.isNaN(time)) throw new Error('every event needs an epoch-seconds _time');
    return earliest <= time && time < latest;
  });
  const rows = runSearch(search, inWindow, macros, now);
  return { rows, alerts: alertCondition(settings, rows.length) };
}

function setting(settings: ReadonlyMap<string, string>, key: string): string {
  const value = settings.get(key);
  if (value === undefined) throw new Error(`the stanza has no ${key}`);
  return value;
}

/** Whether a run with `results` result rows fires, by counttype/relation/quantity. */
export function alertCondition(settings: ReadonlyMap<string, string>, results: number): boolean {
  if (settings.has('alert_condition')) throw new Error('alert_condition is not modelled');
  const counttype = setting(settings, 'counttype');
  if (counttype !== 'number of events') throw new Error(`counttype ${counttype} is not modelled`);
  const quantity = Number(setting(settings, 'quantity'));
  if (!Number.isInteger(quantity)) throw new Error('quantity must be an integer');
  switch (setting(settings, 'relation')) {
    case 'greater than':
      return results > quantity;
    case 'less than':
      return results < quantity;
    case 'equal to':
      return results === quantity;
    case 'not equal to':
      return results !== quantity;
    default:
      throw new Error(`relation ${settings.get('relation')} is not modelled`);
  }
}

// ---------------------------------------------------------------------------------------------

/** Splits at the pipes that separate commands: not inside quotes or parentheses. */
export function splitCommands(text: string): string[] {
  return splitOutside(text, '|').map((command) => command.trim());
}

/** Splits `text` at `separator` where it is outside double quotes, single quotes and parentheses. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"' && i + 1 < text.length) {
        current += c + text[++i];
        continue;
      }
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  if (quote) throw new Error(`unterminated ${quote} in ${text}`);
  parts.push(current);
  return parts;
}

/** Whitespace-separated words, a double-quoted word kept whole (and unquoted). */
function words(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!));
}

function runCommand(command: string, rows: readonly Row[], now: number): Row[] {
  const [name = '', ...rest] = command.split(/\s+/);
  const args = command.slice(name.length).trim();
  switch (name) {
    case 'search': {
      const keep = parseSearch(args, new Map());
      return rows.filter((row) => keep(row));
    }
    case 'where': {
      const keep = parseWhere(args, { now });
      return rows.filter((row) => keep(row));
    }
    case 'eval':
      return evalCommand(args, rows, now);
    case 'fillnull':
      return fillnull(args, rows);
    case 'stats':
      return stats(words(args), rows);
    case 'rename':
      return rename(args, rows);
    default:
      throw new Error(`command not modelled: ${name} ${rest.join(' ')}`);
  }
}

function asValues(value: EvalValue): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return [...value];
  return [String(value)];
}

function evalCommand(args: string, rows: readonly Row[], now: number): Row[] {
  const assignments = splitOutside(args, ',').map((assignment) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(assignment);
    if (!m) throw new Error(`eval assignment not modelled: ${assignment}`);
    return { name: m[1]!, value: parseEval(m[2]!, { now }) };
  });
  return rows.map((row) => {
    const out = new Map(row);
    for (const { name, value } of assignments) {
      const values = asValues(value(row));
      if (values.length === 0) out.delete(name);
      else out.set(name, values);
    }
    return out;
  });
}

function fillnull(args: string, rows: readonly Row[]): Row[] {
  const m = /^value=("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/s.exec(args);
  if (!m) throw new Error(`fillnull form not modelled: ${args}`);
  const value = m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/\\(.)/g, '$1') : m[1]!;
  const fields = m[2]!.trim().split(/\s+/);
  return rows.map((row) => {
    const out = new Map(row);
    for (const field of fields) if ((out.get(field) ?? []).length === 0) out.set(field, [value]);
    return out;
  });
}

interface Aggregation {
  readonly fn: 'count' | 'min' | 'max' | 'dc' | 'values';
  readonly field?: string;
  readonly as: string;
}

function stats(args: readonly string[], rows: readonly Row[]): Row[] {
  const byAt = args.indexOf('by');
  const aggregationWords = byAt === -1 ? args : args.slice(0, byAt);
  const by = byAt === -1 ? [] : args.slice(byAt + 1);
  if (byAt !== -1 && by.length === 0) throw new Error('stats: by without fields');
  const aggregations: Aggregation[] = [];
  for (let i = 0; i < aggregationWords.length; i++) {
    const word = aggregationWords[i]!;
    const call = /^(count|min|max|dc|values)(?:\(([^()]+)\))?$/.exec(word);
    if (!call || (call[1] !== 'count' && call[2] === undefined)) throw new Error(`stats aggregation not modelled: ${word}`);
    const fn = call[1] as Aggregation['fn'];
    let as = word;
    if (aggregationWords[i + 1] === 'as') {
      as = aggregationWords[i + 2] ?? '';
      i += 2;
    }
    aggregations.push({ fn, ...(call[2] !== undefined ? { field: call[2] } : {}), as });
  }

  // The groups: one for the whole input without BY (even an empty input), else one per combination.
  const groups = new Map<string, { key: readonly string[]; rows: Row[] }>();
  if (by.length === 0) groups.set('', { key: [], rows: [...rows] });
  for (const row of by.length === 0 ? [] : rows) {
    for (const key of combinations(by.map((field) => [...new Set(row.get(field) ?? [])]))) {
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, rows: [] };
      group.rows.push(row);
      groups.set(id, group);
    }
  }

  return [...groups.values()].map(({ key, rows: members }) => {
    const out = new Map<string, string[]>(by.map((field, i) => [field, [key[i]!]]));
    for (const aggregation of aggregations) {
      const values = aggregation.field === undefined ? [] : members.flatMap((member) => member.get(aggregation.field!) ?? []);
      const result = aggregate(aggregation.fn, members.length, values);
      if (result.length > 0) out.set(aggregation.as, result);
    }
    return out;
  });
}

function combinations(choices: readonly (readonly string[])[]): string[][] {
  return choices.reduce<string[][]>((prefixes, values) => prefixes.flatMap((prefix) => values.map((value) => [...prefix, value])), [[]]);
}

function aggregate(fn: Aggregation['fn'], count: number, values: readonly string[]): string[] {
  const distinct = [...new Set(values)].sort();
  switch (fn) {
    case 'count':
      return [String(count)];
    case 'dc':
      return [String(distinct.length)];
    case 'values':
      return distinct;
    case 'min':
    case 'max': {
      if (values.length === 0) return [];
      const numbers = values.map(Number);
      if (numbers.every((n) => !Number.isNaN(n) && values.every((v) => v.trim() !== ''))) {
        return [String(fn === 'min' ? Math.min(...numbers) : Math.max(...numbers))];
      }
      return [fn === 'min' ? distinct[0]! : distinct.at(-1)!];
    }
  }
}

function rename(args: string, rows: readonly Row[]): Row[] {
  const pairs = splitOutside(args, ',').map((pair) => {
    const parts = words(pair);
    if (parts.length !== 3 || parts[1] !== 'AS') throw new Error(`rename form not modelled: ${pair}`);
    return [parts[0]!, parts[2]!] as const;
  });
  return rows.map((row) => {
    const out = new Map(row);
    for (const [from, to] of pairs) {
      const values = out.get(from);
      out.delete(from);
      out.delete(to);
      if (values !== undefined) out.set(to, [...values]);
    }
    return out;
  });
}
