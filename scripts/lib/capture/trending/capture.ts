// The trending capture: the hub's trending list (recent papers ranked by its own trending score,
// not by upvotes), recorded as the day's list. A paper on it that the archive does not hold is
// looked for in the hub's listings of the days it could have been listed on, and that day is
// captured whole; a day file is only ever what the hub listed that day, never one paper placed by
// a guess from a timestamp. A paper whose day is not found stays on the list without a page.
import { addDays, FIRST_LISTED_DAY, todayUtc } from '../../../../src/lib/dates.ts';
import type { ApiItem, TrendingDay, TrendingEntry } from '../../../../src/lib/schema.ts';
import { captureDay } from '../days/capture.ts';
import { fetchDailyPapers, ListingError, parseApiBody } from '../days/hub.ts';
import { chooseTitle } from '../days/normalize.ts';
import { CaptureStopped, type PolicyStep, type Stop } from '../policy.ts';
import { listDates } from '../store.ts';
import { trendingFiles } from './store.ts';

/** Entries of a day's list; the hub's page holds 50. */
export const TRENDING_SIZE = 50;
/** A paper entering these ranks gets one item in the trending feed. */
export const TOP = 10;
/** Requests the trending step may make: the list, and the listings of days to look for papers in. */
export const TRENDING_REQUESTS = 25;

export function trendingUrl(endpoint: string): string {
  const url = new URL('/api/daily_papers', endpoint);
  url.searchParams.set('sort', 'trending');
  url.searchParams.set('limit', String(TRENDING_SIZE));
  return url.href;
}

export interface TrendingSummary {
  date: string;
  /** Papers on the list as recorded (the previous list's, when this answer was refused). */
  papers: number;
  /** Papers new to the list today, and papers that reached the top ten for the first time. */
  entered: string[];
  top10: string[];
  /** Papers the archive lacked, found in their listing day, which was captured whole. */
  captured: string[];
  /** Papers whose listing day was not found: on the list without a page. */
  unplaced: string[];
  written: boolean;
  /** The answer could not be used (an error, an empty list): the day's list is kept as it was. */
  error?: string;
  /** The run's policy stopped the capture (its time, the hub in trouble). */
  stopped?: Stop;
}

/** What the list says of a paper's place in the archive: the day it was listed, or, when not found, its title. */
export type Placement = { listed: string } | { title: string };

/** First sightings carried from the earlier days' lists. */
type Seen = Pick<TrendingEntry, 'firstSeenAt' | 'top10At' | 'top10Rank' | 'top10Upvotes'>;

/**
 * The day's list from the hub's items: ranks in the hub's order, each paper's place in the archive,
 * and its first sighting on the list and in the top ten (with its rank and upvotes then) carried
 * from the earlier days (`seen`), else this capture's.
 */
export function trendingDay(
  date: string,
  capturedAt: string,
  items: readonly ApiItem[],
  seen: ReadonlyMap<string, Seen>,
  place: (item: ApiItem) => Placement,
): TrendingDay {
  const papers: TrendingEntry[] = [];
  for (const item of items) {
    const id = item.paper.id;
    if (papers.some((entry) => entry.id === id)) continue;
    const rank = papers.length + 1;
    const before = seen.get(id);
    const entering = !before?.top10At && rank <= TOP;
    const top10 = entering ? { top10At: capturedAt, top10Rank: rank, top10Upvotes: item.paper.upvotes } : topTenOf(before);
    papers.push({ rank, id, upvotes: item.paper.upvotes, ...place(item), firstSeenAt: before?.firstSeenAt ?? capturedAt, ...top10 });
    if (papers.length >= TRENDING_SIZE) break;
  }
  return { date, capturedAt, papers };
}

const topTenOf = (seen: Seen | undefined) =>
  seen?.top10At
    ? {
        top10At: seen.top10At,
        ...(seen.top10Rank !== undefined ? { top10Rank: seen.top10Rank } : {}),
        ...(seen.top10Upvotes !== undefined ? { top10Upvotes: seen.top10Upvotes } : {}),
      }
    : {};

/**
 * The days a paper may have been listed on, most likely first: the day the hub says it was put on
 * the list (submittedOnDailyAt, since 2025 the exact day), then the day of the item's own time
 * (before 2025 the list time, often the evening before the listing day in UTC) and the day after,
 * then the day after arXiv published it.
 */
export function candidateDays(item: ApiItem, today: string): string[] {
  const day = (time: string | undefined) => time?.slice(0, 10);
  const listed = day(item.paper.submittedOnDailyAt);
  const listedTime = day(item.publishedAt);
  const arxiv = day(item.paper.publishedAt);
  const days = [listed, listedTime, listedTime && addDays(listedTime, 1), arxiv && addDays(arxiv, 1)];
  return [...new Set(days.filter((d): d is string => d !== undefined && d >= FIRST_LISTED_DAY && d <= today))];
}

export interface TrendingOptions {
  daysDir: string;
  dir: string;
  /** The run's step for trending: the list, and the listings searched for papers the archive lacks. */
  step: PolicyStep;
  endpoint: string;
  /** The days each paper of the archive was listed on, oldest first: where a trending paper is looked up. */
  held: (id: string) => readonly string[] | undefined;
  now?: () => Date;
  log?: (line: string) => void;
}

/** How far back first sightings are carried: a paper trends for days or weeks, not months. */
const MEMORY_DAYS = 60;

