// A drill: the scheduled run, over six simulated weeks, against a local hub that changes between
// runs as the real one does: models appear and are taken down, papers answer 404 and come back,
// a 503 storm, a long 429, and trending items of an older format whose listing day is not the
// day of their time. After every run the site is built, and the archive checked against what the
// hub said: the build succeeds, nothing recorded is lost, no day is invented, and the trending,
// released, weekly and monthly feeds never change an item once published.
import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFiles } from '../../scripts/lib/capture/days/store.ts';
import { linksFiles } from '../../scripts/lib/capture/links/store.ts';
import { parseSnapshotArgs } from '../../scripts/lib/capture/options.ts';
import { isHubTrouble } from '../../scripts/lib/capture/policy.ts';
import type { RunReport } from '../../scripts/lib/capture/report.ts';
import { runSnapshot } from '../../scripts/lib/capture/run.ts';
import { addDays, dateRange } from '../../src/lib/dates.ts';
import type { PaperLinks } from '../../src/lib/schema.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { treeDifferences } from '../../scripts/lib/tools/tree-diff.ts';
import { apiItem } from '../helpers/items.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** Three papers a weekday in March 2026; each carries the day it was put on the list. */
const LISTED = dateRange('2026-03-02', '2026-04-10').filter((d) => !isWeekend(d));
const idOf = (date: string, n: number) => `26${date.slice(5, 7)}.${date.slice(8)}${n}00`;
const listing = new Map<string, Record<string, unknown>[]>(
  LISTED.map((date) => [date, [0, 1, 2].map((n) => apiItem({ id: idOf(date, n), date, upvotes: 30 - n }))]),
);

// An older paper of 16 February, in the format of its era: no submittedOnDailyAt, its list time
// the evening before. No run's window reaches its day: only trending brings it in.
const OLD = apiItem({ id: '2602.16001', date: '2026-02-16', era: '2024', title: 'An Older Paper' }) as { paper: Record<string, unknown>; publishedAt: string };
OLD.publishedAt = '2026-02-15T22:25:00.000Z';
OLD.paper.publishedAt = '2026-02-13T17:00:00.000Z';
listing.set('2026-02-16', [OLD, apiItem({ id: '2602.16002', date: '2026-02-16', era: '2024' })]);
// A paper on the trending list whose listing day no listing holds.
const LOST = apiItem({ id: '2602.99999', date: '2026-02-20', era: '2024', title: 'Listed Nowhere' });

const A = idOf('2026-03-02', 0); // its models appear, then are taken down
const B = idOf('2026-03-02', 1); // its models appear, then it answers 404 for a while

/** The runs: the day, and what the hub does that day. */
const RUNS: { today: string; trouble?: 'storm' | 'refuse' }[] = [
  { today: '2026-03-03' },
  { today: '2026-03-06' },
  { today: '2026-03-10' },
  { today: '2026-03-13' },
  { today: '2026-03-17' },
  { today: '2026-03-20' },
  { today: '2026-03-24', trouble: 'storm' },
  { today: '2026-03-26' },
  { today: '2026-03-31', trouble: 'refuse' },
  { today: '2026-04-03' },
  { today: '2026-04-08' },
  { today: '2026-04-13' },
];

/** What the hub links to a paper on a day of the drill: a 200 answer, or 404. */
function hubLinks(id: string, today: string): { status: 200 | 404; models: number } {
  if (id === A) return { status: 200, models: today >= '2026-03-06' && today < '2026-03-17' ? 2 : 0 };
  if (id === B) return today >= '2026-03-13' && today < '2026-03-24' ? { status: 404, models: 0 } : { status: 200, models: today >= '2026-03-06' ? 1 : 0 };
  return { status: 200, models: 0 };
}

let hub: FakeHub;
let root: string;
const seen = {
  trending: new Map<string, unknown>(),
  released: new Map<string, unknown>(),
  weekly: new Map<string, unknown>(),
  monthly: new Map<string, unknown>(),
};
const reports: RunReport[] = [];
const problems: string[] = [];

