// The compiler pipeline up to the IR: load → schema → parse → check → lower.
// Each stage reports diagnostics and passes on only what it could make sense of, so one bad
// rule never hides the diagnostics of the others.

import { attackCatalogInfo } from './attack/catalog.ts';
import { attackResolver } from './lower/attack-resolver.ts';
import type { CheckContext, DataSourceDocument, ParsedMatch, RuleDocument } from './checks/context.ts';
import { runChecks } from './checks/index.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { DataSource, Library, Rule } from './ir.ts';
import { loadLibrary } from './load/load-library.ts';
import type { Path, SourceDocument } from './load/source-document.ts';
import type { ConfigSource, DataSourceSource, RuleSource } from './load/source-types.ts';
import { lowerDataSource } from './lower/lower-data-source.ts';
import { lowerRule } from './lower/lower-rule.ts';
import { parseMatch } from './parse/parse-match.ts';
import { validateConfigDocument, validateDataSourceDocument, validateRuleDocument } from './schema/validate-schema.ts';

export type StageName = 'load' | 'schema' | 'parse' | 'check' | 'lower';

export interface CompileOptions {
  /** Files and folders holding rules and data sources; default `['rules']`. */
  readonly paths?: readonly string[];
  /** Folder that relative paths and displayed file names are relative to; default `process.cwd()`. */
  readonly cwd?: string;
  /** The only folder whose files are read (compiler/load/library-root.ts); default: libraryRoot(cwd). */
  readonly root?: string;
  /** Wraps each stage, e.g. to time it (bench/). */
  readonly aroundStage?: <T>(stage: StageName, run: () => T) => T;
}

export interface CompileResult {
  /** The whole library, only when no diagnostic is an error. */
  readonly library?: Library;
  /** The rules that lowered (those whose files have no error), for `detc test` on a library with errors elsewhere. */
  readonly partial: Library;
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many files were read (rules, data sources, detc.yml). */
  readonly fileCount: number;
  /** The text of each file read, by display name: the only text a printer may quote in an excerpt. */
  readonly sources: ReadonlyMap<string, string>;
}

export async function compileLibrary(options: CompileOptions = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const around = options.aroundStage ?? (<T>(_stage: StageName, run: () => T): T => run());
  const diagnostics: Diagnostic[] = [];

  const loaded = await around('load', () => loadLibrary(options.paths ?? ['rules'], { cwd, ...(options.root ? { root: options.root } : {}) }));
  diagnostics.push(...loaded.diagnostics);

  const valid = around('schema', () => validateSchemas(loaded, diagnostics));
  const ruleDocuments = around('parse', () => parseMatches(valid.rules, diagnostics));

  const dataSources = new Map(valid.dataSources.map((d) => [d.source.name, d] as const));
  around('check', () => {
    const context: CheckContext = { rules: ruleDocuments, dataSources, report: (d) => diagnostics.push(d) };
    runChecks(context);
  });

  const sorted = sortDiagnostics(diagnostics);
  const partial = around('lower', () => lowerLibrary(ruleDocuments, dataSources, valid.config, sorted));
  const fileCount = loaded.rules.length + loaded.dataSources.length + (loaded.config ? 1 : 0);
  const sources = loaded.sources;
  return hasErrors(sorted)
    ? { partial, diagnostics: sorted, fileCount, sources }
    : { library: partial, partial, diagnostics: sorted, fileCount, sources };
}

interface ValidDocuments {
  readonly rules: { doc: SourceDocument; source: RuleSource }[];
  readonly dataSources: DataSourceDocument[];
  readonly config: ConfigSource;
}

function validateSchemas(
  loaded: { rules: SourceDocument[]; dataSources: SourceDocument[]; config?: SourceDocument },
  diagnostics: Diagnostic[],
): ValidDocuments {
  const passes = (found: readonly Diagnostic[]) => {
    diagnostics.push(...found);
    return !hasErrors(found);
  };
  const rules = loaded.rules
    .filter((doc) => passes(validateRuleDocument(doc)))
    .map((doc) => ({ doc, source: doc.data as RuleSource }));
  const dataSources = loaded.dataSources
    .filter((doc) => passes(validateDataSourceDocument(doc)))
    .map((doc) => ({ doc, source: doc.data as DataSourceSource }));
  const config = loaded.config && passes(validateConfigDocument(loaded.config)) ? (loaded.config.data as ConfigSource) : {};
  return { rules, dataSources, config };
}

/** Where a rule keeps its match expressions (the detection's, allowlists', and each variation's). */
export function matchPaths(source: RuleSource): Path[] {
  const ofDetection = (at: Path, allowlists: number): Path[] => [
    [...at, 'match'],
    ...Array.from({ length: allowlists }, (_, i): Path => [...at, 'allowlist', i, 'match']),
  ];
  const paths = ofDetection(['detection'], source.detection.allowlist?.length ?? 0);
  (source.variations ?? []).forEach((v, i) => {
    if (v.detection) paths.push(...ofDetection(['variations', i, 'detection'], v.detection.allowlist?.length ?? 0));
  });
  return paths;
}

function parseMatches(rules: ValidDocuments['rules'], diagnostics: Diagnostic[]): RuleDocument[] {
  return rules.map(({ doc, source }) => {
    const matches: ParsedMatch[] = [];
    for (const path of matchPaths(source)) {
      const parsed = parseMatch(doc, path);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.ast) matches.push({ path, ast: parsed.ast });
    }
    return { doc, source, matches };
  });
}

function lowerLibrary(
  ruleDocuments: readonly RuleDocument[],
  dataSourceDocuments: ReadonlyMap<string, DataSourceDocument>,
  config: ConfigSource,
  diagnostics: readonly Diagnostic[],
): Library {
  const filesWithErrors = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.file));
  const dataSources = new Map<string, DataSource>();
  for (const [name, document] of dataSourceDocuments) {
    if (!filesWithErrors.has(document.doc.file)) dataSources.set(name, lowerDataSource(document));
  }
  const resolver = attackResolver();
  const rules: Rule[] = [];
  for (const ruleDoc of ruleDocuments) {
    const dataSource = dataSources.get(ruleDoc.source.data_source);
    if (filesWithErrors.has(ruleDoc.doc.file) || !dataSource) continue;
    const rule = lowerRule(ruleDoc, dataSource, resolver);
    rules.push(rule, ...rule.variations);
  }
  return {
    rules: rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    dataSources: [...dataSources.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    config: { splunk: config.splunk ?? {}, elastic: config.elastic ?? {}, docs: config.docs ?? {} },
    attack: attackCatalogInfo(),
  };
}
