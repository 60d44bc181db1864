// The day capture: for each day, get the listing (network or recorded files), merge it into the
// day file, and report a line per day. A day that fails never touches its file; a run the capture
// policy stops (scripts/lib/capture/policy.ts) leaves the days it did not reach for the next.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiItem } from '../../../../src/lib/schema.ts';
import type { SnapshotArgs } from '../options.ts';
import { UsageError } from '../../cli.ts';
import type { Fetcher } from '../http.ts';
import { CaptureStopped, type PolicyStep, type Stop } from '../policy.ts';
import { fetchDailyPapers, ListingError, parseApiBody } from './hub.ts';
import { mergeDay } from './merge.ts';
import { normalizeItem } from './normalize.ts';
import { dayFiles, readEmptyDays, writeEmptyDays } from './store.ts';
import { plural } from '../../../../src/lib/text.ts';

export type DayStatus = 'written' | 'unchanged' | 'empty' | 'kept' | 'failed';

export interface DayOutcome {
  date: string;
  status: DayStatus;
  /** Papers in the day file after this run. */
  papers: number;
  added: number;
  updated: number;
  /** With --force: papers the file held that the listing no longer does, removed. */
  dropped?: number;
  source?: 'api' | 'html' | 'input';
  /** Outside the refresh window: a day of history being filled in. */
  backfill?: boolean;
  error?: string;
}

export interface RunSummary {
  days: DayOutcome[];
  written: number;
  added: number;
  failed: number;
  /** Days planned but not reached, oldest first. */
  remaining: string[];
  /** Why the capture stopped early: its time budget, or the hub in trouble. */
  stopped?: Stop;
}

/** Where one day's items come from: a date and a function that yields them (and says from where). */
export interface DaySource {
  date: string;
  backfill?: boolean;
  load: () => Promise<{ items: ApiItem[]; source: 'api' | 'html' | 'input' }>;
}

/** Merge one day's items into its file; never shrinks it, never writes a bad one. */
export async function captureDay(dir: string, date: string, items: ApiItem[], now: string, force = false): Promise<DayOutcome> {
  const existing = await dayFiles.read(dir, date);
  const fetched = items.map(normalizeItem);
  if (fetched.length === 0) {
    // A weekend or holiday: nothing to write. A day we already hold stays as it is.
    return { date, status: existing ? 'kept' : 'empty', papers: existing?.papers.length ?? 0, added: 0, updated: 0 };
  }
  const result = mergeDay(existing, date, fetched, now, { force });
  if (!result.changed) {
    return { date, status: 'unchanged', papers: result.day.papers.length, added: 0, updated: 0 };
  }
  await dayFiles.write(dir, result.day);
  return {
    date,
    status: 'written',
    papers: result.day.papers.length,
    added: result.added.length,
    updated: result.updated.length,
    ...(result.dropped.length ? { dropped: result.dropped.length } : {}),
  };
}

export interface PlannedDay {
  date: string;
  backfill: boolean;
}

/**
 * The days a network run visits, in order. Without --missing: every date, oldest first. With it:
 * the refresh window first (always fetched: lists grow and upvotes settle), then the other dates
 * the archive neither holds nor knows to be empty, oldest first, so history fills from its start.
 */
export function planDays(args: Pick<SnapshotArgs, 'dates' | 'refresh' | 'missing'>, held: ReadonlySet<string>, empty: ReadonlySet<string>): PlannedDay[] {
  const window = new Set(args.refresh);
  if (!args.missing) return args.dates.map((date) => ({ date, backfill: !window.has(date) }));
  const backlog = args.dates.filter((date) => !window.has(date) && !held.has(date) && !empty.has(date));
  return [...args.refresh.map((date) => ({ date, backfill: false })), ...backlog.map((date) => ({ date, backfill: true }))];
}

/** The recorded API responses named by --input: one file, or a folder of YYYY-MM-DD.json files. */
export async function inputSources(args: Pick<SnapshotArgs, 'input' | 'inputDate' | 'window'>): Promise<DaySource[]> {
  const input = args.input!;
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new UsageError(`--input ${input}: no such file or folder`);
  }
  const fromFile = (file: string, date: string): DaySource => ({
    date,
    load: async () => {
      const body = await readFile(file, 'utf8');
      try {
        return { items: parseApiBody(body, 'application/json', 'file'), source: 'input' };
      } catch (error) {
        throw new ListingError(date, file, (error as Error).message, { cause: error });
      }
    },
  });
  if (info.isFile()) {
    const date = args.inputDate ?? path.basename(input).match(/\d{4}-\d{2}-\d{2}/)?.[0];
    if (!date) throw new UsageError(`--input ${input}: no YYYY-MM-DD in the file name; give --date`);
    return [fromFile(input, date)];
  }
  const names = (await readdir(input)).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).sort();
  const window = args.window;
  return names
    .map((name) => ({ name, date: name.slice(0, 10) }))
    .filter(({ date }) => !window || (date >= window.from && date <= window.to))
    .map(({ name, date }) => fromFile(path.join(input, name), date));
}

