// Build the real site, as `npm run build` does, from a folder of day files into a temp folder.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';

const run = promisify(execFile);

export interface BuiltSite {
  dist: string;
  /** Read a built file by its path below dist, e.g. `days/2026-03-06/index.html`. */
  read: (file: string) => Promise<string>;
  /** Parse a built page by its URL path, e.g. `/papers/2406.12345/`. */
  page: (urlPath: string) => Promise<cheerio.CheerioAPI>;
  /** Every file below dist, relative, with forward slashes. */
  files: () => Promise<string[]>;
  output: string;
}

/** Vitest sets Vite's own variables (BASE_URL, MODE...) in process.env; a child build must not inherit them. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV']) delete env[key];
  return env;
}

export async function buildSite(daysDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  const work = await mkdtemp(path.join(tmpdir(), 'broadsheet-build-'));
  const dist = path.join(work, 'dist');
  // The links beside the day files (as makeFixtureArchive writes them), or none.
  const links = env.LINKS_DIR ?? path.join(path.dirname(daysDir), 'links');
  const trending = env.TRENDING_DIR ?? path.join(path.dirname(daysDir), 'trending');
  for (const dir of [links, trending]) await mkdir(dir, { recursive: true });
  // `npm run build` itself: the site and its search index, the size check.
  const options = {
    // No dataset unless a test gives one: a dataset/ left in the checkout must not change a test's site.
    env: {
      ...cleanEnv(),
      DAYS_DIR: daysDir,
      LINKS_DIR: links,
      TRENDING_DIR: trending,
      OUT_DIR: dist,
      CACHE_DIR: path.join(work, 'cache'),
      DATASET_DIR: path.join(work, 'no-dataset'),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  };
  const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts'], options);
  const read = (file: string) => readFile(path.join(dist, file), 'utf8');
  return {
    dist,
    read,
    output: stdout + stderr,
    page: async (urlPath: string) => cheerio.load(await read(path.join(urlPath.replace(/^\//, ''), urlPath.endsWith('/') ? 'index.html' : ''))),
    files: async () =>
      (await readdir(dist, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  };
}
