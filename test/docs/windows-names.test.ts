// Page file names come from rule and data source names; Windows reserves device names (CON, PRN,
// AUX, NUL, COM0–9, LPT0–9, any case, with any extension), so such a slug gets a `_`.

import { describe, expect, it } from 'vitest';
import { dataSourceSlugs } from '../../targets/docs/section-pages.ts';
import { assignSlugs, slugify } from '../../targets/docs/slugs.ts';
import { exampleLibrary, makeRule } from './fixtures.ts';

describe('slugs of Windows device names', () => {
  it.each([
    ['CON', 'con_'],
    ['con', 'con_'],
    ['Con!', 'con_'],
    ['  aux  ', 'aux_'],
    ['NUL', 'nul_'],
    ['Prn', 'prn_'],
    ['COM1', 'com1_'],
    ['com0', 'com0_'],
    ['LPT9', 'lpt9_'],
    ['(nul)', 'nul_'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each([
    ['console', 'console'],
    ['com10', 'com10'],
    ['CON.txt', 'con-txt'],
    ['nul rule', 'nul-rule'],
    ['lpt', 'lpt'],
    ['auxiliary', 'auxiliary'],
  ])('leaves %s alone (%s is no device name)', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('keeps rule page slugs unique when a reserved name meets its escaped form', () => {
    const a = makeRule({ id: 'aaaaaaaa-0000-4000-8000-000000000000', name: 'NUL' });
    const b = makeRule({ id: 'bbbbbbbb-0000-4000-8000-000000000000', name: 'nul_' });
    const c = makeRule({ id: 'cccccccc-0000-4000-8000-000000000000', name: 'Aux' });
    expect([...assignSlugs([a, b, c])]).toEqual([
      ['aaaaaaaa-0000-4000-8000-000000000000', 'nul_-aaaaaaaa'],
      ['bbbbbbbb-0000-4000-8000-000000000000', 'nul_-bbbbbbbb'],
      ['cccccccc-0000-4000-8000-000000000000', 'aux_'],
    ]);
  });

  it('applies to data source pages too', () => {
    const source = exampleLibrary.dataSources[0]!;
    expect([...dataSourceSlugs([{ ...source, name: 'con' }, { ...source, name: 'lpt1' }])]).toEqual([
      ['con', 'con_'],
      ['lpt1', 'lpt1_'],
    ]);
  });
});
