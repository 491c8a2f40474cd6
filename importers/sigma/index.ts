// The Sigma importer: reads Sigma rules (files or folders), converts each one (import-rule.ts)
// and returns the detc rules plus the data sources they use, as files. It writes nothing: the
// driver (driver/import-sigma.ts) owns the output folder. Refusals are reported, never thrown.

import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { packageUrl } from '../../compiler/package-files.ts';
import { aliasCycle } from '../../compiler/load/alias-cycle.ts';
import { decodeUtf8 } from '../../compiler/load/decode-utf8.ts';
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
  const { inputs, refused } = await listInputs(paths, cwd);
  const registry = new DataSourceRegistry();
  const files = new Map<string, string>();
  const entries: ReportEntry[] = [...refused];
  const used = new Set<string>();
  const firstWith = new FirstOccurrence();
  const read = await Promise.all(inputs.map((input) => readDocuments(input.absolute)));
  registry.noteFieldUses(read.flatMap((documents) => ('rules' in documents ? documents.rules : [])));
  for (const [index, input] of inputs.entries()) {
    const shown = shownPath(input.absolute, cwd);
    const documents = read[index]!;
    if ('error' in documents) {
      entries.push({ file: shown, status: 'refused', code: documents.code, reason: documents.error });
      continue;
    }
    const result = convert(documents.rules, shown, registry);
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
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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

/** `sigma/rules/x.yml`: relative to cwd with `/`, or absolute when outside it. */
function shownPath(absolute: string, cwd: string): string {
  return relative(cwd, absolute).split(sep).join('/') || absolute;
}

type Conversion = ReturnType<typeof importRule> | ReturnType<typeof importCorrelation>;

/** One file's rules converted; an exception (a detc bug) refuses that file instead of the whole import. */
function convert(rules: readonly unknown[], shown: string, registry: DataSourceRegistry): Conversion {
  try {
    return rules.length === 1 && !isCorrelation(rules[0])
      ? importRule(rules[0], shown, registry)
      : importCorrelation(rules.filter(isRecord), shown, registry);
  } catch (e) {
    return { kind: 'refused', code: 'sigma/internal-error', reason: `detc failed to convert this rule (${(e as Error).name}: ${(e as Error).message}); this is a detc bug, please report it with the rule.` };
  }
}

/**
 * Every .yml/.yaml file under the paths, sorted; a folder's files keep their place below the
 * folder's name. The paths themselves may be anywhere; inside a folder, a symbolic link is
 * followed only when its real path stays inside that folder (a link to /proc/self/environ or
 * ../../.git/config is refused, never read). Unreadable folders, broken and outside links are
 * refusals in the report, not exceptions.
 */
async function listInputs(paths: readonly string[], cwd: string): Promise<{ inputs: Input[]; refused: ReportEntry[] }> {
  const inputs: Input[] = [];
  const refused: ReportEntry[] = [];
  const refuse = (absolute: string, code: string, reason: string) =>
    refused.push({ file: shownPath(absolute, cwd), status: 'refused', code, reason });
  for (const p of paths) {
    const absolute = resolve(cwd, p);
    const info = await stat(absolute).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      refuse(absolute, 'sigma/unreadable', `Cannot read this path (${info.code ?? info.message}).`);
      continue;
    }
    if (!info.isDirectory()) {
      inputs.push({ absolute, output: `rules/${safeFileName(withYml(basename(absolute)))}` });
      continue;
    }
    const top = await realpath(absolute).catch(() => absolute);
    for (const file of await walk(absolute, top, top, new Set([top]), refuse)) {
      const inside = relative(absolute, file).split(sep).map(safeFileName).join('/');
      inputs.push({ absolute: file, output: `rules/${safeFileName(basename(absolute))}/${withYml(inside)}` });
    }
  }
  const seen = new Set<string>();
  const sorted = inputs
    .sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0))
    .filter((i) => !seen.has(i.output) && seen.add(i.output));
  return { inputs: await oncePerFile(sorted), refused };
}

