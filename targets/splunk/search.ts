// A rule → its full SPL search, one pipeline stage per line:
//
//   `kube_audit` requestObject.message="Pulling image*"          data source macro + search terms
//   | where isnotnull(mvfind(...))                                 what `search` cannot say exactly
//   | search NOT `kube_allowed_images`                             one macro per allowlist
//   | fillnull value="unknown" user.username sourceIPs{}           keep events missing a by-field
//   | stats count min(_time) as firstTime max(_time) as lastTime by user.username sourceIPs{}
//   | rename user.username AS user, sourceIPs{} AS source_ip       so `$user$` tokens resolve
//   | `kubernetes_suspicious_image_pulling_filter`                 the rule's tuning macro, last
//
// A rule without fields, entities or tokens has no `by`: `| stats count … | where count > 0`,
// because stats without BY returns one row (count=0) even when nothing matched, and that row
// would fire the alert. new_terms and threshold rules change the stats stage (see
// docs/targets.md for the patterns and their cost).

import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { error } from '../../compiler/diagnostics.ts';
import type { Allowlist, Field, Rule } from '../../compiler/ir.ts';
import { assertNever } from '../../compiler/ir.ts';
import { filterMacroName } from './names.ts';
import { relativeTime } from './schedule.ts';
import { compileMatch, joinWhere, matchAsSearch } from './spl/compile-match.ts';
import { evalField, isEvalSafeFieldName, isSafeFieldName, quoteString } from './spl/strings.ts';
import { toWhere } from './spl/where-terms.ts';

/** What `fillnull` writes into a missing by-field, so that `stats … by` keeps the event. */
export const FILL_VALUE = 'unknown';

/** An allowlist as a macro: a `search` expression, or an eval expression when it needs one. */
export interface AllowlistMacro {
  readonly name: string;
  readonly description: string;
  readonly language: 'search' | 'eval';
  readonly definition: string;
  readonly allowlist: Allowlist;
}

