// Every output/* code the driver can raise is documented in docs/diagnostics.md, and every one
// documented there is raised somewhere (no stale rows).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';

const CODE = /'(output\/[a-z]+(?:-[a-z]+)*)'/g;

function codesIn(folder: string): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(path.join(repoRoot, folder), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))) {
    for (const match of readFileSync(path.join(repoRoot, folder, file), 'utf8').matchAll(CODE)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('output codes', () => {
  const raised = codesIn('driver');
  const documented = [...new Set([...readFileSync(path.join(repoRoot, 'docs/diagnostics.md'), 'utf8').matchAll(/^\| `(output\/[a-z-]+)`/gm)].map((m) => m[1]!))].sort();

  it('are found in the driver', () => {
    expect(raised).toContain('output/not-owned');
    expect(raised).toContain('output/write-failed');
  });

  it('are each documented in docs/diagnostics.md, and each documented one is raised', () => {
    expect(documented).toEqual(raised);
  });
});
