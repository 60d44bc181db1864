// The search index step of `npm run build`: one Pagefind index per listing year, built from the
// same day files and topics as the pages (scripts/lib/build/search-index.ts).
import path from 'node:path';
import { searchRecordsByYear } from '../src/lib/search-records.ts';
import { buildSearchIndexes } from './lib/build/search-index.ts';
import { defineCommand, runCommand } from './lib/cli.ts';
import { loadArchive } from './lib/load-archive.ts';

const SEARCH_INDEX = defineCommand({
  name: 'search-index',
  run: 'node scripts/search-index.ts',
  summary: 'Build the search index of the archive (one Pagefind index per listing year); npm run build runs it.',
  options: {},
  more: `Environment: DAYS_DIR and LINKS_DIR (the archive), SEARCH_INDEX_DIR (where to write the
index; default OUT_DIR/pagefind, or dist/pagefind), SEARCH_CACHE_DIR (a folder that keeps each
year's index between builds: a year whose papers did not change is copied, not indexed again).`,
});

runCommand(SEARCH_INDEX, async () => {
  const out = path.resolve(process.env.SEARCH_INDEX_DIR || path.join(process.env.OUT_DIR || 'dist', 'pagefind'));
  const started = performance.now();
  const cache = process.env.SEARCH_CACHE_DIR ? path.resolve(process.env.SEARCH_CACHE_DIR) : undefined;
  const report = await buildSearchIndexes(out, searchRecordsByYear(await loadArchive()), { cache });
  const papers = report.years.reduce((sum, year) => sum + year.papers, 0);
  const years = report.years.map((year) => `${year.year}: ${year.papers} ${year.reused ? 'reused' : `in ${year.seconds.toFixed(1)} s`}`).join(', ');
  const seconds = (performance.now() - started) / 1000;
  // The benchmark reads this line (scripts/lib/tools/bench/build-log.ts).
  console.log(`[search-index] indexed ${papers} papers in ${report.years.length} yearly indexes in ${seconds.toFixed(1)} s (${years})`);
  return 0;
});
