// A daily run's build: the search index kept between builds (SEARCH_CACHE_DIR, as the workflow's
// cache keeps it), the newest day refreshed as a capture refreshes it, and the site built again.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { benchDirs } from './archive.ts';
import { refreshNewestDay } from './deploy.ts';
import { measure } from './measure.ts';
import { buildEnv, parseBuild, type Run } from './run.ts';

export interface DailyBench {
  /** The build that fills an empty cache: a complete build and a copy of every year's index. */
  filled: Omit<Run, 'importS' | 'importPeak'>;
  /** The build after the newest day's refresh, with the cache from the one before. */
  daily: Omit<Run, 'importS' | 'importPeak'>;
  /** The years copied from the cache in the daily build, of all. */
  reused: number;
  years: number;
}

export async function benchDaily(dirs: ReturnType<typeof benchDirs>, newest: string): Promise<DailyBench> {
  const cache = path.join(dirs.root, 'search-cache');
  await rm(cache, { recursive: true, force: true });
  const env = { ...buildEnv(dirs), SEARCH_CACHE_DIR: cache };
  const filled = parseBuild(await measure('npm', ['run', 'build'], env));
  await refreshNewestDay(dirs.days, newest);
  const built = await measure('npm', ['run', 'build'], env);
  const line = built.output.match(/\[search-index\].*/)?.[0] ?? '';
  console.log(`Daily build: ${line}`);
  return { filled, daily: parseBuild(built), reused: line.split(' reused').length - 1, years: Number(line.match(/in (\d+) yearly indexes/)?.[1] ?? 0) };
}