export interface CompiledSearch {
  /** Pipeline stages; the first has no leading pipe. Joined with newlines it is the search. */
  readonly stages: readonly string[];
  readonly allowlists: readonly AllowlistMacro[];
  /** Logical names of the fields the results carry (the `stats … by` and `values()` fields). */
  readonly outputFields: readonly Field[];
  /** dispatch.earliest_time: how far back the search reads. */
  readonly earliest: string;
  readonly latest: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function compileAllowlist(allowlist: Allowlist, diagnostics: Diagnostic[]): AllowlistMacro {
  const asSearch = matchAsSearch(allowlist.match);
  const base = { name: allowlist.name, description: allowlist.description, allowlist };
  // Macros expand as text, so `search NOT \`m\`` with `a b` would be `(NOT a) b`: an AND of terms
  // is parenthesised to keep the macro one unit (OR groups already are).
  if (asSearch !== undefined) return { ...base, language: 'search', definition: allowlist.match.kind === 'and' ? `(${asSearch})` : asSearch };
  return { ...base, language: 'eval', definition: toWhere(allowlist.match, diagnostics) };
}

/** The fields every result row must carry: shown fields, entity fields, `$field$` tokens of the message. */
export function outputFields(rule: Rule): Field[] {
  const fields: Field[] = [];
  const add = (field: Field | undefined) => {
    if (field && !fields.some((f) => f.name === field.name)) fields.push(field);
  };
  rule.fields.forEach(add);
  rule.entities.forEach((entity) => add(entity.field));
  for (const [, token] of rule.message.matchAll(/\$([^$\s]+)\$/g)) add(rule.dataSource.fields.get(token!));
  return fields;
}

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `name` as a field name after AS/rename: bare when simple, quoted otherwise. */
function outputName(name: string): string {
  return SIMPLE_NAME.test(name) ? name : quoteString(name);
}

/**
 * A native name that `stats`/`rename` cannot take bare (`annotations.authorization.k8s.io/decision`)
 * is first copied to its logical name with eval, which quotes field names, and used under that.
 */
function needsCopy(field: Field): boolean {
  return !isSafeFieldName(field.splunk);
}

/** The name a field has in the stats stage. */
function statsName(field: Field): string {
  return needsCopy(field) ? field.name : field.splunk;
}

function copies(fields: readonly Field[]): string | undefined {
  const copied = fields.filter(needsCopy).map((field) => `${field.name}=${evalField(field.splunk)}`);
  return copied.length > 0 ? `| eval ${copied.join(', ')}` : undefined;
}

function renames(fields: readonly Field[]): string | undefined {
  const pairs = fields
    .filter((field) => !needsCopy(field) && field.splunk !== field.name)
    .map((field) => `${field.splunk} AS ${outputName(field.name)}`);
  return pairs.length > 0 ? `| rename ${pairs.join(', ')}` : undefined;
}

const STATS_TIMES = 'count min(_time) as firstTime max(_time) as lastTime';

export function compileSearch(rule: Rule, allowlistMacros: ReadonlyMap<string, AllowlistMacro>): CompiledSearch {
  const diagnostics: Diagnostic[] = [];
  const detection = rule.detection;
  const fields = outputFields(rule);
  const statsFields = [
    ...fields,
    ...(detection.type === 'new_terms' ? detection.fields : []),
    ...(detection.type === 'threshold' ? [...detection.groupBy, ...(detection.cardinality ? [detection.cardinality.field] : [])] : []),
  ].filter((field, index, all) => all.findIndex((other) => other.name === field.name) === index);
  for (const field of statsFields) checkFieldName(field, rule, diagnostics);

  // 1. Data source and match.
  const match = compileMatch(detection.match);
  diagnostics.push(...match.diagnostics);
  const macro = `\`${rule.dataSource.splunk.macro}\``;
  // A macro that is itself a pipeline (`index=x | spath`) cannot take more search terms after it.
  const macroIsPipeline = rule.dataSource.splunk.definition.includes('|');
  const stages: string[] = [];
  if (match.search.length === 0) stages.push(macro);
  else if (macroIsPipeline) stages.push(macro, `| search ${match.search.join(' ')}`);
  else stages.push(`${macro} ${match.search.join(' ')}`);
  if (match.where.length > 0) stages.push(`| where ${joinWhere(match.where)}`);

  // 2. Allowlists, each through its named macro.
  const allowlists: AllowlistMacro[] = [];
  for (const allowlist of detection.allowlists) {
    const compiled = allowlistMacros.get(allowlist.name) ?? compileAllowlist(allowlist, diagnostics);
    allowlists.push(compiled);
    stages.push(compiled.language === 'search' ? `| search NOT \`${compiled.name}\`` : `| where NOT (\`${compiled.name}\`)`);
  }

  // 3. Output stage, by detection type.
  const copy = copies(statsFields);
  if (copy) stages.push(copy);
  const lookback = rule.schedule.lookback.seconds + rule.schedule.delay.seconds;
  const latest = relativeTime(rule.schedule.delay.seconds);
  let earliest = relativeTime(lookback);
  switch (detection.type) {
    case 'query': {
      const by = fields.map(statsName).join(' ');
      if (fields.length > 0) stages.push(`| fillnull value=${quoteString(FILL_VALUE)} ${by}`, `| stats ${STATS_TIMES} by ${by}`);
      // Without BY, stats returns one row even when no event matched (Search Reference,
      // "stats": "If the stats command is used without a BY clause, only one row is returned"),
      // with count=0, and `number of events greater than 0` would alert on every run. Keeping
      // only a row that counted something makes an empty run return no result.
      else stages.push(`| stats ${STATS_TIMES}`, '| where count > 0');
      const rename = renames(fields);
      if (rename) stages.push(rename);
      break;
    }
    case 'new_terms': {
      // First-seen: read the training window plus the current one; a combination of terms whose
      // first sighting falls inside the current window is new.
      const training = rule.periods.training?.seconds ?? 0;
      earliest = relativeTime(training + lookback);
      const terms = detection.fields;
      const others = fields.filter((field) => !terms.some((term) => term.name === field.name));
      const values = others.map((field) => ` values(${statsName(field)}) as ${outputName(field.name)}`).join('');
      stages.push(`| stats ${STATS_TIMES}${values} by ${terms.map(statsName).join(' ')}`);
      stages.push(`| where firstTime >= relative_time(now(), ${quoteString(relativeTime(lookback))})`);
      const rename = renames(terms);
      if (rename) stages.push(rename);
      break;
    }
    case 'threshold': {
      // Count per group over the test window (the lookback when the rule has none). An event
      // missing a group field counts in no group (no fillnull), as the language defines.
      if (rule.periods.test !== 'single-event') earliest = relativeTime(rule.periods.test.seconds + rule.schedule.delay.seconds);
      const group = detection.groupBy;
      const others = fields.filter((field) => !group.some((g) => g.name === field.name));
      const cardinality = detection.cardinality ? ` dc(${statsName(detection.cardinality.field)}) as cardinality` : '';
      const values = others.map((field) => ` values(${statsName(field)}) as ${outputName(field.name)}`).join('');
      const by = group.length > 0 ? ` by ${group.map(statsName).join(' ')}` : '';
      stages.push(`| stats ${STATS_TIMES}${cardinality}${values}${by}`);
      // Without a group, stats returns its one row even for no events (see query above): the
      // threshold (at least 1, the schema's minimum) is what drops it.
      const card = detection.cardinality ? ` AND cardinality >= ${detection.cardinality.value}` : '';
      stages.push(`| where count >= ${detection.value}${card}`);
      const rename = renames(group);
      if (rename) stages.push(rename);
      break;
    }
    default:
      assertNever(detection, 'detection');
  }

  // 4. The rule's own tuning macro, last.
  stages.push(`| \`${filterMacroName(rule)}\``);
  return { stages, allowlists, outputFields: fields, earliest, latest, diagnostics };
}

function checkFieldName(field: Field, rule: Rule, diagnostics: Diagnostic[]): void {
  if (isSafeFieldName(field.splunk) || (isEvalSafeFieldName(field.splunk) && SIMPLE_NAME.test(field.name))) return;
  diagnostics.push(
    error(
      'splunk/unsupported-field-name',
      field.span,
      `Rule "${rule.name}" shows field "${field.name}", whose Splunk name "${field.splunk}" detc cannot write safely in SPL. Use a native name made of letters, digits and "_", ".", "{", "}", "/", "-", "@", ":" (and a logical name of letters, digits and "_").`,
    ),
  );
}

export function searchText(compiled: CompiledSearch): string {
  return compiled.stages.join('\n');
}
