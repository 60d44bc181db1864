// npm run snapshot -- [options]: capture Daily Papers listings into src/content/days/, and with
// --links what the hub links to each paper (src/content/links/), with --trending its trending
// list (src/content/trending/). One HTTP client paces every request and one time budget bounds
// the run: the refresh window first, then trending and links, then the days of history.
// Exit codes: 0 all fine, 1 a day or a request failed (or the hub could not be reached), 2 bad arguments.
import { appendFile, writeFile } from 'node:fs/promises';
import { parseSnapshotArgs, USAGE } from './lib/args.ts';
import { loadArchive } from './lib/archive.ts';
import { formatStop, formatSummary, inputSources, networkSources, planDays, runCapture, type DaySource, type RunSummary } from './lib/capture.ts';
import { runCommand } from './lib/cli.ts';
import { HttpClient } from './lib/http.ts';
import { DEFAULT_ENDPOINT } from './lib/hub.ts';
import { captureLinks, formatLinks, type LinksSummary } from './lib/links/capture.ts';
import { linksDir } from './lib/links/store.ts';
import { captureTrending, type TrendingSummary } from './lib/trending/capture.ts';
import { trendingDir } from './lib/trending/store.ts';
import { jobSummary } from './lib/report.ts';
import { daysDir, listDays, readEmptyDays } from './lib/store.ts';

/** How long the day in progress may run past --budget before its retries give up. */
const BUDGET_GRACE_MS = 120_000;

/** Two runs of the day capture as one: the window before trending and links, history after. */
function joined(first: RunSummary, second: RunSummary): RunSummary {
  const stopped = first.stopped ?? second.stopped;
  return {
    days: [...first.days, ...second.days],
    written: first.written + second.written,
    added: first.added + second.added,
    failed: first.failed + second.failed,
    remaining: [...first.remaining, ...second.remaining].sort(),
    ...(stopped ? { stopped } : {}),
  };
}

const EMPTY: RunSummary = { days: [], written: 0, added: 0, failed: 0, remaining: [] };

async function main(): Promise<number> {
  const args = parseSnapshotArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  for (const note of args.notes) console.log(`note: ${note}`);
  const dir = daysDir();
  const endpoint = process.env.HF_ENDPOINT || DEFAULT_ENDPOINT;
  const started = Date.now();
  const budgetMs = args.budgetSeconds !== undefined ? args.budgetSeconds * 1000 : undefined;
  const left = () => (budgetMs === undefined ? undefined : Math.max(0, budgetMs - (Date.now() - started)));
  const client = new HttpClient({
    token: process.env.HF_TOKEN || undefined,
    ...(args.paceMs !== undefined ? { paceMs: args.paceMs } : {}),
    ...(budgetMs !== undefined ? { stopAt: started + budgetMs + BUDGET_GRACE_MS } : {}),
  });
  const capture = async (sources: DaySource[]) => {
    if (!sources.length) return EMPTY;
    const budget = left();
    return runCapture(sources, dir, {
      force: args.force,
      ...(args.capturedAt ? { now: () => args.capturedAt! } : {}),
      log: (line) => console.log(line),
      recordEmpty: !args.input,
      ...(budget !== undefined ? { budgetMs: budget } : {}),
    });
  };
  try {
    const sources = !args.days
      ? []
      : args.input
        ? await inputSources(args)
        : networkSources(planDays(args, new Set(await listDays(dir)), await readEmptyDays(dir)), client, endpoint);
    // With links or trending to capture, the days of history wait until they are done.
    const later = args.links || args.trending;
    let summary = await capture(later ? sources.filter((source) => !source.backfill) : sources);
    let trending: TrendingSummary | undefined;
    if (args.trending && summary.stopped !== 'unreachable') {
      trending = await captureTrending({ daysDir: dir, dir: trendingDir(), client, endpoint, log: (line) => console.log(line) });
    }
    let links: LinksSummary | undefined;
    if (args.links && summary.stopped !== 'unreachable') {
      links = await captureLinks({
        archive: await loadArchive(dir),
        dir: linksDir(),
        client,
        endpoint,
        budget: args.linksBudget,
        ...(budgetMs !== undefined ? { stopAt: started + budgetMs } : {}),
        log: (line) => console.log(line),
      });
      console.log(formatLinks(links));
    }
    const history = later ? sources.filter((source) => source.backfill) : [];
    if (summary.stopped === undefined) summary = joined(summary, await capture(history));
    // A run stopped before history began leaves all of it for the next run.
    else summary = { ...summary, remaining: [...summary.remaining, ...history.map((source) => source.date)].sort() };
    if (args.days) console.log(formatSummary(summary));
    const stop = formatStop(summary);
    if (stop) console.log(stop);
    const report = { ...summary, ...(links ? { links } : {}), ...(trending ? { trending } : {}) };
    if (args.summary) await writeFile(args.summary, JSON.stringify(report, null, 2) + '\n');
    if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, jobSummary(report));
    for (const day of summary.days.filter((d) => d.status === 'failed')) console.error(`error: ${day.date}: ${day.error}`);
    for (const line of links?.errors ?? []) console.error(`error: links ${line}`);
    if (trending?.error) console.error(`error: trending ${trending.date}: ${trending.error}`);
    // A paper's links that failed are asked again next run; only a links capture that got no answer at all fails the run.
    const linksBroken = links !== undefined && links.failed > 0 && links.failed === links.asked;
    return summary.failed > 0 || linksBroken || trending?.error !== undefined ? 1 : 0;
  } finally {
    await client.close();
  }
}

runCommand('snapshot', main);
