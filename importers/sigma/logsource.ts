// Sigma logsource → detc data source. Shipped mappings (data-sources/*.yml, our data-source
// format) cover the common log sources with their real Splunk and Elastic field names; the
// Kubernetes audit log reuses the library's kubernetes_audit data source. Any other log source
// gets a generated data source whose native names equal the Sigma field names (a warning says so).
//
// Fields a rule uses that a shipped mapping lacks are added to the written data source with the
// Sigma name as native name (a warning per rule names them), so that the rule still imports and
// `detc validate` keeps reporting unknown fields for hand-written rules.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { packageUrl } from '../../compiler/package-files.ts';
import type { FieldType } from '../../compiler/ir.ts';
import type { DataSourceSource, FieldSource } from '../../compiler/load/source-types.ts';
import type { FieldResolver } from './detection.ts';

export interface SigmaLogsource {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

interface LogsourceMapping {
  readonly logsource: SigmaLogsource;
  /** The shipped data source file (data-sources/<name>.yml), or the library's for kubernetes_audit. */
  readonly dataSource: string;
  /** Sigma field name → logical field name, where they differ (kubernetes_audit). */
  readonly renames?: Readonly<Record<string, string>>;
  /** Elastic name of fields the mapping lacks, from the Sigma name (Winlogbeat puts EventData under winlog.event_data). */
  readonly elasticFallback?: (sigmaField: string) => string;
}

const winlogEventData = (field: string) => `winlog.event_data.${field}`;

const KUBERNETES_RENAMES = {
  verb: 'verb',
  'objectRef.resource': 'resource',
  'objectRef.subresource': 'subresource',
  'objectRef.namespace': 'namespace',
  'objectRef.name': 'object_name',
  'objectRef.apiGroup': 'api_group',
  apiGroup: 'api_group',
  'user.username': 'user',
  userAgent: 'user_agent',
  sourceIPs: 'source_ip',
  requestURI: 'request_uri',
  'responseStatus.code': 'response_code',
  hostPath: 'host_path',
  stage: 'stage',
};

/** First match wins: each entry's given keys must all equal the rule's logsource. */
export const LOGSOURCE_MAPPINGS: readonly LogsourceMapping[] = [
  { logsource: { product: 'windows', category: 'process_creation' }, dataSource: 'windows_process_creation', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', service: 'security' }, dataSource: 'windows_security', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'registry_set' }, dataSource: 'windows_registry_set', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'registry_event' }, dataSource: 'windows_registry_event', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'file_event' }, dataSource: 'windows_file_event', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'image_load' }, dataSource: 'windows_image_load', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'network_connection' }, dataSource: 'windows_network_connection', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'ps_script' }, dataSource: 'windows_powershell_script', elasticFallback: winlogEventData },
  { logsource: { product: 'windows', category: 'ps_module' }, dataSource: 'windows_powershell_module', elasticFallback: winlogEventData },
  { logsource: { product: 'linux', category: 'process_creation' }, dataSource: 'linux_process_creation' },
  { logsource: { product: 'linux', service: 'auditd' }, dataSource: 'linux_auditd' },
  { logsource: { product: 'kubernetes', service: 'audit' }, dataSource: 'kubernetes_audit', renames: KUBERNETES_RENAMES },
  { logsource: { product: 'aws', service: 'cloudtrail' }, dataSource: 'aws_cloudtrail' },
  { logsource: { product: 'azure', service: 'activitylogs' }, dataSource: 'azure_activity' },
  { logsource: { product: 'gcp', service: 'gcp.audit' }, dataSource: 'gcp_audit' },
];

const SHIPPED = packageUrl('importers/sigma/data-sources/');
const LIBRARY = packageUrl('rules/data-sources/');

function readDataSource(name: string): DataSourceSource | undefined {
  for (const folder of [SHIPPED, LIBRARY]) {
    try {
      return parse(readFileSync(new URL(`${name}.yml`, folder), 'utf8')) as DataSourceSource;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

/**
 * The data sources of one import run: every rule of the same log source shares one data source,
 * which grows by the fields its rules use. `written()` gives what to write to `<out>/data-sources/`.
 */
export class DataSourceRegistry {
  private readonly sources = new Map<string, { source: DataSourceSource; mapping?: LogsourceMapping; added: Set<string> }>();
  /** `<data source>\0<field>` of generated fields that every rule compares with cidr only: typed ip. */
  private readonly ipFields = new Set<string>();

  /**
   * Before converting: a field the mapping lacks becomes an ip field when all its uses in the
   * input are `|cidr` (any other use needs text, which ip fields do not allow).
   */
  noteFieldUses(rules: readonly unknown[]): void {
    const uses = new Map<string, { cidr: number; other: number }>();
    for (const rule of rules) {
      if (!isRecord(rule) || !isRecord(rule.logsource) || !isRecord(rule.detection)) continue;
      const { name } = this.forLogsource(rule.logsource as SigmaLogsource);
      for (const [identifier, selection] of Object.entries(rule.detection)) {
        if (identifier === 'condition' || identifier === 'timeframe') continue;
        for (const map of Array.isArray(selection) ? selection : [selection]) {
          if (!isRecord(map)) continue;
          for (const key of Object.keys(map)) {
            const [field = '', ...modifiers] = key.split('|');
            const id = `${name}\u0000${logicalName(field)}`;
            const use = uses.get(id) ?? { cidr: 0, other: 0 };
            if (modifiers.includes('cidr')) use.cidr++;
            else use.other++;
            uses.set(id, use);
          }
        }
      }
    }
    for (const [id, use] of uses) if (use.cidr > 0 && use.other === 0) this.ipFields.add(id);
  }

  /** The data source for a logsource, and a warning when it had to be generated. */
  forLogsource(logsource: SigmaLogsource): { name: string; generatedWarning?: string; mapping?: LogsourceMapping } {
    const mapping = LOGSOURCE_MAPPINGS.find((m) => matches(m.logsource, logsource));
    if (mapping) {
      if (!this.sources.has(mapping.dataSource)) {
        const source = readDataSource(mapping.dataSource);
        if (source) this.sources.set(mapping.dataSource, { source: structuredClone(source), mapping, added: new Set() });
      }
      if (this.sources.has(mapping.dataSource)) return { name: mapping.dataSource, mapping };
    }
    const name = generatedName(logsource);
    if (!this.sources.has(name)) this.sources.set(name, { source: generatedSource(name, logsource), added: new Set() });
    return {
      name,
      generatedWarning: `No shipped mapping for logsource ${describeLogsource(logsource)}: generated data source \`${name}\` whose Splunk and Elastic field names equal the Sigma field names, and whose Splunk macro and Elastic index are placeholders. Edit data-sources/${name}.yml before deploying.`,
    };
  }

  /**
   * A resolver for one rule. Unknown fields are added to the data source (keyword, or number for
   * range comparisons) and collected in `added` for the rule's warnings.
   */
  resolver(dataSource: string, added: Set<string>): FieldResolver {
    const entry = this.sources.get(dataSource)!;
    return {
      resolve: (sigmaField, use) => {
        const renamed = entry.mapping?.renames?.[sigmaField];
        const logical = renamed && entry.source.fields[renamed] ? renamed : logicalName(sigmaField);
        let field = entry.source.fields[logical];
        if (!field) {
          const ip = use === 'ip' && this.ipFields.has(`${dataSource}\u0000${logical}`);
          field = {
            type: use === 'number' ? 'number' : ip ? 'ip' : 'keyword',
            description: `Sigma field ${sigmaField}; not in the shipped mapping, native names assumed equal to the Sigma name.`,
            splunk: sigmaField,
            elastic: entry.mapping?.elasticFallback ? entry.mapping.elasticFallback(sigmaField) : sigmaField,
          } satisfies FieldSource;
          entry.source.fields[logical] = field;
          entry.added.add(logical);
        }
        if (entry.added.has(logical)) added.add(logical);
        return { name: logical, type: field.type as FieldType };
      },
    };
  }

  /** The data sources among `used`, sorted by name, with their fields sorted by name. */
  written(used: ReadonlySet<string>): DataSourceSource[] {
    return [...this.sources.values()]
      .filter(({ source }) => used.has(source.name) && Object.keys(source.fields).length > 0)
      .map(({ source }) => ({ ...source, fields: Object.fromEntries(Object.entries(source.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
}

/** Our logical field names follow the data-source schema; other characters become `_`. */
export function logicalName(sigmaField: string): string {
  if (FIELD_NAME.test(sigmaField)) return sigmaField;
  const cleaned = sigmaField.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/\.{2,}/g, '.').replace(/^\.|\.$/g, '');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

function matches(want: SigmaLogsource, have: SigmaLogsource): boolean {
  return (['product', 'category', 'service'] as const).every((k) => want[k] === undefined || want[k] === have[k]);
}

export function describeLogsource(logsource: SigmaLogsource): string {
  const parts = (['product', 'category', 'service'] as const).filter((k) => logsource[k]).map((k) => `${k}=${logsource[k]}`);
  return parts.length ? parts.join(', ') : '(empty)';
}

function generatedName(logsource: SigmaLogsource): string {
  const parts = [logsource.product, logsource.category, logsource.service].filter((p): p is string => !!p);
  const name = `sigma_${parts.join('_') || 'any'}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/_+/g, '_');
  return name;
}

function generatedSource(name: string, logsource: SigmaLogsource): DataSourceSource {
  const where = describeLogsource(logsource);
  return {
    name,
    title: `Sigma log source ${where}`,
    description: `Events of the Sigma log source ${where}. Generated by \`detc import sigma\`: detc ships no mapping for this log source, so the native field names are the Sigma field names and the Splunk macro and Elastic index are placeholders to adapt to your deployment.`,
    provenance: 'Generated by detc import sigma from the Sigma rules that use this log source; native names equal the Sigma field names (unverified).',
    splunk: { macro: name, definition: `eventtype="${name}"` },
    elastic: { index: [`logs-${[logsource.product, logsource.service ?? logsource.category].filter(Boolean).join('.') || 'sigma'}-*`] },
    fields: {},
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
