// One benchmark run: import the archive with `snapshot --input`, then the complete `npm run
// build` from a cold cache, each measured as a process tree (time, memory), and what the build's
// output says of its parts.
import { rm } from 'node:fs/promises';
import type { benchDirs } from './archive.ts';
import { buildCounts, feedSeconds, periodOrgSeconds, relatedSeconds } from './build-log.ts';
import { measure, type Measured } from './measure.ts';

export interface Run {
  importS: number;
  importPeak: number;
  buildS: number;
  astroS: number;
  feedsS: number;
  relatedS: number;
  periodOrgS: number;
  searchS: number;
  pages: number;
  msPerPage: number;
  generateMsPerPage: number;
  astroPeak: number;
  searchPeak: number;
  treePeak: number;
}

export const BENCH_ENV = { ...process.env, SITE_URL: 'https://bench.example.org' };

export function parseBuild(result: Measured): Omit<Run, 'importS' | 'importPeak'> {
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  const { pages, astroSeconds: astroS, generateSeconds, searchSeconds: searchS } = buildCounts(result.output);
  return {
    buildS: result.seconds,
    astroS,
    feedsS: feedSeconds(result.output),
    relatedS: relatedSeconds(result.output),
    periodOrgS: periodOrgSeconds(result.output),
    searchS,
    pages,
    msPerPage: (astroS * 1000) / pages,
    generateMsPerPage: (generateSeconds * 1000) / pages,
    astroPeak: result.peakByName.node ?? 0,
    searchPeak: result.peakByName.pagefind ?? 0,
    treePeak: result.peakTreeRss,
  };
}

/** The environment a build of these folders runs in. */
export function buildEnv(dirs: ReturnType<typeof benchDirs>, days = dirs.days, dist = dirs.dist, cache = dirs.cache): NodeJS.ProcessEnv {
  return { ...BENCH_ENV, DAYS_DIR: days, LINKS_DIR: dirs.links, TRENDING_DIR: dirs.trending, OUT_DIR: dist, CACHE_DIR: cache };
}

/** Import the responses (those up to `to`, if given) into fresh folders, and build them. */
export async function importAndBuild(
  dirs: ReturnType<typeof benchDirs>,
  into = { days: dirs.days, dist: dirs.dist, cache: dirs.cache },
  to?: string,
): Promise<{ imported: Measured; built: Measured }> {
  for (const dir of [into.days, into.dist, into.cache]) await rm(dir, { recursive: true, force: true });
  const env = buildEnv(dirs, into.days, into.dist, into.cache);
  const window = to ? ['--from', '1990-01-01', '--to', to] : [];
  const imported = await measure(process.execPath, ['scripts/snapshot.ts', '--input', dirs.input, ...window], env);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.output.slice(-2000)}`);
  return { imported, built: await measure('npm', ['run', 'build'], env) };
}

/** One measured run: the import, then the build. */
export async function benchRun(dirs: ReturnType<typeof benchDirs>): Promise<Run> {
  const { imported, built } = await importAndBuild(dirs);
  return { importS: imported.seconds, importPeak: imported.peakTreeRss, ...parseBuild(built) };
}
