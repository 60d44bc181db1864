// One snapshot run, as the command and the scheduled workflow make it: the refresh window, then
// the trending list and the links due, then the days of history, all through one HTTP client and
// within one time budget. Everything captured is written as it comes; the report says what is left.
import { loadArchive } from '../load-archive.ts';
import { inputSources, networkSources, planDays, runCapture, type DaySource, type RunSummary } from './days/capture.ts';
import { daysDir, readEmptyDays } from './days/store.ts';
import { HttpClient } from './http.ts';
import { DEFAULT_ENDPOINT } from './days/hub.ts';
import { captureLinks, formatLinks, type LinksSummary } from './links/capture.ts';
import { linksDir } from './links/store.ts';
import type { SnapshotArgs } from './options.ts';
import type { RunReport } from './report.ts';
import { listDates } from './store.ts';
import { captureTrending, type TrendingSummary } from './trending/capture.ts';
import { trendingDir } from './trending/store.ts';

/** How long the day in progress may run past --budget before its retries give up. */
const BUDGET_GRACE_MS = 120_000;

export const EMPTY_RUN: RunSummary = { days: [], written: 0, added: 0, failed: 0, remaining: [] };

/** Two runs of the day capture as one: the window before trending and links, history after. */
export function joined(first: RunSummary, second: RunSummary): RunSummary {
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

export interface SnapshotEnv {
  daysDir: string;
  linksDir: string;
  trendingDir: string;
  endpoint: string;
  token?: string | undefined;
  log: (line: string) => void;
}

/** Where a run reads and writes, from the environment as the command gets it. */
export function snapshotEnv(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): SnapshotEnv {
  return {
    daysDir: daysDir(env),
    linksDir: linksDir(env),
    trendingDir: trendingDir(env),
    endpoint: env.HF_ENDPOINT || DEFAULT_ENDPOINT,
    token: env.HF_TOKEN || undefined,
    log,
  };
}

/** Capture what `args` asks for; the report of the run, whatever stopped it. */
export async function runSnapshot(args: SnapshotArgs, env: SnapshotEnv): Promise<RunReport> {
  const { log } = env;
  const dir = env.daysDir;
  const started = Date.now();
  const budgetMs = args.budgetSeconds !== undefined ? args.budgetSeconds * 1000 : undefined;
  const left = () => (budgetMs === undefined ? undefined : Math.max(0, budgetMs - (Date.now() - started)));
  const client = new HttpClient({
    token: env.token,
    ...(args.paceMs !== undefined ? { paceMs: args.paceMs } : {}),
    ...(budgetMs !== undefined ? { stopAt: started + budgetMs + BUDGET_GRACE_MS } : {}),
  });
  const capture = async (sources: DaySource[]) => {
    if (!sources.length) return EMPTY_RUN;
    const budget = left();
    return runCapture(sources, dir, {
      force: args.force,
      ...(args.capturedAt ? { now: () => args.capturedAt! } : {}),
      log,
      recordEmpty: !args.input,
      ...(budget !== undefined ? { budgetMs: budget } : {}),
    });
  };
  try {
    const sources = !args.days
      ? []
      : args.input
        ? await inputSources(args)
        : networkSources(planDays(args, new Set(await listDates(dir)), await readEmptyDays(dir)), client, env.endpoint);
    // With links or trending to capture, the days of history wait until they are done.
    const later = args.links || args.trending;
    let summary = await capture(later ? sources.filter((source) => !source.backfill) : sources);
    let trending: TrendingSummary | undefined;
    if (args.trending && summary.stopped !== 'unreachable') {
      trending = await captureTrending({ daysDir: dir, dir: env.trendingDir, client, endpoint: env.endpoint, log });
    }
    let links: LinksSummary | undefined;
    if (args.links && summary.stopped !== 'unreachable') {
      links = await captureLinks({
        archive: await loadArchive(dir, env.linksDir),
        dir: env.linksDir,
        client,
        endpoint: env.endpoint,
        budget: args.linksBudget,
        ...(budgetMs !== undefined ? { stopAt: started + budgetMs } : {}),
        log,
      });
      log(formatLinks(links));
    }
    const history = later ? sources.filter((source) => source.backfill) : [];
    if (summary.stopped === undefined) summary = joined(summary, await capture(history));
    // A run stopped before history began leaves all of it for the next run.
    else summary = { ...summary, remaining: [...summary.remaining, ...history.map((source) => source.date)].sort() };
    return { ...summary, ...(links ? { links } : {}), ...(trending ? { trending } : {}) };
  } finally {
    await client.close();
  }
}