/** First sightings from the earlier days' lists, and from today's earlier capture. */
async function firstSightings(dir: string, date: string, current: TrendingDay | undefined): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  const earlier = (await listDates(dir))
    .filter((d) => d < date)
    .reverse()
    .slice(0, MEMORY_DAYS);
  for (const day of [current, ...(await Promise.all(earlier.map((d) => trendingFiles.read(dir, d))))].reverse()) {
    for (const entry of day?.papers ?? []) {
      const known = seen.get(entry.id);
      seen.set(entry.id, { firstSeenAt: known?.firstSeenAt ?? entry.firstSeenAt, ...topTenOf(known?.top10At ? known : entry) });
    }
  }
  return seen;
}

/**
 * Find the listing day of each paper the archive lacks, fetching each candidate day's listing once,
 * and capture each day found from its whole listing. Returns where each was found.
 */
async function findListingDays(
  items: readonly ApiItem[],
  options: TrendingOptions,
  capturedAt: string,
): Promise<{ found: Map<string, string>; stopped?: Stop }> {
  const { step, endpoint, daysDir, log = () => {} } = options;
  const listings = new Map<string, ApiItem[] | undefined>();
  const found = new Map<string, string>();
  const written = new Set<string>();
  for (const item of items) {
    const id = item.paper.id;
    if (options.held(id) || found.has(id)) continue;
    for (const date of candidateDays(item, todayUtc(new Date(capturedAt)))) {
      if (!listings.has(date)) {
        try {
          listings.set(date, (await fetchDailyPapers(step, endpoint, date)).items);
        } catch (error) {
          if (error instanceof CaptureStopped) return { found, stopped: error.stop };
          listings.set(date, undefined);
          log(`trending: could not read the listing of ${date}: ${error instanceof ListingError ? error.detail : (error as Error).message}`);
        }
      }
      const listing = listings.get(date);
      if (!listing?.some((listed) => listed.paper.id === id)) continue;
      // The other papers of the list listed that day are in this listing too.
      for (const listed of listing)
        if (!options.held(listed.paper.id) && items.some((trending) => trending.paper.id === listed.paper.id)) found.set(listed.paper.id, date);
      if (!written.has(date)) {
        await captureDay(daysDir, date, listing, capturedAt);
        written.add(date);
      }
      break;
    }
  }
  return { found };
}

export async function captureTrending(options: TrendingOptions): Promise<TrendingSummary> {
  const { dir, step, endpoint } = options;
  const log = options.log ?? (() => {});
  const capturedAt = (options.now ?? (() => new Date()))().toISOString();
  const date = todayUtc(new Date(capturedAt));
  const current = await trendingFiles.read(dir, date);
  const kept = { date, papers: current?.papers.length ?? 0, entered: [], top10: [], captured: [], unplaced: [], written: false };
  const url = trendingUrl(endpoint);
  let items: ApiItem[];
  try {
    items = parseApiBody((await step.get(url)).body);
    if (!items.length) throw new Error('returned an empty list');
  } catch (error) {
    if (error instanceof CaptureStopped) return { ...kept, stopped: error.stop };
    const problem = `${url} ${(error as Error).message}`;
    log(`trending ${date}  FAILED  ${problem}; the day's list is kept as it was`);
    return { ...kept, error: problem };
  }
  items = items.slice(0, TRENDING_SIZE);
  const seen = await firstSightings(dir, date, current);
  const { found, stopped } = await findListingDays(items, options, capturedAt);
  const place = (item: ApiItem): Placement => {
    const listed = options.held(item.paper.id)?.[0] ?? found.get(item.paper.id);
    return listed ? { listed } : { title: chooseTitle(item) };
  };
  const day = trendingDay(date, capturedAt, items, seen, place);
  const written = await trendingFiles.write(dir, day, current);
  const before = new Set(current?.papers.map((entry) => entry.id));
  const summary: TrendingSummary = {
    date,
    papers: day.papers.length,
    entered: day.papers.filter((entry) => !seen.has(entry.id) && !before.has(entry.id)).map((entry) => entry.id),
    top10: day.papers.filter((entry) => entry.top10At === capturedAt).map((entry) => entry.id),
    captured: [...found.keys()],
    unplaced: day.papers.filter((entry) => !entry.listed).map((entry) => entry.id),
    written,
    ...(stopped ? { stopped } : {}),
  };
  for (const id of summary.unplaced) log(`trending: ${id}: its listing day was not found; it is on the list without a page`);
  log(formatTrending(summary));
  return summary;
}

/** `trending 2026-12-01: 50 papers, 6 new, 2 new in the top ten; 1 captured into its day`. */
export function formatTrending(summary: TrendingSummary): string {
  if (summary.error) return `trending ${summary.date}: FAILED ${summary.error}`;
  if (!summary.written && summary.stopped) return `trending ${summary.date}: not recorded (stopped: ${summary.stopped.detail})`;
  const captured = summary.captured.length ? `; ${summary.captured.length} captured into ${summary.captured.length === 1 ? 'its day' : 'their days'}` : '';
  const unplaced = summary.unplaced.length ? `; ${summary.unplaced.length} without a listing day found` : '';
  return `trending ${summary.date}: ${summary.papers} papers, ${summary.entered.length} new, ${summary.top10.length} new in the top ten${captured}${unplaced}`;
}
