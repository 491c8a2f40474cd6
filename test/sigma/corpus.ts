// The SigmaHQ corpus (../shared/corpus/sigma, read in place, never copied) imported once per test
// file, with helpers to read the Sigma originals and the imported rules back.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { importSigma, type SigmaImport } from '../../importers/sigma/index.ts';
import type { DataSourceSource, RuleSource } from '../../compiler/load/source-types.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/sigma', import.meta.url));

let imported: Promise<SigmaImport> | undefined;

export function importCorpus(): Promise<SigmaImport> {
  imported ??= importSigma([CORPUS], REPO);
  return imported;
}

export interface ImportedPair {
  readonly file: string;
  readonly sigma: Record<string, unknown>;
  readonly rule: RuleSource;
  readonly dataSource: DataSourceSource;
}

/** Every imported rule with its Sigma original and its written data source. */
export function importedPairs(result: SigmaImport): ImportedPair[] {
  const sources = new Map<string, DataSourceSource>();
  for (const [path, text] of result.files) if (path.startsWith('data-sources/')) sources.set(path, parse(text) as DataSourceSource);
  const pairs: ImportedPair[] = [];
  for (const entry of result.report.files) {
    if (entry.status === 'refused') continue;
    const rule = parse(result.files.get(entry.output)!) as RuleSource;
    const sigma = parse(readFileSync(`${REPO}${entry.file}`, 'utf8')) as Record<string, unknown>;
    pairs.push({ file: entry.file, sigma, rule, dataSource: sources.get(`data-sources/${rule.data_source}.yml`)! });
  }
  return pairs;
}
