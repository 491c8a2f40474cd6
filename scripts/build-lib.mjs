#!/usr/bin/env node
// Builds lib/, the JavaScript that bin/detc.js runs:
//
//   npm run build                      always rebuilds (npm runs it as `prepare` on npm install / npm ci)
//   node scripts/build-lib.mjs --if-stale   rebuilds only when the sources changed, and tolerates
//                                           type errors (the test setup)
//
// 1. tsc compiles compiler/, targets/, importers/ and driver/ (tsconfig.build.json), rewriting the
//    `.ts` import specifiers to `.js`.
// 2. JavaScript modules that live in those folders (a worker script, generated validators and
//    parsers) are code too: they are copied beside the compiled files that import them. Data files
//    (schemas, templates, the ATT&CK table, data sources) are not copied: the runtime finds them
//    at their place in the package through compiler/package-files.ts.
// 3. lib/.source-hash records a hash of every input, so `--if-stale` knows when lib/ is current.
//
// It builds into a fresh folder beside lib/ and swaps it in at the end, so a failed build never
// leaves a half-written lib/. This script is plain JavaScript because `prepare` runs it before any
// TypeScript runner could be relied on.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The folders tsconfig.build.json compiles; the runtime code of detc. */
export const SOURCE_FOLDERS = ['compiler', 'targets', 'importers', 'driver'];
const LIB = join(root, 'lib');
const HASH_FILE = '.source-hash';

/** Files whose content decides what lib/ holds. */
function inputFiles() {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build-lib.mjs'];
  for (const folder of SOURCE_FOLDERS) files.push(...walk(folder).filter((f) => isTypeScript(f) || isCopiedModule(f)));
  return files.sort();
}

function walk(folder) {
  const out = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function isTypeScript(path) {
  return path.endsWith('.ts') && !path.endsWith('.d.ts');
}

/** JavaScript modules imported by the compiled code. An `assets/` folder holds files detc copies into its output (the docs site's script): data, not code. */
export function isCopiedModule(path) {
  return /\.(js|mjs|cjs)$/.test(path) && !path.split('/').includes('assets');
}

/**
 * A copied module's relative `.ts` imports (a generated parser importing the keyword list) name
 * the compiled `.js` in lib/, as tsc's rewriteRelativeImportExtensions does for compiled files.
 */
export function withJsSpecifiers(source) {
  return source.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\.ts\2/g, '$1$2$3.js$2');
}

function sourceHash(files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

function currentHash() {
  try {
    return readFileSync(join(LIB, HASH_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** TypeScript is a devDependency: `npm install --omit=dev` in the detc folder itself cannot build. */
function typescriptPackage() {
  try {
    return createRequire(import.meta.url).resolve('typescript/package.json');
  } catch {
    throw new Error('TypeScript is not installed, so lib/ cannot be built; run `npm install` without --omit=dev');
  }
}

function build(files, hash, options) {
  const staging = join(root, `lib.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const tsc = join(dirname(typescriptPackage()), 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], { cwd: root, stdio: 'inherit' });
    } catch (e) {
      // Exit status 2: type errors, but every file was emitted. The test setup goes on with
      // that output (npm test type-checks first anyway), so a type error in one file does not
      // stop every unrelated unit test from running; a real build fails.
      if (!(options.allowTypeErrors && e.status === 2)) throw e;
      process.stderr.write('build-lib: type errors above; lib/ was emitted anyway for the tests\n');
    }
    for (const file of files.filter((f) => isCopiedModule(f) && SOURCE_FOLDERS.includes(f.split('/')[0]))) {
      const target = join(staging, ...file.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, withJsSpecifiers(readFileSync(join(root, file), 'utf8')));
    }
    writeFileSync(join(staging, HASH_FILE), hash + '\n');
    rmSync(LIB, { recursive: true, force: true });
    renameSync(staging, LIB);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

function main(args) {
  const files = inputFiles();
  const hash = sourceHash(files);
  const ifStale = args.includes('--if-stale');
  if (ifStale && existsSync(LIB) && currentHash() === hash) return;
  build(files, hash, { allowTypeErrors: ifStale });
  process.stderr.write(`built ${relative(process.cwd(), LIB) || '.'}${sep} from ${files.length} files\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    // tsc has printed its errors already; say which step failed.
    process.stderr.write(`build-lib: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exitCode = 1;
  }
}
