// The second half of `npm run build`: index dist/ (or OUT_DIR) with Pagefind, so the built site
// always ships its search. Only paper pages carry data-pagefind-body, so days, topics and the
// archive add no duplicate results.
import path from 'node:path';
import { buildSearchIndex } from './lib/search-index.ts';

const site = path.resolve(process.env.OUT_DIR || 'dist');
try {
  const report = await buildSearchIndex(site);
  console.log(`[search-index] read ${report.files} HTML files; wrote the index in ${report.seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`search-index: ${(error as Error).message}`);
  process.exit(1);
}
