// Files people read (Markdown, HTML, JSON, CSS, JS) go through prettier before they are written,
// so generated output looks hand-formatted and diffs stay small.

import * as prettier from 'prettier';
import type { OutputFile } from '../../targets/target.ts';

export async function formatOutputFile(file: OutputFile): Promise<OutputFile> {
  if (!file.prettier || typeof file.contents !== 'string') return file;
  const contents = await prettier.format(file.contents, {
    parser: file.prettier,
    printWidth: 100,
    proseWrap: 'preserve',
    endOfLine: 'lf',
    // Code blocks inside Markdown (SPL, KQL, JSON) come from our own emitters, already laid out;
    // re-formatting them as embedded languages doubled prettier's time per page in the bench.
    embeddedLanguageFormatting: 'off',
  });
  return { path: file.path, contents };
}
