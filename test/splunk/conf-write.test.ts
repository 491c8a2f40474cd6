// .conf values and line continuation: a value continues exactly where it has a line break, no
// line ends in a backslash followed by whitespace (AppInspect: "Continuation with trailing
// whitespace"), and every value reads back through a parser that joins lines as Splunk's tools
// do (conf-parse.ts) — for hand-picked backslash shapes, and for every .conf file of the
// shipped library and of a sample of the imported Sigma corpus.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../compiler/ir.ts';
import { writeConf } from '../../targets/splunk/conf/write.ts';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import type { OutputFile } from '../../targets/target.ts';
import { corpusSample } from '../support/corpus-sample.ts';
import { compileFixture } from '../support/compile.ts';
import { logicalLines, parseConf } from './conf-parse.ts';

const BACKSLASH_THEN_WHITESPACE = /\\\s+$/u;

/** `value` written as a setting between two others, and read back. */
function roundTrip(value: string): { value: string | undefined; keys: string[]; text: string } {
  const text = writeConf(['generated'], [{ name: 's', settings: [['before', 'b'], ['value', value], ['after', 'a']] }, { name: 't', settings: [['key', 'k']] }]);
  const stanzas = parseConf(text);
  return { value: stanzas[0]!.settings.get('value'), keys: stanzas.flatMap((s) => [...s.settings.keys()]), text };
}

describe('the test parser reads continuation as Splunk’s tools do', () => {
  it('continues a line whose last character is a backslash into the next, whatever it holds', () => {
    expect(parseConf('[s]\na = one\\\nb = two\n')[0]!.settings).toEqual(new Map([['a', 'one\nb = two']]));
    expect(parseConf('[s]\na = x\\\\\nb = y\n')[0]!.settings).toEqual(new Map([['a', 'x\\\nb = y']]));
    expect(parseConf('[s]\n# a comment\\\nb = swallowed\nc = kept\n')[0]!.settings).toEqual(new Map([['c', 'kept']]));
    expect(parseConf('[s]\na = x\\\n\nb = y\n')[0]!.settings).toEqual(new Map([['a', 'x\n'], ['b', 'y']]));
  });

  it('refuses a backslash followed by whitespace, and a continuation past the end', () => {
    expect(() => parseConf('[s]\na = x\\ \nb = y\n')).toThrow(/Continuation with trailing whitespace/);
    expect(() => parseConf('[s]\na = x\\\t\n')).toThrow(/Continuation with trailing whitespace/);
    expect(() => parseConf('[s]\na = x\\')).toThrow(/past the end/);
  });
});

describe('values round-trip, and the next key is never swallowed', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a backslash inside', 'C:\\Windows\\System32'],
    ['a line break', 'one\ntwo'],
    ['a line ending in a backslash, then more', 'C:\\dir\\\nnext line'],
    ['a line ending in two backslashes, then more', 'a\\\\\nb'],
    ['a line ending in a backslash and a space, then more', 'a\\ \nb'],
    ['a line break then a backslash', 'a\n\\b'],
    ['a line holding only a backslash', 'a\n\\\nb'],
    ['key and stanza lookalikes on later lines', 'x\nkey = injected\n[stanza]'],
    ['CR and CRLF line breaks', 'a\r\nb\rc'],
    ['a trailing line break', 'x\n| y\n'],
  ])('%s', (_name, value) => {
    const read = roundTrip(value);
    expect(read.value).toBe(value.replace(/\r\n?/g, '\n'));
    expect(read.keys).toEqual(['before', 'value', 'after', 'key']);
    expect(read.text.split('\n').filter((line) => BACKSLASH_THEN_WHITESPACE.test(line))).toEqual([]);
  });

  // No line may end in a backslash without continuing, so a value whose last line ends in one
  // continues onto an empty line: it reads back with one trailing line break (which a reader
  // that trims values, like AppInspect's, removes), and the next key stays a key.
  it.each<[string, string]>([
    ['ending in a backslash', 'c:\\windows\\system32\\spool\\drivers\\color\\'],
    ['ending in two backslashes', 'a\\\\'],
    ['ending in a backslash and a space', 'a\\ '],
    ['ending in a backslash and a tab', 'a\\\t'],
    ['only a backslash', '\\'],
    ['several lines, the last ending in a backslash', 'a\\\n\\\nb\\'],
  ])('%s', (_name, value) => {
    const read = roundTrip(value);
    expect(read.value).toBe(`${value}\n`);
    expect(read.value!.trim()).toBe(value.trim());
    expect(read.keys).toEqual(['before', 'value', 'after', 'key']);
    expect(read.text.split('\n').filter((line) => BACKSLASH_THEN_WHITESPACE.test(line))).toEqual([]);
  });
});

describe('every emitted .conf file', () => {
  let libraries: [string, Library][];
  beforeAll(async () => {
    libraries = [
      ['shipped library', await compileFixture('rules')],
      ['corpus sample', await corpusSample()],
    ];
  }, 300_000); // importing and compiling a few hundred Sigma rules on a shared machine

  const confFiles = (library: Library): OutputFile[] => emitSplunk(library).files.filter((f) => /\.(conf|meta)$/.test(f.path));

  it('has no line ending in a backslash followed by whitespace, and parses', () => {
    for (const [name, library] of libraries) {
      const files = confFiles(library);
      expect(files.length, name).toBe(4);
      for (const file of files) {
        const text = String(file.contents);
        const bad = text.split('\n').flatMap((line, i) => (BACKSLASH_THEN_WHITESPACE.test(line) ? [`${file.path}:${i + 1}: ${line}`] : []));
        expect(bad, name).toEqual([]);
        expect(() => parseConf(text), file.path).not.toThrow();
      }
    }
  });

  it('gives every correlation search all its keys, and its rule’s description and search back', () => {
    let trailingBackslash = 0;
    for (const [name, library] of libraries) {
      const result = emitSplunk(library);
      const rules = new Map(library.rules.map((rule) => [rule.id, rule]));
      const conf = String(result.files.find((f) => f.path.endsWith('/default/savedsearches.conf'))!.contents);
      const stanzas = parseConf(conf);
      expect(stanzas.length, name).toBe(result.queries!.size);
      for (const stanza of stanzas) {
        const id = (JSON.parse(stanza.settings.get('action.correlationsearch.metadata')!) as { detection_id: string }).detection_id;
        const rule = rules.get(id)!;
        for (const key of ['description', 'search', 'cron_schedule', 'counttype', 'relation', 'quantity']) expect(stanza.settings.has(key), `${stanza.name}: ${key}`).toBe(true);
        expect(stanza.settings.get('search')).toBe(result.queries!.get(id)!.text);
        const description = rule.description.replace(/\r\n?/g, '\n');
        const endsInBackslash = /\\\s*$/u.test(description.split('\n').at(-1)!);
        if (endsInBackslash) trailingBackslash++;
        expect(stanza.settings.get('description'), stanza.name).toBe(endsInBackslash ? `${description}\n` : description);
      }
      // Each stanza's lines: nothing but its own settings (a swallowed key would be missing above).
      expect(logicalLines(conf).filter(({ line }) => /^[A-Za-z0-9_.]+ = /.test(line)).length).toBe(stanzas.reduce((n, s) => n + s.settings.size, 0));
    }
    // The corpus sample holds a rule whose description ends in a backslash (colorcpl).
    expect(trailingBackslash).toBeGreaterThan(0);
  });
});
