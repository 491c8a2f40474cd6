// The Splunk app id is a folder name: a Windows device name cannot be one.

import { describe, expect, it } from 'vitest';
import { SourceDocument } from '../../compiler/load/source-document.ts';
import { validateConfigDocument } from '../../compiler/schema/validate-schema.ts';

const codes = (appId: string) =>
  validateConfigDocument(SourceDocument.parse('detc.yml', `splunk: { app_id: ${appId} }\n`).document!).map((d) => d.code);

describe('splunk.app_id', () => {
  it.each(['CON', 'con', 'Nul', 'aux', 'PRN', 'COM1', 'lpt9', 'com0'])('refuses the device name %s', (appId) => {
    expect(codes(appId)).toEqual(['schema/pattern']);
  });

  it.each(['detc_detections', 'console', 'com10', 'nul_app', 'LPT', 'auxiliary'])('accepts %s', (appId) => {
    expect(codes(appId)).toEqual([]);
  });
});
