// Weeks and months of the archive, pure: ISO 8601 weeks (Monday to Sunday, src/lib/dates.ts),
// the papers of each period ranked by upvotes, and the rule for digest items that never change
// once published.
import { byUpvotesThenId, neighbours, type Archive, type PaperRecord } from './archive.ts';
import { DAY_MS, isoWeek, monthOf, periodEnd } from './dates.ts';
import type { Paper } from './schema.ts';

export interface PeriodPaper {
  record: PaperRecord;
  /** The period's listing of the paper (its highest-voted one, if listed twice). */
  listed: Paper;
  /** The day it was listed in the period (the latest, if twice). */
  date: string;
}

export interface Period {
  kind: 'week' | 'month';
  /** `2026-W01` or `2026-01`. */
  key: string;
  /** Listed days of the period, oldest first. */
  days: string[];
  /** Every paper listed in the period, once, by upvotes (the freshest count), ties by id. */
  papers: PeriodPaper[];
}

export interface Periods {
  /** Newest first. */
  weeks: Period[];
  months: Period[];
  weekIndex: Map<string, number>;
  monthIndex: Map<string, number>;
}

/** Every week and month with a listing, built in one pass over the archive. */
export function buildPeriods(archive: Archive): Periods {
  const group = (kind: Period['kind'], keyOf: (date: string) => string): Period[] => {
    const periods = new Map<string, { days: string[]; papers: Map<string, PeriodPaper> }>();
    // archive.days is newest first; walk oldest first so days come out in order.
    for (let i = archive.days.length - 1; i >= 0; i--) {
      const day = archive.days[i]!;
      const key = keyOf(day.date);
      let period = periods.get(key);
      if (!period) periods.set(key, (period = { days: [], papers: new Map() }));
      period.days.push(day.date);
      for (const paper of day.papers) {
        const seen = period.papers.get(paper.id);
        if (!seen || paper.upvotes >= seen.listed.upvotes)
          period.papers.set(paper.id, { record: archive.papers.get(paper.id)!, listed: paper, date: day.date });
      }
    }
    return [...periods]
      .map(([key, { days, papers }]) => ({
        kind,
        key,
        days,
        papers: [...papers.values()].sort(byUpvotesThenId(({ record }) => [record.paper.upvotes, record.paper.id])),
      }))
      .sort((a, b) => (a.key < b.key ? 1 : -1));
  };
  const weeks = group('week', isoWeek);
  const months = group('month', monthOf);
  return {
    weeks,
    months,
    weekIndex: new Map(weeks.map((p, i) => [p.key, i])),
    monthIndex: new Map(months.map((p, i) => [p.key, i])),
  };
}

/** The periods with listings before and after one, in a newest-first list. */
export const periodNeighbours = (list: readonly Period[], index: ReadonlyMap<string, number>, key: string) =>
  neighbours(list, index, key, (period) => period.key);

// --- Digest items that never change once published.

/** What a closed period's digest lists: the papers as the archive knew them at `asOf`. */
export interface FrozenDigest {
  period: Period;
  /** The instant the list is frozen at: the period's end, or a day after its first capture if it was filled in later. */
  asOf: string;
  /** The item's date: the period's end, also for a period filled in later, so a reader orders backfilled items. */
  date: string;
  papers: { paper: Paper; upvotes: number }[];
}

/** Upvotes as known at an instant: the last observation up to it (or the first known one). */
export function upvotesAt(paper: Paper, at: string): number {
  const history = paper.upvoteHistory;
  if (!history?.length) return paper.upvotes;
  let count = history[0]!.upvotes;
  for (const observation of history) if (observation.at <= at) count = observation.upvotes;
  return count;
}

/**
 * A closed period's digest, or undefined while it is open. A period closes when the archive holds
 * a capture made after its end (the capture clock, never the build's, so rebuilds agree). The
 * item then says what was known at that end, from first-seen times and upvote histories, so later
 * captures (late papers, settling upvotes) never change it. A period captured only after its end
 * (a backfill) is frozen a day after its first capture instead.
 */
export function frozenDigest(period: Period, archiveClock: string | undefined, top: number): FrozenDigest | undefined {
  const end = periodEnd(period.kind, period.key);
  const firstCapture = period.papers.reduce((min, p) => (p.listed.firstSeenAt < min ? p.listed.firstSeenAt : min), '9999');
  const settled = new Date(Date.parse(firstCapture) + DAY_MS).toISOString();
  const asOf = firstCapture < end ? end : settled;
  if (!archiveClock || archiveClock < asOf) return undefined;
  const papers = period.papers
    .filter((p) => p.listed.firstSeenAt <= asOf)
    .map((p) => ({ paper: p.record.paper, upvotes: upvotesAt(p.listed, asOf) }))
    .sort(byUpvotesThenId(({ paper, upvotes }) => [upvotes, paper.id]))
    .slice(0, top);
  return { period, asOf, date: end, papers };
}
