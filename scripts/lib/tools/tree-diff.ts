// Two folders compared byte for byte: the files only one has, and those whose bytes differ.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** `only in a: x`, `only in b: y`, `differs: z`, sorted by file; empty when the trees are identical. */
export async function treeDifferences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([filesBelow(a), filesBelow(b)]);
  const inRight = new Set(right);
  const out: string[] = [];
  for (const file of left) {
    if (!inRight.has(file)) out.push(`only in ${a}: ${file}`);
    else if (!(await readFile(path.join(a, file))).equals(await readFile(path.join(b, file)))) out.push(`differs: ${file}`);
  }
  const inLeft = new Set(left);
  for (const file of right) if (!inLeft.has(file)) out.push(`only in ${b}: ${file}`);
  return out;
}
