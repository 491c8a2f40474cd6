// Stage "load": reads a rule library from disk into SourceDocuments (YAML with positions).
//
// Conventions (docs/rule-format.md, "Files and folders"):
// - every `.yml`/`.yaml` file under the given paths is read, in sorted order;
// - a file with a folder named `data-sources` anywhere in its path (relative to cwd) is a data
//   source, every other file is a rule;
// - `detc.yml` in the current folder is the project configuration, never a rule, even when a
//   rules path includes it; a `detc.yml` anywhere else is skipped with a warning;
// - one YAML document per file; an empty file is an error.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, fileSpan, sortDiagnostics, warning, type Diagnostic } from '../diagnostics.ts';
import { displayPath, findYamlFiles, type FoundFile } from './find-files.ts';
import { SourceDocument } from './source-document.ts';
import { explainYamlErrors } from './yaml-messages.ts';

export const CONFIG_FILE = 'detc.yml';
export const DATA_SOURCE_FOLDER = 'data-sources';
/** Files read at the same time. */
const READ_CONCURRENCY = 32;

export interface LoadedLibrary {
  rules: SourceDocument[];
  dataSources: SourceDocument[];
  config?: SourceDocument;
  diagnostics: Diagnostic[];
}

/**
 * Reads the rules and data sources under `paths` (files or folders, relative to `cwd`) and
 * `cwd`/detc.yml. Never throws for bad input: missing paths, unreadable files and YAML errors
 * are diagnostics, and a file with an error yields no document.
 */
export async function loadLibrary(paths: readonly string[], options: { cwd: string }): Promise<LoadedLibrary> {
  const cwd = path.resolve(options.cwd);
  const configPath = path.join(cwd, CONFIG_FILE);
  const found = await findYamlFiles(paths, cwd);
  const diagnostics = [...found.diagnostics];

  const libraryFiles = found.files.filter((file) => {
    if (file.absolute === configPath) return false;
    if (path.basename(file.absolute) !== CONFIG_FILE) return true;
    // A detc.yml elsewhere is project settings in the wrong place, not a rule missing every key.
    diagnostics.push(
      warning(
        'load/misplaced-config',
        fileSpan(file.display),
        `"${file.display}" is not read: project settings are read only from ${CONFIG_FILE} in the folder detc runs in; move it there, or rename it if it is a rule`,
      ),
    );
    return false;
  });
  // Read in parallel, a bounded number at a time (a large library must not run out of file
  // descriptors); results keep the sorted order of `libraryFiles`.
  const documents = await mapConcurrently(libraryFiles, READ_CONCURRENCY, readDocument);
  const rules: SourceDocument[] = [];
  const dataSources: SourceDocument[] = [];
  libraryFiles.forEach((file, i) => {
    const { document, diagnostics: fileDiagnostics } = documents[i]!;
    diagnostics.push(...fileDiagnostics);
    if (document) (isDataSourceFile(file.display) ? dataSources : rules).push(document);
  });

  const config = await readConfig(configPath, cwd, diagnostics);
  const result: LoadedLibrary = { rules, dataSources, diagnostics: sortDiagnostics(diagnostics) };
  if (config) result.config = config;
  return result;
}

/** True for files inside a `data-sources/` folder, at any depth. */
export function isDataSourceFile(display: string): boolean {
  return display.split('/').slice(0, -1).includes(DATA_SOURCE_FOLDER);
}

async function readConfig(configPath: string, cwd: string, diagnostics: Diagnostic[]): Promise<SourceDocument | undefined> {
  const text = await readFile(configPath, 'utf8').catch((e: NodeJS.ErrnoException) => e);
  if (text instanceof Error) {
    if (text.code === 'ENOENT') return undefined; // detc.yml is optional
    const shown = displayPath(configPath, cwd);
    diagnostics.push(
      error(
        'load/unreadable',
        fileSpan(shown),
        `"${shown}" cannot be read (${text.code ?? text.message}); check its permissions`,
      ),
    );
    return undefined;
  }
  const { document, diagnostics: found } = parseOne(displayPath(configPath, cwd), withoutBom(text), { emptyAllowed: true });
  diagnostics.push(...found);
  return document;
}

async function readDocument(file: FoundFile): Promise<{ document?: SourceDocument; diagnostics: Diagnostic[] }> {
  const text = await readFile(file.absolute, 'utf8').catch((e: NodeJS.ErrnoException) => e);
  if (text instanceof Error) {
    return {
      diagnostics: [
        error(
          'load/unreadable',
          fileSpan(file.display),
          `"${file.display}" cannot be read (${text.code ?? text.message}); check its permissions`,
        ),
      ],
    };
  }
  return parseOne(file.display, withoutBom(text), { emptyAllowed: false });
}

/** Editors hide a UTF-8 byte order mark; dropping it keeps our columns equal to theirs. */
function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Parses one file's text, holding it to one YAML document. */
function parseOne(
  file: string,
  text: string,
  options: { emptyAllowed: boolean },
): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  const parsed = SourceDocument.parse(file, text);
  const diagnostics = explainYamlErrors(parsed.diagnostics, text).map((d) =>
    d.code === 'yaml/multiple-docs'
      ? error(
          'load/multiple-documents',
          d.span,
          'a second YAML document starts here; detc reads one rule or data source per file: move each document after this "---" into its own file',
        )
      : d,
  );
  if (!parsed.document) return { diagnostics };
  const data = parsed.document.data;
  if (data === null || data === undefined) {
    // An empty detc.yml simply sets nothing; an empty rule file is a mistake.
    if (options.emptyAllowed) return { diagnostics };
    return {
      diagnostics: [
        error(
          'load/empty-file',
          fileSpan(file),
          `"${file}" is empty; write a rule or data source in it (docs/rule-format.md), or delete it`,
        ),
      ],
    };
  }
  return { document: parsed.document, diagnostics };
}

/** `items.map(run)` with at most `limit` calls in flight; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
