// The last step of `npm run build`: print the size of dist/ (or OUT_DIR), where the bytes went by
// section, and fail when it passes MAX_SITE_MB (default 950), before a deploy to GitHub Pages
// (1 GB at most) would.
import path from 'node:path';
import { bySection, isPaperPage, maxSiteMb, sectionTable, siteFiles, sizeVerdict } from './lib/site-size.ts';

try {
  const files = await siteFiles(path.resolve(process.env.OUT_DIR || 'dist'));
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const verdict = sizeVerdict({ bytes, files: files.length }, maxSiteMb());
  const papers = files.filter((f) => isPaperPage(f.file)).length;
  const table = sectionTable(bySection(files), papers);
  if (verdict.ok) console.log(`[site-size] ${verdict.message}\n${table}`);
  else {
    console.error(`site-size: ${verdict.message}\n${table}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`site-size: ${(error as Error).message}`);
  process.exitCode = 1;
}
