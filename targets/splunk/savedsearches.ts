// One Enterprise Security correlation search per rule: the stanza of savedsearches.conf.
// Keys are those of Splunk 9.2's savedsearches.conf.spec plus the ES keys documented in
// ../shared/splunk/README.md; test/splunk/conf-keys.test.ts checks every key we write.

import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { error, warning } from '../../compiler/diagnostics.ts';
import type { EntityType, Rule } from '../../compiler/ir.ts';
import type { ConfSetting, ConfStanza } from './conf/write.ts';
import { searchName } from './names.ts';
import { isSafeFieldName } from './spl/strings.ts';
import { cronSchedule } from './schedule.ts';
import type { CompiledSearch } from './search.ts';
import { searchText } from './search.ts';
import type { ProjectSettings, RuleSettings } from './settings.ts';

/** ES risk objects are users, systems or "other"; threat objects keep the entity type. */
function riskObjectType(type: EntityType): 'user' | 'system' | 'other' {
  return type === 'user' || type === 'system' ? type : 'other';
}

function annotations(rule: Rule): string {
  const techniques = [...new Set(rule.attack.flatMap((mapping) => mapping.techniques.map((technique) => technique.id)))].sort();
  const type = rule.detection.type === 'query' ? 'TTP' : 'Anomaly';
  return JSON.stringify({
    ...(rule.risk.confidence !== undefined ? { confidence: rule.risk.confidence } : {}),
    ...(rule.risk.impact !== undefined ? { impact: rule.risk.impact } : {}),
    data_source: [rule.dataSource.title],
    mitre_attack: techniques,
    type,
  });
}

function metadata(rule: Rule): string {
  return JSON.stringify({
    deprecated: rule.status === 'deprecated' ? '1' : '0',
    detection_id: rule.id,
    detection_version: String(rule.version),
  });
}

function risk(rule: Rule): string {
  const entries = rule.entities.map((entity) =>
    entity.role === 'victim'
      ? { risk_object_field: entity.field.name, risk_object_type: riskObjectType(entity.type), risk_score: rule.risk.score }
      : { threat_object_field: entity.field.name, threat_object_type: entity.type },
  );
  return JSON.stringify(entries);
}

function drilldown(rule: Rule): string {
  // Entity fields `search` can name (see spl/strings.ts); the others are left out of the drilldown.
  const entityFields = rule.entities.map((entity) => entity.field).filter((field) => isSafeFieldName(field.splunk));
  const terms = entityFields.map((field) => `${field.splunk}="$${field.name}$"`).join(' ');
  return JSON.stringify([
    {
      name: `View the events of ${entityFields.map((field) => `$${field.name}$`).join(', ')}`,
      search: `\`${rule.dataSource.splunk.macro}\` ${terms}`,
      earliest_offset: '$info_min_time$',
      latest_offset: '$info_max_time$',
    },
  ]);
}

export interface SavedSearch {
  readonly stanza: ConfStanza;
  readonly diagnostics: readonly Diagnostic[];
}

export function savedSearch(rule: Rule, compiled: CompiledSearch, project: ProjectSettings, settings: RuleSettings): SavedSearch {
  const diagnostics: Diagnostic[] = [];
  const { name, truncated } = searchName(project.label, rule);
  if (truncated) {
    diagnostics.push(
      warning(
        'splunk/search-name-truncated',
        rule.span,
        `The correlation search name for "${rule.name}" is longer than 99 characters, so the rule name was shortened to "${name}". Shorten the rule name or the app label to keep it whole.`,
      ),
    );
  }
  const cron = cronSchedule(rule.schedule.interval);
  if (cron === undefined) {
    diagnostics.push(
      error(
        'splunk/unsupported-interval',
        rule.schedule.interval.span,
        `A schedule interval of ${rule.schedule.interval.text} cannot be written as a Splunk cron schedule. Use whole minutes that divide an hour (1m, 5m, 10m, 15m, 30m…) or whole hours that divide a day (1h, 2h, 4h, 6h, 12h, 24h).`,
      ),
    );
  }

  // Runs tile time only when each one reads at least an interval's worth of events.
  const window = rule.detection.type === 'threshold' && rule.periods.test !== 'single-event' ? rule.periods.test : rule.schedule.lookback;
  if (window.seconds < rule.schedule.interval.seconds) {
    diagnostics.push(
      warning(
        'splunk/window-gap',
        window.span,
        `The search runs every ${rule.schedule.interval.text} but reads only ${window.text} of events, so events in the rest of each interval are never searched. Make the window at least as long as the interval.`,
      ),
    );
  }

  const disabled = settings.disabled || rule.status === 'deprecated';
  const victims = rule.entities.filter((entity) => entity.role === 'victim');
  const settingsList: ConfSetting[] = [
    ['action.correlationsearch.enabled', '1'],
    ['action.correlationsearch.label', name],
    ['action.correlationsearch.annotations', annotations(rule)],
    ['action.correlationsearch.metadata', metadata(rule)],
    ['description', rule.description],
    ['search', searchText(compiled)],
    ['cron_schedule', cron ?? ''],
    ['dispatch.earliest_time', compiled.earliest],
    ['dispatch.latest_time', compiled.latest],
    ['schedule_window', 'auto'],
    ['enableSched', '1'],
    ['disabled', disabled ? 'true' : 'false'],
    ['alert.digest_mode', '1'],
    ['counttype', 'number of events'],
    ['relation', 'greater than'],
    ['quantity', '0'],
  ];
  if (rule.periods.deduplication) {
    const suppressed = (rule.entities.length > 0 ? rule.entities.map((entity) => entity.field) : compiled.outputFields).map((field) => field.name);
    settingsList.push(
      ['alert.suppress', '1'],
      ['alert.suppress.fields', [...new Set(suppressed)].join(',')],
      ['alert.suppress.period', `${rule.periods.deduplication.seconds}s`],
    );
  }
  if (victims.length > 0) {
    settingsList.push(['action.risk', '1'], ['action.risk.param._risk', risk(rule)], ['action.risk.param._risk_message', rule.message]);
  } else {
    diagnostics.push(
      warning(
        'splunk/no-risk-object',
        rule.span,
        `Rule "${rule.name}" has no entity with role victim, so its Splunk search adds no risk. Add an entity such as { field: user, type: user, role: victim }.`,
      ),
    );
  }
  if (settings.notable) {
    settingsList.push(
      ['action.notable', '1'],
      ['action.notable.param.rule_title', rule.name],
      ['action.notable.param.rule_description', rule.message],
      ['action.notable.param.security_domain', settings.securityDomain],
      ['action.notable.param.severity', rule.severity],
      ['action.notable.param.nes_fields', compiled.outputFields.map((field) => field.name).join(',')],
    );
    if (settings.drilldown && rule.entities.some((entity) => isSafeFieldName(entity.field.splunk))) settingsList.push(['action.notable.param.drilldown_searches', drilldown(rule)]);
  }
  return { stanza: { name, settings: settingsList }, diagnostics };
}
