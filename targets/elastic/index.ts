// The Elastic target: every rule (and every variation) becomes a Kibana detection rule —
// `elastic/rules/<rule_id>.json` (pretty) and one line of `elastic/rules.ndjson` (what Kibana's
// rule import takes). A rule with a construct neither KQL nor Lucene can express faithfully is
// refused with a diagnostic and left out.
//
// Files: query.ts chooses KQL (kql/) or Lucene (lucene/) and assembles filter + match +
// allowlists; field-checks.ts holds what both refuse; rule-json.ts builds the rule object from
// schedule.ts (interval/from/to), threat.ts (ATT&CK), tags.ts, fields.ts (required and
// investigation fields), note.ts + markdown.ts (investigation and setup guides) and settings.ts
// (detc.yml `elastic:` and `targets.elastic`). docs/targets.md explains every mapping.

import { error, warning, type Diagnostic } from '../../compiler/diagnostics.ts';
import type { Library, Rule } from '../../compiler/ir.ts';
import type { EmitResult, OutputFile, QueryPreview, Target } from '../target.ts';
import { kibanaRule, type KibanaRule } from './rule-json.ts';
import { ruleQuery } from './query.ts';
import { effectiveSettings } from './settings.ts';

export const elasticTarget: Target = {
  name: 'elastic',
  description: 'Kibana detection rules (KQL query, new_terms, threshold) as JSON files and an ndjson bundle for rule import',
  emit: emitElastic,
};

export function emitElastic(library: Library): EmitResult {
  const diagnostics: Diagnostic[] = [];
  const queries = new Map<string, QueryPreview>();
  const rules: KibanaRule[] = [];

  for (const rule of [...library.rules].sort((a, b) => compare(a.id, b.id))) {
    const found: Diagnostic[] = [];
    const query = ruleQuery(rule);
    found.push(...query.diagnostics, ...detectionLimits(rule));
    if (query.text !== undefined && query.language && !found.some((d) => d.severity === 'error')) {
      rules.push(kibanaRule(rule, { language: query.language, text: query.text }, effectiveSettings(rule, library.config.elastic), found));
      queries.set(rule.id, { language: query.language, text: query.text });
    }
    diagnostics.push(...found);
  }

  const files: OutputFile[] = rules.map((r) => ({ path: `elastic/rules/${String(r.rule_id)}.json`, contents: `${JSON.stringify(r, null, 2)}\n` }));
  files.push({ path: 'elastic/rules.ndjson', contents: rules.map((r) => `${JSON.stringify(r)}\n`).join('') });
  return { files, diagnostics, queries };
}

/** What Kibana's rule types require beyond the query. */
function detectionLimits(rule: Rule): Diagnostic[] {
  const detection = rule.detection;
  const out: Diagnostic[] = [];
  if (detection.type === 'new_terms') {
    if (!rule.periods.training) {
      out.push(error('elastic/new-terms-needs-training', rule.span, 'a new_terms rule needs periods.training: Kibana looks for earlier values from now-<training> (history_window_start). Add e.g. "training: 14d".'));
    }
    if (detection.fields.length < 1 || detection.fields.length > 3) {
      out.push(error('elastic/new-terms-field-count', rule.span, `Kibana's new_terms rules watch 1 to 3 fields, and this rule lists ${detection.fields.length}; keep at most three new_terms fields.`));
    }
  }
  if (detection.type === 'threshold' && rule.periods.test !== 'single-event' && rule.periods.test.seconds < rule.schedule.interval.seconds) {
    out.push(
      warning(
        'elastic/threshold-window-gap',
        rule.periods.test.span,
        `Kibana counts a threshold over each run's whole time range, so this rule searches only the last ${rule.periods.test.text} of every ${rule.schedule.interval.text} run and events in between are never counted. Make the interval at most the test period.`,
      ),
    );
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
