// One snapshot run, as the command and the scheduled workflow make it: the refresh window, then
// the trending list and the links due, then the days of history, all through one HTTP client and
// one capture policy (policy.ts). Everything captured is written as it comes; the report says what
// is left.
import type { Archive } from '../../../src/lib/archive.ts';
import { loadArchive } from '../load-archive.ts';
import { inputSources, networkSources, planDays, runCapture, type DaySource, type RunSummary } from './days/capture.ts';
import { daysDir, readEmptyDays } from './days/store.ts';
import { HttpClient, type HttpOptions } from './http.ts';
import { CapturePolicy } from './policy.ts';
import { DEFAULT_ENDPOINT } from './days/hub.ts';
import { captureLinks, formatLinks, type LinksSummary } from './links/capture.ts';
import { linksDir } from './links/store.ts';
import type { SnapshotArgs } from './options.ts';
import type { RunReport } from './report.ts';
import { listDates } from './store.ts';
import { captureTrending, TRENDING_REQUESTS, type TrendingSummary } from './trending/capture.ts';
import { trendingDir } from './trending/store.ts';

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
  /** The clock the captures date what they see by (tests run months in seconds). */
  now?: () => Date;
  /** The HTTP client's settings beyond the token and pace (tests sleep no real time). */
  http?: Partial<HttpOptions>;
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

/** The days each held paper was listed on, oldest first. */
const heldDays = (archive: Archive) => (id: string) => archive.papers.get(id)?.days;

/**
 * Capture what `args` asks for, under one policy: no new work after the time budget, every step
 * within its allowance of requests, and the whole run stopped, with what is left reported, once the
 * hub is unreachable or refusing. Returns the report of the run, whatever stopped it.
 */
export async function runSnapshot(args: SnapshotArgs, env: SnapshotEnv): Promise<RunReport> {
  const { log } = env;
  const dir = env.daysDir;
  const started = Date.now();
  const now = env.now ?? (() => new Date());
  const policy = new CapturePolicy({ deadline: args.budgetSeconds !== undefined ? started + args.budgetSeconds * 1000 : undefined });
  const client = new HttpClient({ ...env.http, token: env.token, ...(args.paceMs !== undefined ? { paceMs: args.paceMs } : {}) });
  // The days have no allowance of their own: the time budget bounds them.
  const dayStep = policy.step(client);
  const capture = async (sources: DaySource[]) => {
    if (!sources.length) return EMPTY_RUN;
    return runCapture(sources, dir, {
      force: args.force,
      now: args.capturedAt ? () => args.capturedAt! : now,
      log,
      recordEmpty: !args.input,
      step: dayStep,
    });
  };
  try {
    const sources = !args.days
      ? []
      : args.input
        ? await inputSources(args)
        : networkSources(planDays(args, new Set(await listDates(dir)), await readEmptyDays(dir)), dayStep, env.endpoint);
    // With links or trending to capture, the days of history wait until they are done.
    const later = args.links || args.trending;
    let summary = await capture(later ? sources.filter((source) => !source.backfill) : sources);
    let trending: TrendingSummary | undefined;
    if (args.trending) {
      const archive = await loadArchive(dir, env.linksDir);
      trending = await captureTrending({
        daysDir: dir,
        dir: env.trendingDir,
        step: policy.step(client, TRENDING_REQUESTS),
        endpoint: env.endpoint,
        held: heldDays(archive),
        now,
        log,
      });
    }
    let links: LinksSummary | undefined;
    if (args.links) {
      const archive = await loadArchive(dir, env.linksDir);
      links = await captureLinks({ archive, dir: env.linksDir, step: policy.step(client, args.linksBudget), endpoint: env.endpoint, now, log });
      log(formatLinks(links));
    }
    const history = later ? sources.filter((source) => source.backfill) : [];
    summary = joined(summary, await capture(history));
    // The run stopped if the hub did, or a step ran out of time; a step's own allowance of requests is no stop of the run.
    const stop = policy.stopped ?? [summary.stopped, trending?.stopped, links?.stopped].find((s) => s?.reason === 'time');
    return { ...summary, ...(links ? { links } : {}), ...(trending ? { trending } : {}), ...(stop ? { stop } : {}), requests: policy.requests };
  } finally {
    await client.close();
  }
}
