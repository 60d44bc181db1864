// The last step of `npm run build`: the size of dist/ (or OUT_DIR), where the bytes went by
// section, and a failure past MAX_SITE_MB, before a deploy to GitHub Pages (1 GB at most) would.
import path from 'node:path';
import { bySection, isPaperPage, maxSiteMb, sectionTable, siteFiles, sizeVerdict } from './lib/build/site-size.ts';
import { defineCommand, runCommand } from './lib/cli.ts';

const SITE_SIZE = defineCommand({
  name: 'site-size',
  run: 'node scripts/site-size.ts',
  summary: "Print the built site's size, by section, and fail when it passes MAX_SITE_MB; npm run build runs it.",
  options: {},
  more: 'Environment: OUT_DIR (the built site, default dist), MAX_SITE_MB (default 950; none for no limit).',
});

runCommand(SITE_SIZE, async () => {
  const files = await siteFiles(path.resolve(process.env.OUT_DIR || 'dist'));
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const verdict = sizeVerdict({ bytes, files: files.length }, maxSiteMb());
  const table = sectionTable(bySection(files), files.filter((f) => isPaperPage(f.file)).length);
  if (!verdict.ok) throw new Error(`${verdict.message}\n${table}`);
  console.log(`[site-size] ${verdict.message}\n${table}`);
  return 0;
});
