// Imports one in-memory Sigma rule with a fresh data-source registry, for table tests.

import { importRule, type RuleImport } from '../../importers/sigma/import-rule.ts';
import { DataSourceRegistry } from '../../importers/sigma/logsource.ts';

export const WINDOWS_PROCESS = { product: 'windows', category: 'process_creation' } as const;
export const WINDOWS_SECURITY = { product: 'windows', service: 'security' } as const;

export function importDetection(
  detection: Record<string, unknown>,
  options: { logsource?: Record<string, string>; condition?: string; extra?: Record<string, unknown> } = {},
): RuleImport {
  const identifiers = Object.keys(detection).filter((k) => k !== 'timeframe');
  const sigma = {
    title: 'Test rule',
    id: '7e4bfe58-4a47-4709-828d-d86c78b7cc1f',
    status: 'test',
    level: 'high',
    logsource: options.logsource ?? WINDOWS_PROCESS,
    detection: { ...detection, condition: options.condition ?? identifiers[0] },
    ...options.extra,
  };
  return importRule(sigma, 'test.yml', new DataSourceRegistry());
}
