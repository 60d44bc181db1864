// A stand-in for the hub's per-paper API (`/api/papers/{id}`), for the demo and the benchmark:
// deterministic, invented models, datasets and Spaces citing the sample's papers, which appear
// as papers age, as on the real hub. Served on 127.0.0.1 for the demo, so its links are
// captured by the real capture code; the benchmark writes the same answers straight to files.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, daysBetween } from '../../../../src/lib/dates.ts';
import { ApiListing, ApiPaperLinks, type LinksDay, type TrendingEntry } from '../../../../src/lib/schema.ts';
import { dropUndefined } from '../../capture/days/normalize.ts';
import { normalizeLinks } from '../../capture/links/normalize.ts';
import { linksFiles } from '../../capture/links/store.ts';
import { trendingDay } from '../../capture/trending/capture.ts';
import { trendingFiles } from '../../capture/trending/store.ts';
import type { SampleDay } from './generate.ts';
import { randomFor } from './random.ts';

const TASKS = ['text-generation', 'image-text-to-text', 'text-to-image', 'automatic-speech-recognition', 'robotics', 'feature-extraction'];
const EMOJI = ['🚀', '🤗', '🎨', '🔥', '🧪', '📈'];

/**
 * What the hub says about a paper listed on `listed`, asked on `today`: every listed paper has a
 * page, with empty lists while nothing cites it. About two in five papers get models, after a
 * delay of days to months, then more over time; fewer get datasets and Spaces.
 */
export function sampleLinks(id: string, listed: string, today: string): Record<string, unknown> {
  const random = randomFor(id);
  const age = daysBetween(listed, today);
  const owner = `sample-${Math.floor(random() * 400)}`;
  const name = id.replace(/[^\w]/g, '-');
  const grow = (chance: number, most: number) => {
    if (random() >= chance) return 0;
    const delay = Math.floor(random() * 90);
    const final = 1 + Math.floor(most * random() ** 3);
    return age < delay ? 0 : Math.min(final, 1 + Math.floor(((age - delay) / 30) * final));
  };
  const models = grow(0.4, 40);
  const datasets = grow(0.15, 6);
  const spaces = grow(0.25, 12);
  const list = (count: number, make: (i: number) => Record<string, unknown>) => Array.from({ length: Math.min(count, 8) }, (_, i) => make(i));
  return {
    id,
    linkedModels: list(models, (i) => ({
      id: `${owner}/${name}-${['base', 'instruct', 'GGUF', 'small', 'large', 'v2', 'AWQ', 'lora'][i]}`,
      downloads: Math.floor(50_000 * random() ** 4),
      likes: Math.floor(300 * random() ** 3),
      pipeline_tag: TASKS[Math.floor(random() * TASKS.length)],
    })),
    linkedDatasets: list(datasets, (i) => ({
      id: `${owner}/${name}-data-${i}`,
      downloads: Math.floor(5_000 * random() ** 3),
      likes: Math.floor(60 * random() ** 3),
    })),
    linkedSpaces: list(spaces, (i) => ({
      id: `${owner}/${name}-demo-${i}`,
      likes: Math.floor(200 * random() ** 3),
      emoji: EMOJI[Math.floor(random() * EMOJI.length)],
      title: `Demo ${i + 1} of ${id}`,
    })),
    numTotalModels: models,
    numTotalDatasets: datasets,
    numTotalSpaces: spaces,
  };
}

export interface SampleHub {
  endpoint: string;
  /** The day the hub answers as of (the demo steps it through the sample's weeks). */
  setToday(date: string): void;
  close(): Promise<void>;
}

/**
 * The hub's trending list on `today`: the papers of the last week, ranked by a score that favours
 * upvotes and youth and moves from day to day (the hub's own formula is not published).
 */
export function sampleTrending(days: readonly SampleDay[], today: string, size = 50): unknown[] {
  const recent = days.filter((day) => day.date <= today && daysBetween(day.date, today) < 7);
  const scored = recent.flatMap((day) =>
    day.items.map((item) => {
      const wobble = randomFor(`${item.paper.id} ${today}`)();
      return { item, score: ((item.paper.upvotes + 5) * (0.5 + wobble)) / (1 + daysBetween(day.date, today)) };
    }),
  );
  const seen = new Set<string>();
  return scored
    .sort((a, b) => b.score - a.score)
    .filter(({ item }) => !seen.has(item.paper.id) && seen.add(item.paper.id))
    .slice(0, size)
    .map(({ item }) => item);
}

/** Each sample paper's first listed day. */
function firstListed(days: readonly SampleDay[]): Map<string, string> {
  const listed = new Map<string, string>();
  for (const day of days) for (const item of day.items) if (!listed.has(item.paper.id)) listed.set(item.paper.id, day.date);
  return listed;
}

/** Serve `sampleLinks` (/api/papers/{id}) and `sampleTrending` (/api/daily_papers?sort=trending) for a sample on 127.0.0.1. */
export async function startSampleHub(days: readonly SampleDay[], today: string): Promise<SampleHub> {
  let asOf = today;
  const listed = firstListed(days);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/daily_papers' && url.searchParams.get('sort') === 'trending') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sampleTrending(days, asOf)));
    }
    const id = decodeURIComponent(url.pathname.replace(/^\/api\/papers\//, ''));
    const date = listed.get(id);
    if (!date) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Paper not found"}');
    const body = sampleLinks(id, date, asOf);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setToday: (date) => {
      asOf = date;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The links files a links capture on `today` would write for a sample (the benchmark's way: the
 * same answers, without the requests). Papers are filed under their first listed day.
 */
export async function writeSampleLinks(days: readonly SampleDay[], dir: string, today: string): Promise<number> {
  const byDay = new Map<string, LinksDay['papers']>();
  const seen = new Set<string>();
  for (const day of days) {
    for (const item of day.items) {
      const id = item.paper.id;
      if (seen.has(id)) continue;
      seen.add(id);
      const links = normalizeLinks(ApiPaperLinks.parse(sampleLinks(id, day.date, today)), `${today}T06:17:00.000Z`);
      byDay.set(day.date, { ...byDay.get(day.date), [id]: links });
    }
  }
  for (const [date, papers] of byDay) await linksFiles.write(dir, { date, papers });
  return seen.size;
}

/**
 * The trending files a daily capture would have written over the sample's last `span` calendar
 * days (the benchmark's way: the same lists, without the requests). The hub keeps no trending
 * history, so an archive holds lists only from the day its captures began.
 */
export async function writeSampleTrending(days: readonly SampleDay[], dir: string, span: number): Promise<number> {
  const last = days.at(-1)!.date;
  const listed = firstListed(days);
  const seen = new Map<string, Pick<TrendingEntry, 'firstSeenAt' | 'top10At' | 'top10Rank' | 'top10Upvotes'>>();
  let written = 0;
  for (let date = addDays(last, 1 - span); date <= last; date = addDays(date, 1)) {
    const items = ApiListing.parse(sampleTrending(days, date));
    if (!items.length) continue;
    const day = trendingDay(date, `${date}T19:17:00.000Z`, items, seen, (item) => ({ listed: listed.get(item.paper.id)! }));
    for (const { id, firstSeenAt, top10At, top10Rank, top10Upvotes } of day.papers)
      if (!seen.has(id)) seen.set(id, dropUndefined({ firstSeenAt, top10At, top10Rank, top10Upvotes }));
    await trendingFiles.write(dir, day);
    written++;
  }
  return written;
}
