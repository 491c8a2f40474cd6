// The `|re` patterns of the Sigma corpus (../shared/corpus/sigma, read in place), with their
// flags as the importer reads them (`|i`, `|m`, `|s` modifiers and a leading `(?i)`-style group):
// real-world regexes for the regex tests.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CORPUS } from '../sigma/corpus.ts';

export interface SigmaRegex {
  readonly file: string;
  readonly pattern: string;
  readonly flags: string;
}

let cached: SigmaRegex[] | undefined;

export function sigmaRegexes(): SigmaRegex[] {
  cached ??= yamlFiles(CORPUS).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    // Most files have no regex: parse only those that can.
    if (!text.includes('|re')) return [];
    return parseAllDocuments(text).flatMap((doc) => regexesIn(file, (doc.toJS() as { detection?: unknown } | null)?.detection));
  });
  return cached;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return entry.name.endsWith('.yml') ? [path] : [];
    });
}

function regexesIn(file: string, node: unknown): SigmaRegex[] {
  if (Array.isArray(node)) return node.flatMap((item) => regexesIn(file, item));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const modifiers = key.split('|').slice(1);
    if (!modifiers.includes('re')) return regexesIn(file, value);
    const modifierFlags = modifiers.filter((m) => m === 'i' || m === 'm' || m === 's').join('');
    return (Array.isArray(value) ? value : [value])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => {
        const inline = /^\(\?([ims]+)\)/.exec(v);
        const flags = [...new Set(modifierFlags + (inline?.[1] ?? ''))].sort().join('');
        return { file, pattern: inline ? v.slice(inline[0].length) : v, flags };
      });
  });
}
