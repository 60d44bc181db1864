// npm run build: the pages (`astro build`) and the search index at the same time, then the size
// check. The index is built from the day files, not from the pages, so nothing orders the two: run
// together they take about as long as the longer one. The index is written beside dist/ and moved
// in once Astro is done, since Astro owns dist/ while it builds.
import { spawn } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, runCommand } from './lib/cli.ts';

const BUILD = defineCommand({
  name: 'build',
  summary: `Build the complete static site into dist/: pages and feeds (astro build) and the search
index at the same time, then print the site's size by section and fail over MAX_SITE_MB.`,
  options: {},
  more: `Environment:
  SITE_URL      where the site will live, e.g. https://you.github.io (default https://example.org)
  BASE_PATH     its path there, e.g. /broadsheet/ for a project site (default /); npm run
                preview needs the same BASE_PATH to serve the result
  DAYS_DIR      the day files to build from (default src/content/days)
  OUT_DIR       where to write the site (default dist)
  MAX_SITE_MB   fail when the site is larger, for GitHub Pages' 1 GB limit (default 950;
                none for a site published elsewhere)
  SEARCH_CACHE_DIR  keep each year's search index here between builds, and copy a year whose
                papers did not change instead of indexing it again (the workflow does)`,
});

function run(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`))));
  });
}

runCommand(BUILD, async () => {
  const dist = path.resolve(process.env.OUT_DIR || 'dist');
  const staging = path.join(path.dirname(dist), `.${path.basename(dist)}-search`);
  await rm(staging, { recursive: true, force: true });
  await Promise.all([
    run('astro build', ['node_modules/astro/bin/astro.mjs', 'build']),
    run('the search index', ['scripts/search-index.ts'], { ...process.env, SEARCH_INDEX_DIR: staging }),
  ]);
  await rm(path.join(dist, 'pagefind'), { recursive: true, force: true });
  await rename(staging, path.join(dist, 'pagefind'));
  await run('the size check', ['scripts/site-size.ts']);
  return 0;
});
