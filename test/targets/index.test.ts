// targets/index.ts lists each target by name with a loader, so a build imports only the targets it
// selects. Each line's name must be the loaded target's own name, in build order.

import { describe, expect, it } from 'vitest';
import { loadTargets, targetNames } from '../../targets/index.ts';

describe('targets/index.ts', () => {
  it('names the targets in build order: docs after the targets whose queries it shows', () => {
    expect(targetNames()).toEqual(['splunk', 'elastic', 'docs', 'navigator']);
  });

  it('loads each target under its own name', async () => {
    expect((await loadTargets()).map((t) => t.name)).toEqual(targetNames());
  });

  it('loads only the selected targets, in build order whatever order they are asked in', async () => {
    expect((await loadTargets(['navigator', 'splunk'])).map((t) => t.name)).toEqual(['splunk', 'navigator']);
    expect(await loadTargets(['nonexistent'])).toEqual([]);
  });
});
