// npm run check-fresh: exit 1 when the newest listed day is older than STALE_AFTER_DAYS, so a
// scheduled run goes red and GitHub emails the maintainer.
import { appendFile } from 'node:fs/promises';
import { todayUtc } from '../src/lib/dates.ts';
import { siteConfig } from '../src/site.config.ts';
import { daysDir } from './lib/capture/days/store.ts';
import { freshness } from './lib/capture/freshness.ts';
import { listDates } from './lib/capture/store.ts';
import { defineCommand, runCommand } from './lib/cli.ts';

const CHECK_FRESH = defineCommand({
  name: 'check-fresh',
  summary: `Fail (exit 1) when the newest listed day is older than STALE_AFTER_DAYS calendar days
(default ${siteConfig.staleAfterDays}, weekends included): the archive has stopped capturing.`,
  options: {},
  more: 'Environment: DAYS_DIR (default src/content/days), STALE_AFTER_DAYS, GITHUB_STEP_SUMMARY.',
});

runCommand(CHECK_FRESH, async () => {
  const result = freshness(await listDates(daysDir()), todayUtc(), siteConfig.staleAfterDays);
  console.log(result.message);
  if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, `${result.stale ? '> **Stale** ' : ''}${result.message}\n`);
  return result.stale ? 1 : 0;
});