export function networkSources(days: readonly PlannedDay[], fetcher: Fetcher, endpoint: string): DaySource[] {
  return days.map(({ date, backfill }) => ({
    date,
    backfill,
    load: () => fetchDailyPapers(fetcher, endpoint, date),
  }));
}

export function formatOutcome(outcome: DayOutcome): string {
  const { date, status, papers, added, updated } = outcome;
  switch (status) {
    case 'written':
      return `${date}  ${plural(papers, 'paper')}  +${added} added, ${updated} updated${outcome.dropped ? `, ${outcome.dropped} dropped (--force)` : ''}  (${outcome.source})`;
    case 'unchanged':
      return `${date}  ${plural(papers, 'paper')}  unchanged`;
    case 'empty':
      return `${date}  no listing (weekend or holiday): nothing written`;
    case 'kept':
      return `${date}  the listing came back empty: kept the ${plural(papers, 'paper')} already captured`;
    case 'failed':
      return `${date}  FAILED  ${outcome.error}`;
  }
}

export function formatSummary(summary: RunSummary): string {
  const count = (status: DayStatus) => summary.days.filter((day) => day.status === status).length;
  return `${plural(summary.days.length, 'day')}: ${summary.written} written, ${count('unchanged')} unchanged, ${count('empty') + count('kept')} without a listing, ${summary.failed} failed; ${plural(summary.added, 'paper')} added`;
}

export interface CaptureOptions {
  force?: boolean;
  now?: () => Date;
  log?: (line: string) => void;
  /** The run's step the network sources fetch through: no new day starts once it says stop. */
  step?: PolicyStep;
  /** Keep empty-days.json: add days the hub answered empty, remove days that turned out listed. */
  recordEmpty?: boolean;
}

export async function runCapture(sources: DaySource[], dir: string, options: CaptureOptions = {}): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const empty = options.recordEmpty ? await readEmptyDays(dir) : new Set<string>();
  const days: DayOutcome[] = [];
  let stopped: Stop | undefined;
  let next = 0;
  for (; next < sources.length; next++) {
    stopped = options.step?.stop;
    if (stopped) break;
    const source = sources[next]!;
    let outcome: DayOutcome;
    try {
      const { items, source: from } = await source.load();
      outcome = { ...(await captureDay(dir, source.date, items, now().toISOString(), options.force)), source: from };
      if (options.recordEmpty) await recordEmptiness(dir, empty, outcome);
    } catch (error) {
      // Stopped before the day's listing was whole: the day is left for the next run, untouched.
      if (error instanceof CaptureStopped) {
        stopped = error.stop;
        break;
      }
      outcome = {
        date: source.date,
        status: 'failed',
        papers: 0,
        added: 0,
        updated: 0,
        // The report puts the date first; the error line after it names the URL or file and the problem.
        error: error instanceof ListingError ? error.detail : (error as Error).message,
      };
    }
    if (source.backfill) outcome.backfill = true;
    days.push(outcome);
    log(formatOutcome(outcome));
  }
  return {
    days,
    written: days.filter((day) => day.status === 'written').length,
    added: days.reduce((sum, day) => sum + day.added, 0),
    failed: days.filter((day) => day.status === 'failed').length,
    remaining: sources
      .slice(next)
      .map((source) => source.date)
      .sort(),
    ...(stopped ? { stopped } : {}),
  };
}

/** Written as soon as it changes, so a run killed later still never asks for these days again. */
async function recordEmptiness(dir: string, empty: Set<string>, outcome: DayOutcome): Promise<void> {
  if (outcome.status === 'empty' && !empty.has(outcome.date)) {
    empty.add(outcome.date);
    await writeEmptyDays(dir, empty);
  } else if (outcome.papers > 0 && empty.delete(outcome.date)) {
    // A day once empty that now has papers (the hub lists some weekends late): no longer empty.
    await writeEmptyDays(dir, empty);
  }
}
