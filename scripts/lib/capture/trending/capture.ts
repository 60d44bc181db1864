// The trending capture: one request a run for the hub's trending list (recent papers ranked by
// its own trending score, not by upvotes), recorded as the day's list. Papers on it that the
// archive lacks are captured into their listing day, so every entry has a permanent page. An
// empty or broken answer leaves the day's list as it was.
import { todayUtc } from '../../../../src/lib/dates.ts';
import type { ApiItem, TrendingDay, TrendingEntry } from '../../../../src/lib/schema.ts';
import { captureDay } from '../days/capture.ts';
import type { HttpClient } from '../http.ts';
import { fetchDailyPapers, ListingError, parseApiBody } from '../days/hub.ts';
import { normalizeItem } from '../days/normalize.ts';
import { dayFiles } from '../days/store.ts';
import { listDates } from '../store.ts';
import { trendingFiles } from './store.ts';

/** Entries of a day's list; the hub's page holds 50. */
export const TRENDING_SIZE = 50;
/** A paper entering these ranks gets one item in the trending feed. */
export const TOP = 10;

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
  /** Papers the archive lacked, captured into their listing days. */
  captured: string[];
  written: boolean;
  error?: string;
}

/** The day a trending item was listed on Daily Papers (the hub's submittedOnDailyAt), or undefined. */
export function listedOn(item: ApiItem): string | undefined {
  return normalizeItem(item).listedAt?.slice(0, 10);
}

/**
 * The day's list from the hub's items: ranks in the hub's order, and each paper's first sighting
 * on the list and in the top ten carried from the earlier days (`seen`), else this capture's time.
 */
export function trendingDay(
  date: string,
  capturedAt: string,
  items: readonly ApiItem[],
  seen: ReadonlyMap<string, Pick<TrendingEntry, 'firstSeenAt' | 'top10At'>>,
): TrendingDay {
  const papers: TrendingEntry[] = [];
  for (const item of items) {
    const id = item.paper.id;
    if (papers.some((entry) => entry.id === id)) continue;
    const rank = papers.length + 1;
    const before = seen.get(id);
    const top10At = before?.top10At ?? (rank <= TOP ? capturedAt : undefined);
    papers.push({
      rank,
      id,
      upvotes: item.paper.upvotes,
      listed: listedOn(item) ?? date,
      firstSeenAt: before?.firstSeenAt ?? capturedAt,
      ...(top10At ? { top10At } : {}),
    });
    if (papers.length >= TRENDING_SIZE) break;
  }
  return { date, capturedAt, papers };
}

export interface TrendingOptions {
  daysDir: string;
  dir: string;
  client: HttpClient;
  endpoint: string;
  now?: () => Date;
  log?: (line: string) => void;
}

/** How far back first sightings are carried: a paper trends for days or weeks, not months. */
const MEMORY_DAYS = 60;

export async function captureTrending(options: TrendingOptions): Promise<TrendingSummary> {
  const { daysDir, dir, client, endpoint } = options;
  const log = options.log ?? (() => {});
  const capturedAt = (options.now ?? (() => new Date()))().toISOString();
  const date = todayUtc(new Date(capturedAt));
  const current = await trendingFiles.read(dir, date);
  const url = trendingUrl(endpoint);
  let items: ApiItem[];
  try {
    items = parseApiBody((await client.get(url)).body);
    if (!items.length) throw new Error('returned an empty list');
  } catch (error) {
    const problem = `${url} ${(error as Error).message}`;
    log(`trending ${date}  FAILED  ${problem}; the day's list is kept as it was`);
    return { date, papers: current?.papers.length ?? 0, entered: [], top10: [], captured: [], written: false, error: problem };
  }

  // First sightings from the earlier days' lists, and from today's earlier capture.
  const seen = new Map<string, Pick<TrendingEntry, 'firstSeenAt' | 'top10At'>>();
  const earlier = (await listDates(dir))
    .filter((d) => d < date)
    .reverse()
    .slice(0, MEMORY_DAYS);
  for (const day of [current, ...(await Promise.all(earlier.map((d) => trendingFiles.read(dir, d))))].reverse()) {
    for (const entry of day?.papers ?? []) {
      const known = seen.get(entry.id);
      seen.set(entry.id, {
        firstSeenAt: known?.firstSeenAt ?? entry.firstSeenAt,
        ...((known?.top10At ?? entry.top10At) ? { top10At: known?.top10At ?? entry.top10At } : {}),
      });
    }
  }
  const day = trendingDay(date, capturedAt, items, seen);

  // Every entry must have a permanent page: papers the archive lacks go into their listing day.
  const captured: string[] = [];
  const missing = new Map<string, ApiItem[]>();
  for (const entry of day.papers) {
    const held = await dayFiles.read(daysDir, entry.listed);
    if (held?.papers.some((paper) => paper.id === entry.id)) continue;
    missing.set(entry.listed, [...(missing.get(entry.listed) ?? []), items.find((item) => item.paper.id === entry.id)!]);
  }
  for (const [listed, listedItems] of missing) {
    try {
      // A day the archive does not hold is captured whole, so a backfill never skips the rest of it.
      const held = await dayFiles.read(daysDir, listed);
      const from = held ? listedItems : (await fetchDailyPapers(client, endpoint, listed)).items;
      const both = held ? from : [...from, ...listedItems.filter((item) => !from.some((f) => f.paper.id === item.paper.id))];
      await captureDay(daysDir, listed, both, capturedAt);
      captured.push(...listedItems.map((item) => item.paper.id));
      log(`trending: captured ${listedItems.map((item) => item.paper.id).join(', ')} into ${listed}`);
    } catch (error) {
      log(`trending: could not capture ${listed}: ${error instanceof ListingError ? error.detail : (error as Error).message}`);
    }
  }

  const written = await trendingFiles.write(dir, day, current);
  const before = new Set(current?.papers.map((entry) => entry.id));
  const summary: TrendingSummary = {
    date,
    papers: day.papers.length,
    entered: day.papers.filter((entry) => !seen.has(entry.id) && !before.has(entry.id)).map((entry) => entry.id),
    top10: day.papers.filter((entry) => entry.top10At === capturedAt).map((entry) => entry.id),
    captured,
    written,
  };
  log(formatTrending(summary));
  return summary;
}

/** `trending 2026-12-01: 50 papers, 6 new, 2 new in the top ten; 1 captured into its day`. */
export function formatTrending(summary: TrendingSummary): string {
  if (summary.error) return `trending ${summary.date}: FAILED ${summary.error}`;
  const captured = summary.captured.length ? `; ${summary.captured.length} captured into ${summary.captured.length === 1 ? 'its day' : 'their days'}` : '';
  return `trending ${summary.date}: ${summary.papers} papers, ${summary.entered.length} new, ${summary.top10.length} new in the top ten${captured}`;
}
