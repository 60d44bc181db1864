// npm run commit-days: commit what the snapshot changed (the day files, the links, the trending
// lists) with a message made from its summary; nothing changed, nothing committed.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { daysDir } from './lib/capture/days/store.ts';
import { linksDir } from './lib/capture/links/store.ts';
import { commitMessage, type RunReport } from './lib/capture/report.ts';
import { trendingDir } from './lib/capture/trending/store.ts';
import { defineCommand, runCommand } from './lib/cli.ts';
import { commitDays } from './lib/publish/commit.ts';

const COMMIT_DAYS = defineCommand({
  name: 'commit-days',
  summary: `Commit the files the snapshot command keeps (day files, links, trending lists) with a
message made from the run's summary (written by npm run snapshot -- --summary FILE), then pull,
rebase and push (--push). Nothing changed, nothing committed.`,
  options: {
    summary: { type: 'string', value: 'FILE', help: "the snapshot run's JSON summary, for the message" },
    push: { type: 'boolean', help: 'pull with rebase and push after committing' },
    path: { type: 'string', value: 'P', help: 'commit this file or folder instead (the record of emails sent)' },
    message: { type: 'string', value: 'M', help: 'the message when there is no summary (default "Update day files")' },
  },
});

/** The message the run's summary makes, or the one given. A missing summary (the snapshot stopped early) still commits. */
async function message(summary: string | undefined, fallback: string): Promise<string> {
  if (!summary) return fallback;
  try {
    return commitMessage(JSON.parse(await readFile(summary, 'utf8')) as RunReport) ?? fallback;
  } catch {
    return fallback;
  }
}

runCommand(COMMIT_DAYS, async (values) => {
  const relative = (dir: string) => path.relative(process.cwd(), dir) || '.';
  const paths = values.path ? [values.path] : [daysDir(), linksDir(), trendingDir()].filter((dir) => existsSync(dir)).map(relative);
  await commitDays({
    cwd: process.cwd(),
    paths,
    message: await message(values.summary, values.message || 'Update day files'),
    push: values.push,
    log: console.log,
  });
  return 0;
});
