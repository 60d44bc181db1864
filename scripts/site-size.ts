// The last step of `npm run build`: print the size of dist/ (or OUT_DIR) and fail when it passes
// MAX_SITE_MB (default 950), before a deploy to GitHub Pages (1 GB at most) would.
import path from 'node:path';
import { maxSiteMb, siteSize, sizeVerdict } from './lib/site-size.ts';

try {
  const verdict = sizeVerdict(await siteSize(path.resolve(process.env.OUT_DIR || 'dist')), maxSiteMb());
  if (verdict.ok) console.log(`[site-size] ${verdict.message}`);
  else {
    console.error(`site-size: ${verdict.message}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`site-size: ${(error as Error).message}`);
  process.exitCode = 1;
}
