// A daily run's build: Astro's cache (CACHE_DIR: the content store and the pages of its incremental
// build) and the search index (SEARCH_CACHE_DIR) kept between builds, as the workflow's cache keeps
// them, the newest day refreshed as a capture refreshes it, and the site built again.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { benchDirs } from './archive.ts';
import { refreshNewestDay } from './deploy.ts';
import { measure } from './measure.ts';
import { buildEnv, parseBuild, type Run } from './run.ts';

export interface DailyBench {
  /** The build that fills empty caches: a complete build, a copy of every page and every year's index. */
  filled: Omit<Run, 'importS' | 'importPeak'>;
  /** The build after the newest day's refresh, with the cache from the one before. */
  daily: Omit<Run, 'importS' | 'importPeak'>;
  /** The pages Astro copied from its cache in the daily build instead of rendering them. */
  restored: number;
  /** The years copied from the cache in the daily build, of all. */
  reused: number;
  years: number;
}

export async function benchDaily(dirs: ReturnType<typeof benchDirs>, newest: string): Promise<DailyBench> {
  const cache = path.join(dirs.root, 'search-cache');
  for (const dir of [cache, dirs.cache]) await rm(dir, { recursive: true, force: true });
  const env = { ...buildEnv(dirs), SEARCH_CACHE_DIR: cache };
  const filled = parseBuild(await measure('npm', ['run', 'build'], env));
  await refreshNewestDay(dirs.days, newest);
  const built = await measure('npm', ['run', 'build'], env);
  const line = built.output.match(/\[search-index\].*/)?.[0] ?? '';
  console.log(`Daily build: ${line}`);
  // Astro says "(restored)" of each page it copied from its cache instead of rendering.
  const restored = built.output.split('(restored)').length - 1;
  console.log(`Daily build: ${restored} pages copied from Astro's cache`);
  return {
    filled,
    daily: parseBuild(built),
    restored,
    reused: line.split(' reused').length - 1,
    years: Number(line.match(/in (\d+) yearly indexes/)?.[1] ?? 0),
  };
}
