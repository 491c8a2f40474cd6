// Every diagnostic code the load and schema stages can produce is documented for rule authors.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/compile.ts';

const SOURCES = ['compiler/load', 'compiler/schema'];

function codesWritten(): string[] {
  const codes = new Set<string>();
  for (const dir of SOURCES) {
    for (const file of readdirSync(path.join(repoRoot, dir)).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(repoRoot, dir, file), 'utf8');
      for (const match of text.matchAll(/'((?:load|schema|yaml)\/[a-z]+(?:-[a-z]+)*)'/g)) codes.add(match[1]!);
    }
  }
  // SourceDocument.parse's code for a second document; loadLibrary reports it as load/multiple-documents.
  codes.delete('yaml/multiple-docs');
  return [...codes].sort();
}

describe('load and schema codes', () => {
  const codes = codesWritten();

  it('are found in the sources', () => {
    expect(codes).toContain('schema/unknown-key');
    expect(codes).toContain('load/not-found');
  });

  it.each(['docs/diagnostics.md', 'docs/rule-format.md'])('are all documented in %s', (doc) => {
    const text = readFileSync(path.join(repoRoot, doc), 'utf8');
    expect(codes.filter((code) => !text.includes(`\`${code}\``))).toEqual([]);
  });
});
