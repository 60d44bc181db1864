// The search index, one Pagefind index per listing year, built from the same day files and topics
// as the pages, into SEARCH_INDEX_DIR (scripts/build.ts sets it) or dist/pagefind (or OUT_DIR's).
import path from 'node:path';
import { searchRecordsByYear } from '../src/lib/search-records.ts';
import { loadArchive } from './lib/archive.ts';
import { buildSearchIndexes } from './lib/search-index.ts';

const out = path.resolve(process.env.SEARCH_INDEX_DIR || path.join(process.env.OUT_DIR || 'dist', 'pagefind'));
const started = performance.now();
try {
  const report = await buildSearchIndexes(out, searchRecordsByYear(await loadArchive()));
  const papers = report.years.reduce((sum, year) => sum + year.papers, 0);
  const years = report.years.map((year) => `${year.year}: ${year.papers} in ${year.seconds.toFixed(1)} s`).join(', ');
  // The benchmark reads this line (scripts/lib/build-log.ts).
  const seconds = (performance.now() - started) / 1000;
  console.log(`[search-index] indexed ${papers} papers in ${report.years.length} yearly indexes in ${seconds.toFixed(1)} s (${years})`);
} catch (error) {
  console.error(`search-index: ${(error as Error).message}`);
  process.exit(1);
}