/** A file reached under two names (through a link) is imported once: under its own name when it has one, else the first. */
async function oncePerFile(inputs: readonly Input[]): Promise<Input[]> {
  const reals = await Promise.all(inputs.map((i) => realpath(i.absolute).catch(() => i.absolute)));
  const chosen = new Map<string, number>();
  reals.forEach((real, index) => {
    const earlier = chosen.get(real);
    if (earlier === undefined || (inputs[earlier]!.absolute !== real && inputs[index]!.absolute === real)) chosen.set(real, index);
  });
  const kept = new Set(chosen.values());
  return inputs.filter((_, index) => kept.has(index));
}

async function walk(
  dir: string,
  /** `dir` with its links followed. */
  realDir: string,
  top: string,
  walked: Set<string>,
  refuse: (absolute: string, code: string, reason: string) => void,
): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => e);
  if (entries instanceof Error) {
    refuse(dir, 'sigma/unreadable', `Cannot read this folder (${entries.code ?? entries.message}); its rules were not imported. Check its permissions.`);
    return [];
  }
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      const real = join(realDir, e.name);
      walked.add(real);
      files.push(...(await walk(full, real, top, walked, refuse)));
    } else if (e.isSymbolicLink()) {
      files.push(...(await followLink(full, top, walked, refuse)));
    } else if (/\.ya?ml$/i.test(e.name) && e.isFile()) {
      files.push(full);
    }
  }
  return files;
}

/** A link inside a named folder: followed when it stays inside that folder, else refused by name. */
async function followLink(
  link: string,
  top: string,
  walked: Set<string>,
  refuse: (absolute: string, code: string, reason: string) => void,
): Promise<string[]> {
  const named = /\.ya?ml$/i.test(link);
  const real = await realpath(link).catch((e: NodeJS.ErrnoException) => e);
  if (real instanceof Error) {
    if (named) refuse(link, 'sigma/broken-link', `This symbolic link leads nowhere (${real.code ?? real.message}); point it at a rule, or remove it.`);
    return [];
  }
  const info = await stat(real).catch(() => undefined);
  const inside = real === top || real.startsWith(top + sep);
  if (!inside) {
    if (named || info?.isDirectory()) {
      refuse(link, 'sigma/outside-input', 'This symbolic link leads outside the folder being imported; it was not read. Import the file it points to by naming it, or copy it into the folder.');
    }
    return [];
  }
  if (info?.isDirectory()) {
    // A link back to a folder already walked (an enclosing one) would loop.
    if (walked.has(real)) return [];
    walked.add(real);
    return walk(link, real, top, walked, refuse);
  }
  return named && info?.isFile() ? [link] : [];
}

/** Windows reserves device names (CON, NUL, COM1 …, any extension): such an output file name gets a `_`. */
function safeFileName(name: string): string {
  const stem = name.split('.')[0]!;
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem.trimEnd()) ? `${stem}_${name.slice(stem.length)}` : name;
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
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { code: 'sigma/unreadable', error: `Cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).` };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    return { code: 'sigma/invalid-utf8', error: `Byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} is not valid UTF-8; save the file as UTF-8.` };
  }
  const documents = parseAllDocuments(decoded.text);
  if (!Array.isArray(documents)) return { code: 'sigma/empty', error: 'The file holds no YAML document.' };
  const broken = documents.find((d) => d.errors.length > 0);
  if (broken) return { code: 'sigma/yaml-syntax', error: `The YAML does not parse: ${broken.errors[0]!.message.split('\n')[0]}` };
  const values: unknown[] = [];
  for (const d of documents) {
    if (aliasCycle(d)) {
      return { code: 'sigma/yaml-alias', error: 'A YAML alias stands inside the value it names, so the value never ends; write the value out instead.' };
    }
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: 100 });
    } catch {
      // toJS refuses an alias bomb ("excessive alias count") with a ReferenceError.
      return { code: 'sigma/yaml-alias', error: 'YAML aliases expand to too many values (an alias bomb); write the values out instead of aliasing them.' };
    }
    if (value !== null && value !== undefined) values.push(value);
  }
  if (values.length === 0) return { code: 'sigma/empty', error: 'The file holds no YAML document.' };
  return { rules: values };
}
