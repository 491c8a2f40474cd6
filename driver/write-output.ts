// Writes a build's files so that the output folder is never half-written: everything goes to a
// temporary sibling folder first, which then replaces the old folder by rename.

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../targets/target.ts';

export async function writeOutputAtomically(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const staging = join(parent, `.${name}.tmp-${process.pid}`);
  const previous = join(parent, `.${name}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const target = join(staging, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    await mkdir(staging, { recursive: true });
    // Swap: the old folder steps aside, the new one takes its name, the old one goes.
    const hadPrevious = await rename(outDir, previous).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    await rename(staging, outDir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}
