// npm run commit-days -- --summary FILE [--push]: commit what the snapshot changed (the day files,
// the links, the trending lists) with a message made from its summary; nothing changed, nothing
// committed. `--path P --message M` commits another file the daily run keeps (the record of
// emails sent) the same way.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { commandOptions } from './lib/cli.ts';
import { commitDays } from './lib/commit.ts';
import { linksDir } from './lib/links/store.ts';
import { trendingDir } from './lib/trending/store.ts';
import { commitMessage, type RunReport } from './lib/report.ts';
import { daysDir } from './lib/store.ts';

const USAGE = `Usage: npm run commit-days -- [--summary FILE] [--push] [--path P --message M]

Commit the files the snapshot command keeps (day files, links, trending lists) with a message made from the run's
summary (written by npm run snapshot -- --summary FILE), then pull, rebase and push (--push).`;

const values = commandOptions(
  'commit-days',
  USAGE,
  { summary: { type: 'string' }, push: { type: 'boolean', default: false }, path: { type: 'string' }, message: { type: 'string' } },
  (v) => v,
);
let message = values.message || 'Update day files';
if (values.summary) {
  try {
    const summary = JSON.parse(await readFile(values.summary, 'utf8')) as RunReport;
    message = commitMessage(summary) ?? message;
  } catch {
    // No summary (the snapshot stopped early): the generic message still records the change.
  }
}
try {
  const relative = (dir: string) => path.relative(process.cwd(), dir) || '.';
  const paths = values.path ? [values.path] : [daysDir(), linksDir(), trendingDir()].filter((dir) => existsSync(dir)).map(relative);
  await commitDays({ cwd: process.cwd(), paths, message, push: values.push, log: console.log });
} catch (error) {
  console.error(`commit-days: ${(error as Error).message}`);
  process.exit(1);
}
