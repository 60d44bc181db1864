// What `npm run same-site` reports: files one tree has and the other lacks, and files that differ.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeDifferences } from '../../scripts/lib/tools/tree-diff.ts';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'tree-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe('treeDifferences', () => {
  it('finds nothing between identical trees, and every kind of difference otherwise', async () => {
    const a = await tree({ 'index.html': 'x', 'papers/1/index.html': 'same', 'gone.txt': 'g' });
    expect(await treeDifferences(a, await tree({ 'index.html': 'x', 'papers/1/index.html': 'same', 'gone.txt': 'g' }))).toEqual([]);
    const b = await tree({ 'index.html': 'y', 'papers/1/index.html': 'same', 'new.txt': 'n' });
    expect(await treeDifferences(a, b)).toEqual([`only in ${a}: gone.txt`, `differs: index.html`, `only in ${b}: new.txt`]);
  });
});
