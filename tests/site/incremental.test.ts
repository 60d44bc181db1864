// A daily run's build reuses the search index of every year its capture did not touch (kept
// between runs in SEARCH_CACHE_DIR, as the workflow's cache keeps it), and the site it writes is
// the one a clean build of the same archive writes, byte for byte.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { treeDifferences } from '../../scripts/lib/tools/tree-diff.ts';
import type { Day } from '../../src/lib/schema.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { makeSearchArchive } from '../helpers/search-fixture.ts';

const ENV = { SITE_URL: 'https://papers.example.org' };
let cold: BuiltSite;
let refreshed: BuiltSite;
let clean: BuiltSite;

beforeAll(async () => {
  const days = await makeSearchArchive();
  const cache = path.join(await mkdtemp(path.join(tmpdir(), 'search-cache-')), 'search');
  cold = await buildSite(days, { ...ENV, SEARCH_CACHE_DIR: cache });
  // The next run refreshes the newest day: a paper of 2026 has more upvotes.
  const file = path.join(days, '2026-03-04.json');
  const day = JSON.parse(await readFile(file, 'utf8')) as Day;
  day.papers[0]!.upvotes += 7;
  await writeFile(file, JSON.stringify(day, null, 2) + '\n');
  refreshed = await buildSite(days, { ...ENV, SEARCH_CACHE_DIR: cache });
  clean = await buildSite(days, ENV);
}, 240_000);

describe('a build that reuses what a capture did not change', () => {
  it('indexes every year on a cold cache, then only the year the capture changed', () => {
    const line = (site: BuiltSite) => site.output.match(/\[search-index\].*/)![0];
    expect(line(cold)).not.toContain('reused');
    expect(line(refreshed)).toMatch(/2026: \d+ in [\d.]+ s, 2025: \d+ reused, 2024: \d+ reused/);
  });

  it('writes the same site as a clean build of the same archive', async () => {
    expect(await treeDifferences(refreshed.dist, clean.dist)).toEqual([]);
    // And the refresh is in it: the cold build's site differs from both.
    expect((await treeDifferences(cold.dist, clean.dist)).some((file) => file.includes('pagefind/2026/'))).toBe(true);
  });
});
