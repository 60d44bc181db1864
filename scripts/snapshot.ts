// npm run snapshot -- [options]: capture Daily Papers listings into src/content/days/.
// Exit codes: 0 all days fine, 1 a day failed (or the hub could not be reached), 2 bad arguments.
import { appendFile, writeFile } from 'node:fs/promises';
import { parseSnapshotArgs, USAGE } from './lib/args.ts';
import { formatStop, formatSummary, inputSources, networkSources, planDays, runCapture } from './lib/capture.ts';
import { runCommand } from './lib/cli.ts';
import { HttpClient } from './lib/http.ts';
import { DEFAULT_ENDPOINT } from './lib/hub.ts';
import { jobSummary } from './lib/report.ts';
import { daysDir, listDays, readEmptyDays } from './lib/store.ts';

/** How long the day in progress may run past --budget before its retries give up. */
const BUDGET_GRACE_MS = 120_000;

async function main(): Promise<number> {
  const args = parseSnapshotArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  for (const note of args.notes) console.log(`note: ${note}`);
  const dir = daysDir();
  const budgetMs = args.budgetSeconds !== undefined ? args.budgetSeconds * 1000 : undefined;
  const client = new HttpClient({
    token: process.env.HF_TOKEN || undefined,
    ...(args.paceMs !== undefined ? { paceMs: args.paceMs } : {}),
    ...(budgetMs !== undefined ? { stopAt: Date.now() + budgetMs + BUDGET_GRACE_MS } : {}),
  });
  try {
    const sources = args.input
      ? await inputSources(args)
      : networkSources(planDays(args, new Set(await listDays(dir)), await readEmptyDays(dir)), client, process.env.HF_ENDPOINT || DEFAULT_ENDPOINT);
    const capturedAt = args.capturedAt;
    const summary = await runCapture(sources, dir, {
      force: args.force,
      ...(capturedAt ? { now: () => capturedAt } : {}),
      log: (line) => console.log(line),
      recordEmpty: !args.input,
      ...(budgetMs !== undefined ? { budgetMs } : {}),
    });
    console.log(formatSummary(summary));
    const stop = formatStop(summary);
    if (stop) console.log(stop);
    if (args.summary) await writeFile(args.summary, JSON.stringify(summary, null, 2) + '\n');
    if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, jobSummary(summary));
    for (const day of summary.days.filter((d) => d.status === 'failed')) console.error(`error: ${day.date}: ${day.error}`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await client.close();
  }
}

runCommand('snapshot', main);