function serve(today: string, trouble: 'storm' | 'refuse' | undefined, answered: Map<string, { status: number; models: number }>) {
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (trouble === 'storm') return void res.writeHead(503).end('busy');
    if (url.pathname.startsWith('/api/papers/')) {
      const id = url.pathname.slice('/api/papers/'.length);
      const answer = hubLinks(id, today);
      answered.set(id, answer);
      if (answer.status === 404) return json(res, { error: 'Paper not found' }, 404);
      return json(res, {
        id,
        numTotalModels: answer.models,
        linkedModels: Array.from({ length: answer.models }, (_, i) => ({ id: `lab/${id.replace('.', '-')}-${i}` })),
      });
    }
    if (url.pathname !== '/api/daily_papers') return void res.writeHead(404).end();
    if (url.searchParams.get('sort') === 'trending') {
      if (trouble === 'refuse') return json(res, { error: 'slow down' }, 429, { 'retry-after': '3600' });
      const recent = LISTED.filter((d) => d <= today && d > addDays(today, -7)).flatMap((d) => listing.get(d)!);
      return json(res, [...recent.slice(-8).reverse(), ...(today >= '2026-03-10' ? [OLD, LOST] : [])]);
    }
    const date = url.searchParams.get('date')!;
    if (date > today) return json(res, { error: 'date in the future' }, 400);
    const page = Number(url.searchParams.get('p') ?? 0);
    json(res, page ? [] : (listing.get(date) ?? []));
  };
}

/** The feeds whose items say what happened once: each item, once published, stays as it was. */
async function checkFeeds(site: Awaited<ReturnType<typeof buildSite>>, run: string): Promise<void> {
  for (const [name, file] of [
    ['trending', 'trending/feed.json'],
    ['released', 'released/feed.json'],
    ['weekly', 'weekly/feed.json'],
    ['monthly', 'monthly/feed.json'],
  ] as const) {
    const feed = JSON.parse(await site.read(file)) as { items: { id: string; title: string; date_published: string; content_html: string }[] };
    for (const item of feed.items) {
      const before = seen[name].get(item.id);
      if (before && JSON.stringify(before) !== JSON.stringify(item)) problems.push(`${run}: the ${name} item ${item.id} changed`);
      seen[name].set(item.id, item);
    }
  }
}

let last: BuiltSite;
const buildEnv = (dirs: { daysDir: string; linksDir: string; trendingDir: string }) => ({
  SITE_URL: 'https://papers.example.org',
  LINKS_DIR: dirs.linksDir,
  TRENDING_DIR: dirs.trendingDir,
});

beforeAll(async () => {
  hub = await startHub();
  root = await mkdtemp(path.join(tmpdir(), 'drill-'));
  const dirs = { daysDir: path.join(root, 'days'), linksDir: path.join(root, 'links'), trendingDir: path.join(root, 'trending') };
  let previousLinks = new Map<string, PaperLinks>();
  let previousDays = new Map<string, string[]>();
  for (const { today, trouble } of RUNS) {
    const answered = new Map<string, { status: number; models: number }>();
    hub.handle(serve(today, trouble, answered));
    const now = () => new Date(`${today}T07:17:00.000Z`);
    const args = parseSnapshotArgs(['--refresh', '3', '--links', '--trending', '--links-budget', '60'], now());
    const env = { ...dirs, endpoint: hub.endpoint, log: () => {}, now, http: { paceMs: 0, sleep: async () => {}, maxRetryAfterMs: 60_000 } };
    reports.push(await runSnapshot(args, env));

    // No day is invented: every paper of a day file is one the hub listed that day.
    const days = new Map<string, string[]>();
    for (const day of await dayFiles.readAll(dirs.daysDir)) {
      days.set(
        day.date,
        day.papers.map((p) => p.id),
      );
      const listed = new Set((listing.get(day.date) ?? []).map((item) => (item.paper as { id: string }).id));
      for (const paper of day.papers) if (!listed.has(paper.id)) problems.push(`${today}: ${paper.id} is in ${day.date}, a day the hub did not list it on`);
    }
    // Nothing captured is lost: every day and every paper of it stays.
    for (const [date, ids] of previousDays) for (const id of ids) if (!days.get(date)?.includes(id)) problems.push(`${today}: ${id} left ${date}`);
    // Nothing recorded is replaced by less: models go only when the hub answered that it has none.
    const links = new Map((await linksFiles.readAll(dirs.linksDir)).flatMap((day) => Object.entries(day.papers)));
    for (const [id, before] of previousLinks) {
      const after = links.get(id);
      if (!after) problems.push(`${today}: the links of ${id} are gone`);
      else if (before.models && !after.models && !(answered.get(id)?.status === 200 && answered.get(id)?.models === 0))
        problems.push(`${today}: ${id} lost its models`);
      else if (before.modelsSince && after.modelsSince !== before.modelsSince) problems.push(`${today}: ${id} changed when its models came out`);
    }
    previousLinks = links;
    previousDays = days;
    // As the workflow builds: Astro's cache (its pages) and each year's search index kept between runs.
    last = await buildSite(dirs.daysDir, { ...buildEnv(dirs), CACHE_DIR: path.join(root, 'astro-cache'), SEARCH_CACHE_DIR: path.join(root, 'search-cache') });
    await checkFeeds(last, today);
  }
}, 600_000);
afterAll(() => hub.close());

