// Splunk settings: the schema's $defs (project in detc.yml, rule under targets.splunk) accept
// the documented keys and reject others, and the emitted app follows project defaults with
// per-rule overrides.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { schemas } from '../../compiler/schema/schemas.ts';
import { emitSplunk } from '../../targets/splunk/emit.ts';
import { DEFAULTS } from '../../targets/splunk/settings.ts';
import { parseConf } from './conf-parse.ts';
import { library, suspiciousImagePulling } from './fixtures.ts';

const SCHEMA = JSON.parse(readFileSync(new URL('../../schema/targets/splunk.schema.json', import.meta.url), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(SCHEMA);
const validators = {
  project: ajv.compile({ $ref: `${SCHEMA.$id}#/$defs/project` }),
  rule: ajv.compile({ $ref: `${SCHEMA.$id}#/$defs/rule` }),
};
const valid = (def: 'project' | 'rule', value: unknown): boolean => validators[def](value) === true;

describe('Splunk settings schema', () => {
  it('the config schema takes the project settings under splunk:', () => {
    expect(schemas().validators.config({ splunk: { app_id: 'acme', notable: true } })).toBe(true);
    expect(schemas().validators.config({ splunk: { notable: 'yes' } })).toBe(false);
  });

  it.each([
    [{ app_id: 'DA-ESS-acme', label: 'ACME', version: '1.2.3', notable: true, security_domain: 'endpoint', disabled: false, drilldown: false, description: 'x', author: 'me' }, true],
    [{ app_id: '1bad' }, false],
    [{ version: '1.2' }, false],
    [{ label: 'has [brackets]' }, false],
    [{ security_domain: 'cloud' }, false],
    [{ unknown_key: 1 }, false],
  ])('project %j valid: %s', (value, expected) => {
    expect(valid('project', value)).toBe(expected);
  });

  it.each([
    [{ notable: true, security_domain: 'network', disabled: true, drilldown: false }, true],
    [{ app_id: 'per-rule apps are not a thing' }, false],
  ])('rule %j valid: %s', (value, expected) => {
    expect(valid('rule', value)).toBe(expected);
  });
});

describe('Splunk settings in the output', () => {
  const stanza = (result: ReturnType<typeof emitSplunk>) =>
    parseConf(result.files.find((f) => f.path.endsWith('savedsearches.conf'))!.contents as string)[0]!.settings;

  it('defaults: app detc_detections 1.0.0, label detc, no notable, enabled', () => {
    const rule = { ...suspiciousImagePulling, targets: { splunk: {}, elastic: {} } };
    const result = emitSplunk(library([rule]));
    expect(result.files.map((f) => f.path)).toContain(`splunk/${DEFAULTS.appId}-${DEFAULTS.version}.tar.gz`);
    const settings = stanza(result);
    expect(settings.get('action.correlationsearch.label')).toBe('detc - Kubernetes Suspicious Image Pulling - Rule');
    expect(settings.has('action.notable')).toBe(false);
    expect(settings.get('disabled')).toBe('false');
  });

  it('project settings apply, and a rule override wins', () => {
    const rule = { ...suspiciousImagePulling, targets: { splunk: { security_domain: 'network', drilldown: false }, elastic: {} } };
    const settings = stanza(emitSplunk(library([rule], { label: 'ACME', notable: true, security_domain: 'endpoint', disabled: true })));
    expect(settings.get('action.correlationsearch.label')).toBe('ACME - Kubernetes Suspicious Image Pulling - Rule');
    expect(settings.get('action.notable')).toBe('1');
    expect(settings.get('action.notable.param.security_domain')).toBe('network');
    expect(settings.get('disabled')).toBe('true');
    expect(settings.has('action.notable.param.drilldown_searches')).toBe(false);
  });

  it('deprecated rules ship disabled', () => {
    const rule = { ...suspiciousImagePulling, status: 'deprecated' as const };
    const settings = stanza(emitSplunk(library([rule])));
    expect(settings.get('disabled')).toBe('true');
    expect(settings.get('action.correlationsearch.metadata')).toContain('"deprecated":"1"');
  });

  it('long names are shortened to 99 characters with a warning', () => {
    const rule = { ...suspiciousImagePulling, name: `Kubernetes ${'very '.repeat(30)}long name` };
    const result = emitSplunk(library([rule]));
    const label = stanza(result).get('action.correlationsearch.label')!;
    expect(label.length).toBeLessThanOrEqual(99);
    expect(label.endsWith(' - Rule')).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['splunk/search-name-truncated']);
  });

  it('two long names that share their first 99 characters still get distinct searches', () => {
    const long = `Kubernetes ${'very '.repeat(30)}long name`;
    const a = { ...suspiciousImagePulling, name: `${long} A` };
    const b = { ...suspiciousImagePulling, id: '0f000000-0000-4000-8000-000000000000', name: `${long} B` };
    const result = emitSplunk(library([a, b]));
    const conf = result.files.find((f) => f.path.endsWith('savedsearches.conf'))!.contents as string;
    const labels = parseConf(conf).map((s) => s.name);
    expect(new Set(labels).size).toBe(2);
    expect(labels).toContain(`detc - ${long.slice(0, 99 - 'detc - '.length - ' (0f000000) - Rule'.length).trimEnd()} (0f000000) - Rule`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['splunk/search-name-truncated', 'splunk/search-name-truncated']);
  });
});
