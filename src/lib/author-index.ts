// The author index of search, shared by the build and the search page: for each year, which of
// its papers each person wrote, as positions in the year's date order (the order of its date file),
// split into shards by a key of the name so that one person's papers are one small file a year.
// Kept apart from Pagefind: as a Pagefind filter every name would be stored twice a paper (in the
// filter and in the paper's fragment), about 0.24 KB a paper; here it is once, about a third of it.
import { key24, normalizeName } from './names.ts';

/** Beside each year's Pagefind bundle: `authors/<shard>.pf_authors`, gzipped. */
export const authorShardPath = (shard: number) => `authors/${shard}.pf_authors`;

/** About this many (name, paper) pairs a shard: a few KB to download for one person a year. */
const PAIRS_A_SHARD = 600;

/** Shards for a year of `pairs` (name, paper) pairs: a power of two, at most 1024. */
export function authorShards(pairs: number): number {
  let shards = 1;
  while (shards < 1024 && pairs / shards > PAIRS_A_SHARD) shards *= 2;
  return shards;
}

export const shardOf = (name: string, shards: number): number => key24(normalizeName(name)) % shards;

/**
 * A year's shards, from its papers' authors in date order: one line a name, sorted, the name as
 * matching sees it, a tab, then the positions of its papers, ascending.
 */
export function authorIndex(authorsByPaper: readonly (readonly string[])[]): { shards: number; files: Map<number, string> } {
  const byName = new Map<string, number[]>();
  authorsByPaper.forEach((authors, position) => {
    for (const name of new Set(authors.map(normalizeName))) {
      if (!name) continue;
      const positions = byName.get(name) ?? [];
      positions.push(position);
      byName.set(name, positions);
    }
  });
  const pairs = [...byName.values()].reduce((sum, positions) => sum + positions.length, 0);
  const shards = authorShards(pairs);
  const lines = new Map<number, string[]>();
  for (const name of [...byName.keys()].sort()) {
    const shard = shardOf(name, shards);
    lines.set(shard, [...(lines.get(shard) ?? []), `${name}\t${byName.get(name)!.join(' ')}`]);
  }
  return { shards, files: new Map([...lines].map(([shard, list]) => [shard, list.join('\n') + '\n'])) };
}

/** The positions of one person's papers in a shard's text, or none. */
export function positionsIn(shard: string, name: string): number[] {
  const wanted = `${normalizeName(name)}\t`;
  const line = shard.split('\n').find((row) => row.startsWith(wanted));
  return line ? line.slice(wanted.length).split(' ').map(Number) : [];
}
