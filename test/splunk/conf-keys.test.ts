// Every key the Splunk target writes is a real key: in Splunk 9.2's .spec files (for the stanza
// it sits in) or in the Enterprise Security key list of ../shared/splunk/README.md. The .conf
// files parse strictly (no stray line can start a key), and values survive the round trip.

import { beforeAll, describe, expect, it } from 'vitest';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { encodeValue, writeConf } from '../../targets/splunk/conf/write.ts';
import type { EmitResult } from '../../targets/target.ts';
import { esKeys, parseConf, specKeys } from './conf-parse.ts';
import { and, eq, f, library, like, not, str, suspiciousImagePulling } from './fixtures.ts';

const ES_KEYS = esKeys();

/** The generic `action.<action_name>.*` patterns would accept anything: actions must be listed explicitly. */
function isGeneric(pattern: RegExp): boolean {
  return pattern.source.startsWith('^action\\..+');
}

function allowed(spec: Map<string, RegExp[]>, stanzaPattern: (name: string) => string, stanza: string, key: string): boolean {
  const patterns = (spec.get(stanzaPattern(stanza)) ?? []).filter((p) => !isGeneric(p));
  return patterns.some((p) => p.test(key)) || ES_KEYS.has(key);
}

const hostile = {
  ...suspiciousImagePulling,
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Hostile [name] with\nnewline',
  description: 'Line one\nkey = injected\n[stanza]\nends with a backslash \\\nlast',
  message: 'msg with "quotes" and \\ and | and `tick` and $user$',
  detection: {
    type: 'query' as const,
    match: and(eq(f('user'), [str('a"b\\c|d`e$f\ng*')]), not(like(f('image'), ['*[x]*']))),
    allowlists: [],
  },
  targets: { splunk: { notable: true }, elastic: {} },
};

describe('conf keys and syntax', () => {
  let result: EmitResult;
  const file = (suffix: string) => {
    const found = result.files.find((f) => f.path.endsWith(suffix));
    return found!.contents as string;
  };
  beforeAll(() => {
    result = emitSplunk(library([suspiciousImagePulling, hostile], { notable: true, drilldown: true }));
  });

  it('savedsearches.conf: every key is a 9.2 spec key or an ES key', () => {
    const spec = specKeys('savedsearches.conf.spec');
    const stanzas = parseConf(file('default/savedsearches.conf'));
    expect(stanzas).toHaveLength(2);
    const keys = stanzas.flatMap((s) => [...s.settings.keys()]);
    expect(keys).toContain('action.notable.param.drilldown_searches');
    for (const key of keys) expect(allowed(spec, () => '<stanza name>', '', key), key).toBe(true);
  });

  it('macros.conf, app.conf and default.meta: every key is in its spec, per stanza', () => {
    const macros = specKeys('macros.conf.spec');
    for (const stanza of parseConf(file('default/macros.conf')))
      for (const key of stanza.settings.keys()) expect(allowed(macros, () => '<STANZA_NAME>', stanza.name, key), key).toBe(true);
    const app = specKeys('app.conf.spec');
    const appStanzas = parseConf(file('default/app.conf'));
    expect(appStanzas.map((s) => s.name)).toEqual(['id', 'install', 'launcher', 'package', 'ui']);
    for (const stanza of appStanzas) for (const key of stanza.settings.keys()) expect(allowed(app, (s) => s, stanza.name, key), `[${stanza.name}] ${key}`).toBe(true);
    // default.meta.spec is written as examples ([], [views], [views/index_status]); its keys
    // (access, export, owner) apply to any object stanza.
    const meta = new Map([['', [...specKeys('default.meta.spec').values()].flat()]]);
    for (const stanza of parseConf(file('metadata/default.meta'))) for (const key of stanza.settings.keys()) expect(allowed(meta, () => '', stanza.name, key), key).toBe(true);
  });

  it('hostile text cannot start a key or a stanza, and values round-trip', () => {
    const stanzas = parseConf(file('default/savedsearches.conf'));
    const stanza = stanzas.find((s) => s.settings.get('action.correlationsearch.metadata')!.includes('00000000-0000-4000-8000-000000000001'))!;
    expect(stanza.name).toBe('detc - Hostile (name) with newline - Rule');
    expect([...stanza.settings.keys()]).not.toContain('key');
    // The line that ends with a backslash reads back exactly: its own continuation follows it.
    expect(stanza.settings.get('description')).toBe(hostile.description);
    expect(stanza.settings.get('search')).toBe(result.queries!.get('00000000-0000-4000-8000-000000000001')!.text);
    expect(stanza.settings.get('action.risk.param._risk_message')).toBe(hostile.message);
  });

  it('encodeValue writes each line break as a continuation', () => {
    expect(encodeValue('a\nb')).toBe('a\\\nb');
    expect(encodeValue('a\r\nb\rc')).toBe('a\\\nb\\\nc');
    expect(encodeValue('ends\\')).toBe('ends\\\\\n');
    expect(parseConf(writeConf([], [{ name: 's', settings: [['search', 'x\n| y\n']] }]))[0]!.settings.get('search')).toBe('x\n| y\n');
  });
});
