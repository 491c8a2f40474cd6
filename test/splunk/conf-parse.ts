// Reading .conf files back, for tests: our own output (to check keys and values) and the
// Splunk 9.2 .spec files (to learn which keys exist, per stanza).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ParsedStanza {
  readonly name: string;
  readonly settings: Map<string, string>;
}

/**
 * Parses a .conf file strictly: every line must be blank, a `#` comment, a `[stanza]` header,
 * a `key = value` line, or the continuation of a line that ended with a backslash (the line
 * break stays in the value). Anything else throws, so a stray line fails the test.
 */
export function parseConf(text: string): ParsedStanza[] {
  const stanzas: ParsedStanza[] = [];
  const lines = text.split('\n');
  let current: ParsedStanza | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      current = { name: header[1]!, settings: new Map() };
      stanzas.push(current);
      continue;
    }
    const setting = /^([A-Za-z0-9_.]+) = (.*)$/.exec(line);
    if (!setting || !current) throw new Error(`line ${i + 1} is neither a header nor a setting: ${line}`);
    let value = setting[2]!;
    while (value.endsWith('\\')) {
      i++;
      if (i >= lines.length) throw new Error(`continuation past the end at line ${i}`);
      value = `${value.slice(0, -1)}\n${lines[i]!}`;
    }
    if (current.settings.has(setting[1]!)) throw new Error(`duplicate key ${setting[1]} in [${current.name}]`);
    current.settings.set(setting[1]!, value);
  }
  return stanzas;
}

const SPEC_DIR = resolve(import.meta.dirname, '../../../shared/splunk/spec-9.2');

/** Key patterns of a .spec file per stanza pattern; `<...>` placeholders become wildcards. */
export function specKeys(file: string): Map<string, RegExp[]> {
  const text = readFileSync(resolve(SPEC_DIR, file), 'utf8');
  const byStanza = new Map<string, RegExp[]>();
  let stanza = '';
  const pattern = (s: string) => new RegExp(`^${s.split(/<[^>]*>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
  for (const line of text.split('\n')) {
    const header = /^\[(.*)\]\s*$/.exec(line);
    if (header) {
      stanza = header[1]!;
      continue;
    }
    const key = /^([A-Za-z0-9_.<>:-]+)\s*=/.exec(line);
    if (key) {
      if (!byStanza.has(stanza)) byStanza.set(stanza, []);
      byStanza.get(stanza)!.push(pattern(key[1]!));
    }
  }
  return byStanza;
}

/** The Enterprise Security keys listed in ../shared/splunk/README.md (`.x` continues the previous key's prefix). */
export function esKeys(): Set<string> {
  const text = readFileSync(resolve(SPEC_DIR, '../README.md'), 'utf8');
  const keys = new Set<string>();
  for (const line of text.split('\n')) {
    const cell = /^\| (`[^|]*`) \|/.exec(line)?.[1];
    if (!cell) continue;
    let prefix = '';
    for (const [, token] of cell.matchAll(/`([^`]+)`/g)) {
      if (token!.startsWith('.')) keys.add(`${prefix}${token}`);
      else {
        keys.add(token!);
        prefix = token!.slice(0, token!.lastIndexOf('.'));
      }
    }
  }
  return keys;
}
