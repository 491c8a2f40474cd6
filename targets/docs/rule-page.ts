// The view model of one rule page: Cortex XDR's Analytics Alert Reference structure first (the
// order lives here, once, so the Markdown and HTML pages cannot drift apart), then what Cortex
// does not show: compiled queries, data source and fields, false positives, references, tests,
// and the rule's metadata. Templates only lay this out.

import { jsonWithVisibleEscapes } from '../../compiler/unsafe-characters.ts';
import type { QueryPreview } from '../target.ts';
import { assertNever, type Rule, type Tactic, type Technique } from '../../compiler/ir.ts';
import { durationInWords, optionalDuration, testPeriodInWords } from './durations.ts';
import { fieldsUsed } from './fields-used.ts';
import { detectionTypeLabel, queryTitle, severityLabel, tacticLabel, techniqueLabel } from './labels.ts';
import { inlineCode, type Inline } from './inline-code.ts';
import { isWebUrl, paragraphs } from './markdown-escape.ts';

/** One line of a synopsis value; `url` leaves the site (MITRE), `sitePath` is a page of the site (from its root). */
export interface Line {
  readonly text: string;
  readonly url?: string;
  readonly sitePath?: string;
}

export interface SynopsisRow {
  readonly label: string;
  /** Text before the lines, e.g. "Requires one of the following data sources:". */
  readonly intro?: string;
  readonly lines: readonly Line[];
  /** Render the lines as a list (Required Data) rather than one per line. */
  readonly list: boolean;
}

/** The Cortex part of a page, for the base rule and for each variation. */
export interface CortexSections {
  readonly id: string;
  readonly anchor: string;
  readonly name: string;
  readonly severity: string;
  readonly severityLabel: string;
  readonly synopsis: readonly SynopsisRow[];
  /** Paragraphs and list items of rule prose, each split into plain and `code` parts. */
  readonly description: readonly Rich[];
  readonly attackerGoals: readonly Rich[];
  readonly investigation: readonly Rich[];
}

/** A paragraph or list item of rule prose: plain text and the author's `code` spans. */
export type Rich = readonly Inline[];

export function richParagraphs(text: string): Rich[] {
  return paragraphs(text).map(inlineCode);
}

export interface QueryGroup {
  readonly ruleName: string;
  readonly queries: readonly { readonly title: string; readonly language: string; readonly text: string }[];
}

export interface FieldView {
  readonly name: string;
  readonly type: string;
  readonly splunk: string;
  readonly elastic: string;
  readonly description: Rich;
}

export interface TestView {
  readonly ruleName: string;
  readonly name: string;
  readonly alerts: boolean;
  readonly expectLabel: string;
  readonly events: string;
  readonly history: string;
}

export interface RulePage {
  readonly slug: string;
  readonly name: string;
  readonly status: string;
  readonly cortex: CortexSections;
  readonly variations: readonly CortexSections[];
  readonly queries: readonly QueryGroup[];
  readonly detection: {
    readonly typeLabel: string;
    readonly summary: string;
    readonly schedule: string;
    /** The rule's match expression as written (empty when unknown). */
    readonly match: string;
    readonly allowlists: readonly { readonly name: string; readonly description: string; readonly match: string }[];
    readonly entities: readonly string[];
  };
  readonly dataSource: { readonly title: string; readonly name: string; readonly description: Rich; readonly sitePath: string };
  readonly fields: readonly FieldView[];
  readonly falsePositives: readonly Rich[];
  readonly references: readonly { readonly text: string; readonly url?: string }[];
  readonly tests: readonly TestView[];
  readonly metadata: readonly { readonly label: string; readonly value: string }[];
}

export interface PageContext {
  /** Rule id → slug, for every rule and variation. */
  readonly slugs: ReadonlyMap<string, string>;
  /** Data source name → slug. */
  readonly dataSourceSlugs: ReadonlyMap<string, string>;
  /** Target name → rule id → compiled query, in build order. */
  readonly queries: readonly (readonly [string, ReadonlyMap<string, QueryPreview>])[];
}

export function buildRulePage(rule: Rule, context: PageContext): RulePage {
  const slug = context.slugs.get(rule.id) ?? rule.id;
  const family = [rule, ...rule.variations];
  return {
    slug,
    name: rule.name,
    status: rule.status,
    cortex: cortexSections(rule, true, context),
    variations: rule.variations.map((variation) => cortexSections(variation, false, context)),
    queries: family
      .map((member) => ({
        ruleName: member.name,
        queries: context.queries.flatMap(([target, byRule]) => {
          const preview = byRule.get(member.id);
          return preview ? [{ title: queryTitle(target), language: preview.language, text: preview.text }] : [];
        }),
      }))
      .filter((group) => group.queries.length > 0),
    detection: {
      typeLabel: detectionTypeLabel(rule.detection.type),
      summary: detectionSummary(rule),
      schedule: scheduleSummary(rule),
      match: rule.detection.matchText ?? '',
      allowlists: rule.detection.allowlists.map(({ name, description, matchText }) => ({ name, description, match: matchText ?? '' })),
      entities: rule.entities.map((e) => `${e.field.name} (${e.type.replace('_', ' ')}, ${e.role})`),
    },
    dataSource: {
      title: rule.dataSource.title,
      name: rule.dataSource.name,
      description: inlineCode(rule.dataSource.description),
      sitePath: `data-sources/${context.dataSourceSlugs.get(rule.dataSource.name) ?? rule.dataSource.name}.html`,
    },
    fields: fieldsUsed(rule).map((field) => ({
      name: field.name,
      type: field.multiValue ? `${field.type} (multi-value)` : field.type,
      splunk: field.splunk,
      elastic: field.elastic,
      description: inlineCode(field.description),
    })),
    falsePositives: rule.falsePositives.map(inlineCode),
    references: rule.references.map((text) => (isWebUrl(text) ? { text, url: text } : { text })),
    tests: family.flatMap((member) =>
      member.tests.map((test) => ({
        ruleName: member.name,
        name: test.name,
        alerts: test.expect === 'alert',
        expectLabel: test.expect === 'alert' ? 'Alerts' : 'Does not alert',
        events: jsonWithVisibleEscapes(test.events),
        history: test.history.length > 0 ? jsonWithVisibleEscapes(test.history) : '',
      })),
    ),
    metadata: [
      { label: 'ID', value: rule.id },
      { label: 'Version', value: String(rule.version) },
      { label: 'Status', value: rule.status },
      { label: 'Risk score', value: String(rule.risk.score) },
      ...(rule.author.length > 0 ? [{ label: 'Author', value: rule.author.join(', ') }] : []),
      ...(rule.created ? [{ label: 'Created', value: rule.created }] : []),
      ...(rule.modified ? [{ label: 'Modified', value: rule.modified }] : []),
      ...rule.variations.map((variation) => ({ label: `Variation: ${variation.name}`, value: variation.id })),
    ],
  };
}

