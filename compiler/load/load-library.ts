// Stage "load": reads a rule library from disk into SourceDocuments (YAML with positions).
//
// Conventions (docs/rule-format.md, "Files and folders"):
// - every `.yml`/`.yaml` file under the given paths is read, in sorted order;
// - a file with a folder named `data-sources` anywhere in its path (relative to cwd) is a data
//   source, every other file is a rule;
// - `detc.yml` in the library root is the project configuration, never a rule, even when a
//   rules path includes it; a `detc.yml` anywhere else is skipped with a warning;
// - one YAML document per file; an empty file is an error;
// - only files inside the library root are read (library-root.ts), as strict UTF-8
//   (decode-utf8.ts), and control or invisible characters in them are errors (unsafe-text.ts).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, fileSpan, sortDiagnostics, warning, type Diagnostic, type Position } from '../diagnostics.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { displayPath, findYamlFiles, notReadable, refusal, type FoundFile } from './find-files.ts';
import { LibraryRoot, libraryRoot } from './library-root.ts';
import { SourceDocument } from './source-document.ts';
import { findUnsafeText } from './unsafe-text.ts';
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
  /**
   * The text of every file read, by display name: what a printer may quote in an excerpt. Files
   * outside the library root are never read, so they are never here.
   */
  sources: ReadonlyMap<string, string>;
}

export interface LoadOptions {
  /** Folder that relative paths and displayed file names are relative to. */
  readonly cwd: string;
  /** The only folder whose files are read (library-root.ts); default libraryRoot(cwd). */
  readonly root?: string;
}

/**
 * Reads the rules and data sources under `paths` (files or folders, relative to `cwd`) and the
 * root's detc.yml. Never throws for bad input: missing paths, unreadable files, files outside the
 * root and YAML errors are diagnostics, and a file with an error yields no document.
 */
export async function loadLibrary(paths: readonly string[], options: LoadOptions): Promise<LoadedLibrary> {
  const cwd = path.resolve(options.cwd);
  const root = await LibraryRoot.at(options.root ?? libraryRoot(cwd));
  const configPath = path.join(root.path, CONFIG_FILE);
  const found = await findYamlFiles(paths, cwd, root);
  const diagnostics = [...found.diagnostics];
  const sources = new Map<string, string>();
  const config = await readConfig(configPath, cwd, root, sources, diagnostics);

  const libraryFiles = found.files.filter((file) => {
    if (config.real !== undefined && file.absolute === config.real) return false;
    if (path.basename(file.absolute) !== CONFIG_FILE) return true;
    // A detc.yml elsewhere is project settings in the wrong place, not a rule missing every key.
    diagnostics.push(
      warning(
        'load/misplaced-config',
        fileSpan(file.display),
        `"${file.display}" is not read: project settings are read only from ${CONFIG_FILE} in the library root (the folder detc runs in); move it there, or rename it if it is a rule`,
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
    const { document, diagnostics: fileDiagnostics, text } = documents[i]!;
    diagnostics.push(...fileDiagnostics);
    if (text !== undefined) sources.set(file.display, text);
    if (!document) return;
    const dataSource = isDataSourceFile(file.display);
    diagnostics.push(...findUnsafeText(document, dataSource ? 'the data source' : 'the rule'));
    (dataSource ? dataSources : rules).push(document);
  });

  const result: LoadedLibrary = { rules, dataSources, diagnostics: sortDiagnostics(unique(diagnostics)), sources };
  if (config.document) result.config = config.document;
  return result;
}

/** True for files inside a `data-sources/` folder, at any depth. */
export function isDataSourceFile(display: string): boolean {
  return display.split('/').slice(0, -1).includes(DATA_SOURCE_FOLDER);
}

/** detc.yml of the root, when it exists and leads nowhere outside the root; `real` is its real path. */
async function readConfig(
  configPath: string,
  cwd: string,
  root: LibraryRoot,
  sources: Map<string, string>,
  diagnostics: Diagnostic[],
): Promise<{ document?: SourceDocument; real?: string }> {
  const shown = displayPath(configPath, cwd);
  const resolved = await root.resolve(configPath);
  if (resolved.kind === 'missing') return {}; // detc.yml is optional
  if (resolved.kind !== 'inside') {
    diagnostics.push(refusal(shown, resolved));
    return {};
  }
  const read = await readText({ absolute: resolved.real, display: shown });
  if (read.text !== undefined) sources.set(shown, read.text);
  diagnostics.push(...read.diagnostics);
  if (read.text === undefined || read.diagnostics.length > 0) return { real: resolved.real };
  const { document, diagnostics: found } = parseOne(shown, withoutBom(read.text), { emptyAllowed: true });
  diagnostics.push(...found);
  if (document) diagnostics.push(...findUnsafeText(document, CONFIG_FILE));
  return document ? { document, real: resolved.real } : { real: resolved.real };
}

interface ReadDocument {
  document?: SourceDocument;
  diagnostics: Diagnostic[];
  /** The file's text, for excerpts (lossy when it is not UTF-8). */
  text?: string;
}

async function readDocument(file: FoundFile): Promise<ReadDocument> {
  const read = await readText(file);
  if (read.text === undefined || read.diagnostics.length > 0) return read;
  return { ...parseOne(file.display, withoutBom(read.text), { emptyAllowed: false }), text: read.text };
}

/** A file's bytes as strict UTF-8; a bad byte is `load/invalid-utf8` at its line and column. */
async function readText(file: FoundFile): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const bytes = await readFile(file.absolute).catch((e: NodeJS.ErrnoException) => e);
  if (bytes instanceof Error) return { diagnostics: [notReadable(file.display, bytes)] };
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { text: decoded.text, diagnostics: [] };
  const text = withoutBom(decoded.text);
  const at = positionOf(text, decoded.offset);
  const span = { file: file.display, start: at, end: { ...at, column: at.column + 1, offset: at.offset + 1 } };
  return {
    text,
    diagnostics: [
      error(
        'load/invalid-utf8',
        span,
        `byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8 (detc reads files as UTF-8 and would otherwise change the text); save the file as UTF-8, or retype the character here`,
      ),
    ],
  };
}

/** Line and column (1-based, UTF-16 units, as the YAML parser counts them) of an offset. */
function positionOf(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(0, lineStart).split('\n').length;
  return { line, column: offset - lineStart + 1, offset };
}

/** A path can be reported twice (detc.yml refused both as the config and by a walk of the root). */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.span.file, d.span.start.offset, d.code, d.message]);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
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
