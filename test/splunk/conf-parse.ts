// Reading .conf files back, for tests: our own output (to check keys and values) and the
// Splunk 9.2 .spec files (to learn which keys exist, per stanza).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ParsedStanza {
  readonly name: string;
  readonly settings: Map<string, string>;
}

/**
 * Parses a .conf file the way Splunk's tools read one, and strictly. First the physical lines
 * are joined: a line whose last character is a backslash continues on the next line, whatever
 * that holds (a key, a comment, a header): the backslash is dropped and the line break stays
 * (AppInspect's configuration parser: a line matching `\\\s*$` continues, one character dropped;
 * ksconf: "the continuation character must be the very last character on the line"). A line
 * ending in a backslash and whitespace throws: AppInspect continues it and reports "Continuation
 * with trailing whitespace", splunkd does not continue it, so its meaning depends on the reader.
 * Then every logical line must be blank, a `#` comment, a `[stanza]` header or a `key = value`
 * setting; anything else throws, so a stray line fails the test, as does a continuation past
 * the end of the file.
 */
export function parseConf(text: string): ParsedStanza[] {
  const stanzas: ParsedStanza[] = [];
  let current: ParsedStanza | undefined;
  for (const { line, number } of logicalLines(text)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const header = /^\[(.*)\]$/s.exec(line);
    if (header) {
      current = { name: header[1]!, settings: new Map() };
      stanzas.push(current);
      continue;
    }
    const setting = /^([A-Za-z0-9_.]+) = (.*)$/s.exec(line);
    if (!setting || !current) throw new Error(`line ${number} is neither a header nor a setting: ${line}`);
    if (current.settings.has(setting[1]!)) throw new Error(`duplicate key ${setting[1]} in [${current.name}]`);
    current.settings.set(setting[1]!, setting[2]!);
  }
  return stanzas;
}

/** The physical lines joined at continuations, each with the number of its first line. */
export function logicalLines(text: string): { line: string; number: number }[] {
  const physical = text.split('\n');
  const out: { line: string; number: number }[] = [];
  for (let i = 0; i < physical.length; i++) {
    const number = i + 1;
    let line = physical[i]!;
    for (;;) {
      if (/\\\s+$/u.test(physical[i]!)) throw new Error(`line ${i + 1} ends in a backslash and whitespace (AppInspect: "Continuation with trailing whitespace"): ${physical[i]}`);
      if (!physical[i]!.endsWith('\\')) break;
      i++;
      if (i >= physical.length) throw new Error(`continuation past the end at line ${i}`);
      line = `${line.slice(0, -1)}\n${physical[i]!}`;
    }
    out.push({ line, number });
  }
  return out;
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
