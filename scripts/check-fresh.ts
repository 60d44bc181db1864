// npm run check-fresh: exit 1 when the newest listed day is older than STALE_AFTER_DAYS
// (default 4, weekends included), so a scheduled run goes red and GitHub emails the maintainer.
import { appendFile } from 'node:fs/promises';
import { todayUtc } from '../src/lib/dates.ts';
import { freshness } from './lib/freshness.ts';
import { daysDir, listDays } from './lib/store.ts';
import { siteConfig } from '../src/site.config.ts';

const result = freshness(await listDays(daysDir()), todayUtc(), siteConfig.staleAfterDays);
console.log(result.message);
if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, `${result.stale ? '> **Stale** ' : ''}${result.message}\n`);
process.exit(result.stale ? 1 : 0);