/** A base rule shows the whole synopsis; a variation only what it may change (periods and data are inherited). */
function cortexSections(rule: Rule, isBase: boolean, context: PageContext): CortexSections {
  const rows: SynopsisRow[] = [];
  const row = (label: string, lines: readonly Line[], extra: { intro?: string; list?: boolean } = {}) => {
    if (lines.length > 0) rows.push({ label, lines, list: extra.list ?? false, ...(extra.intro ? { intro: extra.intro } : {}) });
  };
  const text = (value: string | undefined): Line[] => (value === undefined ? [] : [{ text: value }]);
  if (isBase) {
    row('Activation Period', text(optionalDuration(rule.periods.activation)));
    row('Training Period', text(optionalDuration(rule.periods.training)));
    row('Test Period', text(testPeriodInWords(rule.periods.test)));
    row('Deduplication Period', text(optionalDuration(rule.periods.deduplication)));
    row(
      'Required Data',
      rule.requiredData.map((item) => ({ text: item })),
      { intro: rule.requiredData.length === 1 ? 'Requires:' : 'Requires one of the following data sources:', list: true },
    );
    row('Detection Modules', rule.detectionModules.map((item) => ({ text: item })));
    row('Detector Tags', rule.detectorTags.map((item) => ({ text: item })));
  }
  row('ATT&CK Tactic', distinctTactics(rule).map(tacticLine));
  row('ATT&CK Technique', distinctTechniques(rule).map(techniqueLine));
  row('Severity', [{ text: severityLabel(rule.severity) }]);
  return {
    id: rule.id,
    anchor: isBase ? 'synopsis' : (context.slugs.get(rule.id) ?? rule.id),
    name: rule.name,
    severity: rule.severity,
    severityLabel: severityLabel(rule.severity),
    synopsis: rows,
    description: richParagraphs(rule.description),
    attackerGoals: richParagraphs(rule.attackerGoals),
    investigation: rule.investigation.map(inlineCode),
  };
}

export function distinctTactics(rule: Rule): Tactic[] {
  const seen = new Map<string, Tactic>();
  for (const mapping of rule.attack) if (!seen.has(mapping.tactic.id)) seen.set(mapping.tactic.id, mapping.tactic);
  return [...seen.values()];
}

export function distinctTechniques(rule: Rule): Technique[] {
  const seen = new Map<string, Technique>();
  for (const mapping of rule.attack) for (const t of mapping.techniques) if (!seen.has(t.id)) seen.set(t.id, t);
  return [...seen.values()];
}

function tacticLine(tactic: Tactic): Line {
  return { text: tacticLabel(tactic), url: tactic.url, sitePath: `tactics/${tactic.shortname}.html` };
}

function techniqueLine(technique: Technique): Line {
  return { text: techniqueLabel(technique), url: technique.url };
}

function scheduleSummary(rule: Rule): string {
  const { interval, lookback, delay } = rule.schedule;
  const base = `Runs every ${inProse(interval.seconds)} over the previous ${inProse(lookback.seconds)}`;
  return delay.seconds > 0 ? `${base}, ${inProse(delay.seconds)} behind real time.` : `${base}.`;
}

function detectionSummary(rule: Rule): string {
  const { detection, periods } = rule;
  const names = (fields: readonly { name: string }[]) => fields.map((f) => f.name).join(', ');
  switch (detection.type) {
    case 'query':
      return 'Alerts on every event that matches the query.';
    case 'new_terms': {
      const window = periods.training ? inProse(periods.training.seconds) : 'the training period';
      return `Alerts when a combination of ${names(detection.fields)} appears that was not seen in the previous ${window}.`;
    }
    case 'threshold': {
      const window = periods.test === 'single-event' ? 'one run' : inProse(periods.test.seconds);
      const group = detection.groupBy.length > 0 ? ` with the same ${names(detection.groupBy)}` : '';
      const distinct = detection.cardinality
        ? ` and at least ${detection.cardinality.value} distinct values of ${detection.cardinality.field.name}`
        : '';
      return `Alerts when at least ${detection.value} matching events${group}${distinct} occur within ${window}.`;
    }
    default:
      return assertNever(detection, 'detection type');
  }
}

/** Durations inside a sentence read in lower case: "over the previous 30 days". */
function inProse(seconds: number): string {
  return durationInWords(seconds).toLowerCase();
}
