// Generates the committed parsers from their peggy grammars:
//
//   npm run grammar:generate
//
// Each grammar becomes an ES module and a `.d.ts` that types what its start rule returns, made by
// peggy's own command line (`peggy --format es --dts --return-types …`), so the shipped code never
// runs `peggy.generate` and does not need peggy at all. Never edit the output by hand; a test
// (test/parse/generated-parsers.test.ts) regenerates it and fails when the committed files differ.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface GeneratedParser {
  /** The grammar, relative to the repository root. */
  readonly grammar: string;
  /** The generated module, relative to the repository root; the `.d.ts` sits beside it. */
  readonly output: string;
  /** The grammar's start rule (its first rule). */
  readonly startRule: string;
  /** The TypeScript type the start rule returns, as written in the `.d.ts` (paths relative to it). */
  readonly returnType: string;
}

export const GENERATED_PARSERS: readonly GeneratedParser[] = [
  {
    grammar: 'compiler/language/grammar/match.peggy',
    output: 'compiler/language/generated/match-parser.js',
    startRule: 'Start',
    returnType: 'import("../ast.ts").AstExpr',
  },
  {
    grammar: 'importers/sigma/condition.peggy',
    output: 'importers/sigma/generated/condition-parser.js',
    startRule: 'Condition',
    returnType: 'import("../condition.ts").ParsedCondition',
  },
];

export interface ParserFiles {
  readonly js: string;
  readonly dts: string;
}

/** Runs peggy on `parser.grammar` (in a temporary folder) and returns the module and its types. */
export function generateParser(parser: GeneratedParser): ParserFiles {
  const peggyCli = join(dirname(createRequire(import.meta.url).resolve('peggy/package.json')), 'bin', 'peggy.js');
  const scratch = mkdtempSync(join(tmpdir(), 'detc-peggy-'));
  try {
    const js = join(scratch, basename(parser.output));
    const returnTypes = JSON.stringify({ [parser.startRule]: parser.returnType });
    const run = spawnSync(
      process.execPath,
      [peggyCli, '--format', 'es', '--dts', '--return-types', returnTypes, '--output', js, resolve(root, parser.grammar)],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`peggy failed on ${parser.grammar}:\n${run.stderr || run.stdout}`);
    return { js: readFileSync(js, 'utf8'), dts: readFileSync(js.replace(/\.js$/, '.d.ts'), 'utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function dtsPath(output: string): string {
  return output.replace(/\.js$/, '.d.ts');
}

// Run only as a script (not when a test imports the functions above).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const parser of GENERATED_PARSERS) {
    const { js, dts } = generateParser(parser);
    mkdirSync(dirname(resolve(root, parser.output)), { recursive: true });
    writeFileSync(resolve(root, parser.output), js);
    writeFileSync(resolve(root, dtsPath(parser.output)), dts);
    console.log(`wrote ${parser.output} and ${basename(dtsPath(parser.output))} from ${parser.grammar}`);
  }
}