describe('six weeks of scheduled runs against a hub that changes', () => {
  it('builds after every run, loses nothing, invents no day, and changes no published item', () => {
    expect(reports).toHaveLength(RUNS.length);
    expect(problems).toEqual([]);
  });

  it('builds, with Astro’s and the search index’s caches carried across every run, the same site as a clean build', async () => {
    const clean = await buildSite(
      path.join(root, 'days'),
      buildEnv({ daysDir: path.join(root, 'days'), linksDir: path.join(root, 'links'), trendingDir: path.join(root, 'trending') }),
    );
    expect(clean.output).not.toContain('reused');
    expect(clean.output).not.toContain('(restored)');
    // The last run copied pages from the one before, and changed nothing by it.
    expect(last.output).toContain('(restored)');
    expect(await treeDifferences(last.dist, clean.dist)).toEqual([]);
  });

  it('stops the run in the 503 storm and on the long 429, each with one line, and goes on at the next', () => {
    const storm = reports[6]!;
    expect(storm.stop?.reason).toBe('failing');
    expect(isHubTrouble(storm.stop)).toBe(true);
    const refused = reports[8]!;
    expect(refused.stop?.reason).toBe('refused');
    // The window's days came before trending: kept.
    expect(refused.days.filter((d) => d.status === 'written' || d.status === 'unchanged').length).toBeGreaterThan(0);
    expect(reports[9]!.stop).toBeUndefined();
  });

  it('keeps a paper whose models were taken down released, with its date, and a paper answering 404 with its models', async () => {
    const links = new Map((await linksFiles.readAll(path.join(root, 'links'))).flatMap((day) => Object.entries(day.papers)));
    expect(links.get(A)).toMatchObject({ modelsSince: '2026-03-06T07:17:00.000Z' });
    expect(links.get(A)).not.toHaveProperty('models');
    expect(links.get(B)).toMatchObject({ models: { total: 1 }, modelsSince: '2026-03-06T07:17:00.000Z' });
    expect(links.get(B)).not.toHaveProperty('unanswered');
    expect([...seen.released.keys()].sort()).toEqual([`https://papers.example.org/papers/${A}/`, `https://papers.example.org/papers/${B}/`]);
  });

  it('captures the older paper’s day whole from the listing, and no day for the paper listed nowhere', async () => {
    const days = (await readdir(path.join(root, 'days'))).filter((f) => f.endsWith('.json'));
    expect(days).toContain('2026-02-16.json');
    expect(days).not.toContain('2026-02-15.json');
    expect(days).not.toContain('2026-02-20.json');
    const last = JSON.parse(await readFile(path.join(root, 'trending', '2026-04-13.json'), 'utf8')).papers as { id: string; listed?: string; title?: string }[];
    expect(last.find((e) => e.id === '2602.16001')).toMatchObject({ listed: '2026-02-16' });
    expect(last.find((e) => e.id === '2602.99999')).toMatchObject({ title: 'Listed Nowhere' });
    expect(last.find((e) => e.id === '2602.99999')).not.toHaveProperty('listed');
    expect(seen.trending.size).toBeGreaterThan(5);
  });
});
