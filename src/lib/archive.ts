// The archive as the site sees it, computed once per build from the day files: days newest
// first, each paper with every day it was listed on, neighbours, counts, the calendar.
// Pure functions over plain data, so no page ever walks the whole archive itself.
import type { Day, LinksDay, Paper, PaperLinks } from './schema.ts';
import { compileTopics, topicsOf, type Topic } from './topics.ts';

export interface PaperRecord {
  /** The freshest capture of the paper: the one most recently seen, across its days. */
  paper: Paper;
  /** Every listed day, oldest first. */
  days: string[];
  /** Topic slugs, in the configuration's order. */
  topics: string[];
  /** What the hub links to it, as of the last check (src/content/links/); absent if never asked. */
  links?: PaperLinks;
}

export interface Archive {
  /** Listed days, newest first; papers in the listing's order. */
  days: Day[];
  papers: Map<string, PaperRecord>;
  /** Date -> index in `days`, for neighbours without a scan. */
  dayIndex: Map<string, number>;
  topics: Topic[];
  /** Topic slug -> name, for chips and feed categories. */
  topicNames: ReadonlyMap<string, string>;
  /** The newest capture time of any paper: when the archive last changed. */
  updatedAt: string | undefined;
}

export function buildArchive(days: readonly Day[], topics: readonly Topic[], links: readonly LinksDay[] = []): Archive {
  const compiled = compileTopics(topics);
  const sorted = [...days].sort((a, b) => (a.date < b.date ? 1 : -1));
  const papers = new Map<string, PaperRecord>();
  // Oldest day first, so each record's days come out in order.
  for (let i = sorted.length - 1; i >= 0; i--) {
    const day = sorted[i]!;
    for (const paper of day.papers) {
      const record = papers.get(paper.id);
      if (!record) {
        papers.set(paper.id, { paper, days: [day.date], topics: [] });
        continue;
      }
      record.days.push(day.date);
      if (paper.lastSeenAt >= record.paper.lastSeenAt) record.paper = paper;
    }
  }
  for (const day of links) {
    for (const [id, paperLinks] of Object.entries(day.papers)) {
      const record = papers.get(id);
      if (record) record.links = paperLinks;
    }
  }
  let updatedAt: string | undefined;
  for (const record of papers.values()) {
    record.topics = topicsOf(record.paper, compiled);
    if (!updatedAt || record.paper.lastSeenAt > updatedAt) updatedAt = record.paper.lastSeenAt;
  }
  return {
    days: sorted,
    papers,
    dayIndex: new Map(sorted.map((day, index) => [day.date, index])),
    topics: [...topics],
    topicNames: new Map(topics.map((topic) => [topic.slug, topic.name])),
    updatedAt,
  };
}

export function latestDay(archive: Archive): Day | undefined {
  return archive.days[0];
}

/**
 * The entries before and after `key` in a newest-first list (days, weeks, months): `previous` is
 * the older one, `next` the newer. Weekends and holidays have no listing, so neighbours skip them.
 */
export function neighbours<T>(
  list: readonly T[],
  index: ReadonlyMap<string, number>,
  key: string,
  keyOf: (entry: T) => string,
): { previous?: string; next?: string } {
  const at = index.get(key);
  if (at === undefined) return {};
  const older = list[at + 1];
  const newer = at > 0 ? list[at - 1] : undefined;
  return { ...(older ? { previous: keyOf(older) } : {}), ...(newer ? { next: keyOf(newer) } : {}) };
}

/** The listed days before and after a date. */
export const dayNeighbours = (archive: Archive, date: string) => neighbours(archive.days, archive.dayIndex, date, (day) => day.date);

/** A paper at one of its listings. */
export interface Listing {
  date: string;
  /** The paper as that day's file holds it (its counts then, its listing time). */
  listed: Paper;
  record: PaperRecord;
}

/**
 * Each paper once, at its newest listing: newest day first, in each day's order. Every list of
 * "papers, newest first" (topics, organizations, feeds, the search index's date order) walks this.
 */
export function* newestListings(archive: Archive, days: readonly Day[] = archive.days): Generator<Listing> {
  const seen = new Set<string>();
  for (const day of days) {
    for (const listed of day.papers) {
      if (seen.has(listed.id)) continue;
      seen.add(listed.id);
      yield { date: day.date, listed, record: archive.papers.get(listed.id)! };
    }
  }
}

/** Every topic's papers, newest listed first, in one pass over the archive (topic pages and their charts share it). */
export function papersByTopic(archive: Archive): Map<string, Listing[]> {
  const byTopic = new Map<string, Listing[]>(archive.topics.map((topic) => [topic.slug, []]));
  for (const listing of newestListings(archive)) {
    for (const slug of listing.record.topics) byTopic.get(slug)?.push(listing);
  }
  return byTopic;
}

/** Most upvoted first, ties by arXiv id: one ranking for weeks, months and digests. */
export const byUpvotesThenId =
  <T>(key: (item: T) => readonly [upvotes: number, id: string]) =>
  (a: T, b: T): number => {
    const [upvotesA, idA] = key(a);
    const [upvotesB, idB] = key(b);
    return upvotesB - upvotesA || (idA < idB ? -1 : idA > idB ? 1 : 0);
  };

// --- The archive page's calendar heat map.

export interface CalendarCell {
  date: string;
  /** Papers listed, or 0 for a day without a listing. */
  count: number;
  /** 0 (none) to 4 (busiest), for the colour. */
  level: number;
}

export interface CalendarMonth {
  month: string; // YYYY-MM
  days: { date: string; count: number }[];
}

export interface CalendarYear {
  year: string;
  /** Weeks as columns, Monday first; null pads days outside the year. */
  weeks: (CalendarCell | null)[][];
  months: CalendarMonth[];
  total: number;
}

export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** Per year, newest first: a Monday-first week grid of every calendar day, and months with listed days. */
export function calendar(counts: readonly { date: string; count: number }[]): CalendarYear[] {
  const byDate = new Map(counts.map((entry) => [entry.date, entry.count]));
  const max = Math.max(0, ...counts.map((entry) => entry.count));
  const years = [...new Set(counts.map((entry) => entry.date.slice(0, 4)))].sort().reverse();
  return years.map((year) => {
    const weeks: (CalendarCell | null)[][] = [];
    let week: (CalendarCell | null)[] = [];
    const first = new Date(`${year}-01-01T00:00:00Z`);
    // Pad the first week up to the year's first weekday (Monday = 0).
    for (let i = 0; i < (first.getUTCDay() + 6) % 7; i++) week.push(null);
    for (const d = first; d.getUTCFullYear() === Number(year); d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      const count = byDate.get(date) ?? 0;
      week.push({ date, count, level: heatLevel(count, max) });
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length) weeks.push([...week, ...Array<null>(7 - week.length).fill(null)]);
    const listed = counts.filter((entry) => entry.date.startsWith(year)).sort((a, b) => (a.date < b.date ? 1 : -1));
    const months: CalendarMonth[] = [];
    for (const entry of listed) {
      const month = entry.date.slice(0, 7);
      if (months.at(-1)?.month !== month) months.push({ month, days: [] });
      months.at(-1)!.days.push(entry);
    }
    return { year, weeks, months, total: listed.reduce((sum, entry) => sum + entry.count, 0) };
  });
}
