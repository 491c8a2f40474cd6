// A sample of the SigmaHQ corpus (../shared/corpus/sigma, read in place), imported and compiled
// through the real pipeline, for target tests that must hold on real rules and not only on the
// shipped library: every tenth corpus file in path order, plus files chosen for a shape the
// target must handle. Deterministic: the same files every run.

import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../../compiler/ir.ts';
import { compileLibrary } from '../../compiler/pipeline.ts';
import { importSigma } from '../../importers/sigma/index.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/sigma', import.meta.url));

/** Corpus files the sample always holds, for what they exercise. */
const CHOSEN = [
  // A description ending in a backslash (c:\…\color\): a .conf line that must not continue.
  'rules/windows/file/file_event/file_event_win_susp_colorcpl.yml',
  // A description with a line ending in a backslash, followed by more lines.
  'rules-emerging-threats/2026/Exploits/RedSun/win_defender_exploit_redsun_tiering_engine_detected_as_eicar.yml',
];

function corpusFiles(): string[] {
  const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.yml'))
    .map((path) => path.split('\\').join('/'))
    .sort();
  return [...new Set([...files.filter((_, index) => index % 10 === 0), ...CHOSEN.filter((path) => files.includes(path))])];
}

let sample: Promise<Library> | undefined;

/** The sample as a compiled library (rules the importer refused are simply not in it). */
export function corpusSample(): Promise<Library> {
  sample ??= compileSample();
  return sample;
}

async function compileSample(): Promise<Library> {
  const paths = corpusFiles().map((path) => relative(REPO, join(CORPUS, path)));
  const { files } = await importSigma(paths, REPO);
  const out = await mkdtemp(join(tmpdir(), 'detc-corpus-sample-'));
  try {
    for (const [path, text] of files) {
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeFile(join(out, path), text);
    }
    const result = await compileLibrary({ paths: ['.'], cwd: out });
    if (!result.library) throw new Error(`the corpus sample did not compile: ${result.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => d.message).join('; ')}`);
    return result.library;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
