// Malformed YAML under test/fixtures/yaml/, loaded the way `detc` loads a library. The expected
// (code, line, column) triples were written by reading each fixture.

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../compiler/diagnostics.ts';
import { loadLibrary } from '../../compiler/load/load-library.ts';

const cwd = fileURLToPath(new URL('../fixtures/yaml/', import.meta.url));
const at = (d: Diagnostic) => [d.code, d.span.start.line, d.span.start.column] as const;

async function load(file: string) {
  return loadLibrary([file], { cwd });
}

describe('malformed YAML', () => {
  it.each([
    // `match:` is indented under `type: query`, so "query" runs on into a line that looks like a key.
    ['bad-indentation.yml', [['yaml/block-as-implicit-key', 3, 9]]],
    // `[T1610, T1609` is never closed; the parser notices at the next key.
    ['unclosed-flow-sequence.yml', [['yaml/bad-indent', 5, 1]]],
    // A tab indents `type:`.
    ['tab-indentation.yml', [['yaml/tab-as-indent', 3, 1]]],
    // `severity` is written on lines 2 and 4; the second is the error.
    ['duplicate-key.yml', [['yaml/duplicate-key', 4, 1]]],
    // A second document starts at the `---` on line 4.
    ['multiple-documents.yml', [['load/multiple-documents', 4, 1]]],
    ['empty.yml', [['load/empty-file', 1, 1]]],
    ['comment-only.yml', [['load/empty-file', 1, 1]]],
  ] as const)('%s', async (file, expected) => {
    const loaded = await load(file);
    expect(loaded.diagnostics.map(at)).toEqual(expected);
    expect(loaded.diagnostics.every((d) => d.span.file === file && d.severity === 'error')).toBe(true);
    // A file with an error yields no document, so later stages never see half-parsed data.
    expect(loaded.rules).toEqual([]);
  });

  it('says how to fix each one', async () => {
    const messages = async (file: string) => (await load(file)).diagnostics.map((d) => d.message);
    expect(await messages('tab-indentation.yml')).toEqual([
      'a tab indents this line; YAML indents with spaces only: replace the tab with spaces',
    ]);
    expect(await messages('duplicate-key.yml')).toEqual([
      'key "severity" is written twice in the same mapping; keep one of them',
    ]);
    expect(await messages('multiple-documents.yml')).toEqual([
      'a second YAML document starts here; detc reads one rule or data source per file: move each document after this "---" into its own file',
    ]);
    expect(await messages('empty.yml')).toEqual([
      '"empty.yml" is empty; write a rule or data source in it (docs/rule-format.md), or delete it',
    ]);
    expect((await messages('unclosed-flow-sequence.yml'))[0]).toMatch(/close the list with \]/);
    expect((await messages('bad-indentation.yml'))[0]).toMatch(/same indentation/);
  });
});
