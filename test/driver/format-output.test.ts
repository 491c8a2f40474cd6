import { describe, expect, it } from 'vitest';
import { formatOutputFiles } from '../../driver/format-output.ts';
import type { OutputFile } from '../../targets/target.ts';

const page = (n: number): OutputFile => ({ path: `p${n}.md`, contents: `#   Title ${n}\n\n*  item\n`, prettier: 'markdown' });

describe('formatOutputFiles', () => {
  it('formats marked files with prettier and leaves the others untouched, in order', async () => {
    const raw: OutputFile = { path: 'raw.conf', contents: '#   not markdown\n' };
    const out = await formatOutputFiles([page(1), raw]);
    expect(out).toEqual([{ path: 'p1.md', contents: '# Title 1\n\n- item\n' }, raw]);
  });

  it('gives the same result on worker threads as in process, for many files', async () => {
    const many = Array.from({ length: 80 }, (_, n) => page(n));
    const out = await formatOutputFiles(many);
    expect(out.map((f) => f.path)).toEqual(many.map((f) => f.path));
    expect(out.every((f, n) => f.contents === `# Title ${n}\n\n- item\n`)).toBe(true);
  });

  it('names the file when prettier cannot format it', async () => {
    const broken = Array.from({ length: 80 }, (_, n): OutputFile => ({ path: `b${n}.json`, contents: n === 40 ? '{ not json' : '{}', prettier: 'json' }));
    await expect(formatOutputFiles(broken)).rejects.toThrow(/b40\.json/);
  });
});
