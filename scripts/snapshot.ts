// npm run snapshot -- [options]: capture Daily Papers listings into src/content/days/, and with
// --links what the hub links to each paper (src/content/links/), with --trending its trending
// list (src/content/trending/). The run itself is scripts/lib/capture/run.ts.
import { appendFile, writeFile } from 'node:fs/promises';
import { runCommand } from './lib/cli.ts';
import { formatSummary } from './lib/capture/days/capture.ts';
import { SNAPSHOT, snapshotArgs } from './lib/capture/options.ts';
import { isHubTrouble } from './lib/capture/policy.ts';
import { jobSummary, stopLine } from './lib/capture/report.ts';
import { runSnapshot, snapshotEnv } from './lib/capture/run.ts';

runCommand(SNAPSHOT, async (values) => {
  const args = snapshotArgs(values);
  for (const note of args.notes) console.log(`note: ${note}`);
  const report = await runSnapshot(args, snapshotEnv());
  if (args.days) console.log(formatSummary(report));
  const stop = stopLine(report);
  if (stop) console.log(stop);
  if (args.summary) await writeFile(args.summary, JSON.stringify(report, null, 2) + '\n');
  if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, jobSummary(report));
  for (const day of report.days.filter((d) => d.status === 'failed')) console.error(`error: ${day.date}: ${day.error}`);
  for (const line of report.links?.errors ?? []) console.error(`error: links ${line}`);
  if (report.trending?.error) console.error(`error: trending ${report.trending.date}: ${report.trending.error}`);
  // A paper's links that failed are asked again in a few days; the hub in trouble stops the run and fails it.
  return report.failed > 0 || isHubTrouble(report.stop) || report.trending?.error !== undefined ? 1 : 0;
});
