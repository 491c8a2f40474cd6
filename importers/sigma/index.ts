// The Sigma importer: reads Sigma rules (files or folders), converts each one (import-rule.ts)
// and returns the detc rules plus the data sources they use, as files. It writes nothing: the
// driver (driver/import-sigma.ts) owns the output folder. Refusals are reported, never thrown.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { packageUrl } from '../../compiler/package-files.ts';
import { importCorrelation } from './correlation.ts';
import { importRule } from './import-rule.ts';
import { DataSourceRegistry } from './logsource.ts';
import { countEntries, type ImportReport, type ReportEntry } from './report.ts';
import { dataSourceYaml, ruleYaml } from './write-rule.ts';

export interface SigmaImport {
  /** Output files by path relative to the output folder (`/` separators): rules and `data-sources/*.yml`. */
  readonly files: Map<string, string>;
  readonly report: ImportReport;
}

const SCHEMA_DIR = fileURLToPath(packageUrl('schema/'));

/** Converts Sigma rules without writing anything. `outDir` only sets the schema comments' relative paths. */
export async function importSigma(paths: readonly string[], cwd: string, outDir = cwd): Promise<SigmaImport> {
  const inputs = await listInputs(paths, cwd);
  const registry = new DataSourceRegistry();
  const files = new Map<string, string>();
  const entries: ReportEntry[] = [];
  const used = new Set<string>();
  const firstWith = new FirstOccurrence();
  const read = await Promise.all(inputs.map((input) => readDocuments(input.absolute)));
  registry.noteFieldUses(read.flatMap((documents) => ('rules' in documents ? documents.rules : [])));
  for (const [index, input] of inputs.entries()) {
    const shown = relative(cwd, input.absolute).split(sep).join('/') || input.absolute;
    const documents = read[index]!;
    if ('error' in documents) {
      entries.push({ file: shown, status: 'refused', code: documents.code, reason: documents.error });
      continue;
    }
    const result = documents.rules.length === 1 && !isCorrelation(documents.rules[0])
      ? importRule(documents.rules[0], shown, registry)
      : importCorrelation(documents.rules.filter(isRecord), shown, registry);
    if (result.kind === 'refused') {
      entries.push({ file: shown, status: 'refused', code: result.code, reason: result.reason });
      continue;
    }
    // Ids and names are unique across a library (rule/duplicate-id, rule/duplicate-name): a
    // copied Sigma rule would make the imported library fail validation, so the later file is
    // refused, naming the earlier one.
    const clash = firstWith.clash(result.rule.id, result.rule.name, shown);
    if (clash) {
      entries.push({ file: shown, status: 'refused', ...clash });
      continue;
    }
    used.add(result.rule.data_source);
    const output = input.output;
    const schema = relative(dirname(join(outDir, output)), join(SCHEMA_DIR, 'rule.schema.json')).split(sep).join('/');
    files.set(output, ruleYaml(result.rule, schema));
    entries.push(
      result.warnings.length
        ? { file: shown, status: 'imported-with-warnings', id: result.rule.id, output, warnings: result.warnings }
        : { file: shown, status: 'imported', id: result.rule.id, output },
    );
  }
  const dataSources = registry.written(used);
  for (const source of dataSources) {
    const output = `data-sources/${source.name}.yml`;
    const schema = relative(join(outDir, 'data-sources'), join(SCHEMA_DIR, 'data-source.schema.json')).split(sep).join('/');
    files.set(output, dataSourceYaml(source, schema));
  }
  const report: ImportReport = { counts: countEntries(entries), dataSources: dataSources.map((d) => d.name), files: entries };
  return { files, report };
}

/** The first imported file of each rule id and of each name (compared as the checks compare names, and across Unicode forms). */
class FirstOccurrence {
  private readonly ids = new Map<string, string>();
  private readonly names = new Map<string, string>();

  clash(id: string, name: string, file: string): { code: string; reason: string } | undefined {
    const nameKey = name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
    const sameId = this.ids.get(id);
    if (sameId) return { code: 'sigma/duplicate-id', reason: `The rule id ${id} is already used by ${sameId}, and rule ids are unique in a detc library. Give one of the Sigma rules a new id.` };
    const sameName = this.names.get(nameKey);
    if (sameName) return { code: 'sigma/duplicate-title', reason: `The title ${JSON.stringify(name)} is already used by ${sameName}, and rule names are unique in a detc library (ignoring case). Retitle one of the Sigma rules.` };
    this.ids.set(id, file);
    this.names.set(nameKey, file);
    return undefined;
  }
}

interface Input {
  readonly absolute: string;
  /** Where its detc rule goes, relative to the output folder. */
  readonly output: string;
}

/** Every .yml/.yaml file under the paths, sorted; a folder's files keep their place below the folder's name. */
async function listInputs(paths: readonly string[], cwd: string): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const p of paths) {
    const absolute = resolve(cwd, p);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) {
      inputs.push({ absolute, output: `rules/${withYml(basename(absolute))}` });
      continue;
    }
    for (const file of await walk(absolute)) {
      inputs.push({ absolute: file, output: `rules/${basename(absolute)}/${withYml(relative(absolute, file).split(sep).join('/'))}` });
    }
  }
  const seen = new Set<string>();
  return inputs
    .sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0))
    .filter((i) => !seen.has(i.output) && seen.add(i.output));
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full)));
    else if (/\.ya?ml$/i.test(e.name)) files.push(full);
  }
  return files;
}

function withYml(path: string): string {
  return path.replace(/\.yaml$/i, '.yml');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCorrelation(value: unknown): boolean {
  return isRecord(value) && value.correlation !== undefined;
}

/** The YAML documents of a file (one rule, or a correlation with the rules it uses). */
async function readDocuments(file: string): Promise<{ rules: unknown[] } | { code: string; error: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { code: 'sigma/unreadable', error: `Cannot read the file: ${(e as Error).message}` };
  }
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return { code: 'sigma/empty', error: 'The file holds no YAML document.' };
  const broken = documents.find((d) => d.errors.length > 0);
  if (broken) return { code: 'sigma/yaml-syntax', error: `The YAML does not parse: ${broken.errors[0]!.message.split('\n')[0]}` };
  const values = documents.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return { code: 'sigma/empty', error: 'The file holds no YAML document.' };
  return { rules: values };
}
