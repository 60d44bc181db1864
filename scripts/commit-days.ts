// npm run commit-days -- --summary FILE [--push]: commit changed day files with a message made
// from the snapshot's summary; nothing changed, nothing committed. `--path P --message M` commits
// another file the daily run keeps (the record of emails sent) the same way.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunSummary } from './lib/capture.ts';
import { commitDays } from './lib/commit.ts';
import { commitMessage } from './lib/report.ts';
import { daysDir } from './lib/store.ts';

const { values } = parseArgs({
  options: { summary: { type: 'string' }, push: { type: 'boolean', default: false }, path: { type: 'string' }, message: { type: 'string' } },
});
let message = values.message || 'Update day files';
if (values.summary) {
  try {
    const summary = JSON.parse(await readFile(values.summary, 'utf8')) as RunSummary;
    message = commitMessage(summary) ?? message;
  } catch {
    // No summary (the snapshot stopped early): the generic message still records the change.
  }
}
try {
  const target = values.path ?? (path.relative(process.cwd(), daysDir()) || '.');
  await commitDays({ cwd: process.cwd(), daysDir: target, message, push: values.push, log: console.log });
} catch (error) {
  console.error(`commit-days: ${(error as Error).message}`);
  process.exit(1);
}
