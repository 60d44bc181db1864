// The hub's trending list, kept day by day: the capture against a real HTTP server on 127.0.0.1
// answering /api/daily_papers?sort=trending, and what the site derives from the lists.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCapture } from '../../scripts/lib/capture/days/capture.ts';
import { HttpClient } from '../../scripts/lib/capture/http.ts';
import { dayFiles } from '../../scripts/lib/capture/days/store.ts';
import { candidateDays, captureTrending, formatTrending, TRENDING_REQUESTS, trendingUrl } from '../../scripts/lib/capture/trending/capture.ts';
import { CapturePolicy } from '../../scripts/lib/capture/policy.ts';
import { loadArchive } from '../../scripts/lib/load-archive.ts';
import { serializeTrendingDay, trendingFiles } from '../../scripts/lib/capture/trending/store.ts';
import { TrendingDay } from '../../src/lib/schema.ts';
import { movementLabel, movements, movementText, topTenEntries, trendingRecords } from '../../src/lib/trending.ts';
import { apiItem } from '../helpers/items.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

const item = (n: number, date = '2026-03-05', upvotes = 100 - n) => apiItem({ id: `2603.${String(10000 + n)}`, date, upvotes });

describe('a day’s movement and each paper’s record', () => {
  const entry = (id: string, rank: number) => ({ rank, id, upvotes: 1, listed: '2026-03-05', firstSeenAt: '2026-03-05T19:00:00.000Z' });
  const day = (date: string, ids: string[]): TrendingDay => ({ date, capturedAt: `${date}T19:00:00.000Z`, papers: ids.map((id, i) => entry(id, i + 1)) });
  const monday = day('2026-03-09', ['a', 'b', 'c', 'd']);
  const tuesday = day('2026-03-10', ['c', 'a', 'e', 'b']);

  it('says new, up, down or the same against the day before', () => {
    const moved = movements(tuesday, monday);
    expect(['c', 'a', 'e', 'b'].map((id) => movementText(moved.get(id)!))).toEqual(['▲ 2', '▼ 1', 'new', '▼ 2']);
    expect(movementLabel(moved.get('c')!)).toBe('up 2 places since the day before');
    expect(movementLabel(moved.get('a')!)).toBe('down 1 place since the day before');
    expect(movementText(movements(monday, monday).get('a')!)).toBe('=');
    expect(movementLabel(movements(monday, monday).get('a')!)).toBe('same place as the day before');
    expect(movementLabel(moved.get('e')!)).toBe('new on the list');
    expect([...movements(monday, undefined).values()].every((m) => m.kind === 'new')).toBe(true);
  });

  it('keeps each paper’s best rank and its days on the list', () => {
    expect(trendingRecords([tuesday, monday]).get('c')).toEqual({ best: 1, days: ['2026-03-09', '2026-03-10'] });
    expect(trendingRecords([tuesday, monday]).get('e')).toEqual({ best: 3, days: ['2026-03-10'] });
    // Days come in any order (files as read); the record lists them oldest first.
    const wednesday = day('2026-03-11', ['a']);
    expect(trendingRecords([tuesday, wednesday, monday]).get('a')).toEqual({ best: 1, days: ['2026-03-09', '2026-03-10', '2026-03-11'] });
    expect(trendingRecords([wednesday, monday, tuesday]).get('a')!.days).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
  });

  it('refuses a list whose ranks skip or repeat a paper, naming the entry', () => {
    const [a, b] = ['2603.00001', '2603.00002'];
    const result = TrendingDay.safeParse({ ...monday, papers: [entry(a, 1), entry(b, 3), entry(a, 3)] });
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['papers.1.rank', 'rank 3 at position 2'],
      ['papers.2.id', `duplicate paper ${a}`],
    ]);
    expect(TrendingDay.safeParse({ ...monday, papers: [entry(a, 1), entry(b, 2)] }).success).toBe(true);
  });

  it('dates a top-ten entry at the earliest sighting whatever the order of the days, and leaves out papers never in the top ten', () => {
    const seen = (d: TrendingDay, at: Record<string, string>) => ({ ...d, papers: d.papers.map((e) => (at[e.id] ? { ...e, top10At: at[e.id] } : e)) });
    const later = seen(tuesday, { a: '2026-03-10T19:00:00.000Z', c: '2026-03-10T19:00:00.000Z' });
    const earlier = seen(monday, { a: '2026-03-09T07:00:00.000Z' });
    for (const days of [
      [later, earlier],
      [earlier, later],
    ]) {
      expect(topTenEntries(days).map((t) => [t.id, t.at])).toEqual([
        ['c', '2026-03-10T19:00:00.000Z'],
        ['a', '2026-03-09T07:00:00.000Z'],
      ]);
    }
  });

  it('says the rank and upvotes a paper had when it entered the top ten, whatever it did after', () => {
    const entered = { ...entry('p', 7), upvotes: 40, top10At: '2026-03-09T07:00:00.000Z', top10Rank: 4, top10Upvotes: 30 };
    const later = { date: '2026-03-12', capturedAt: '2026-03-12T19:00:00.000Z', papers: [{ ...entered, rank: 1, upvotes: 300 }] };
    const first = { date: '2026-03-09', capturedAt: '2026-03-09T19:00:00.000Z', papers: [entered] };
    expect(topTenEntries([later, first])).toEqual([{ id: 'p', at: '2026-03-09T07:00:00.000Z', rank: 4, upvotes: 30, listed: '2026-03-05' }]);
    // Lists kept before the rank at entry was recorded: the first day's, not the newest day's.
    const strip = ({ top10Rank: _r, top10Upvotes: _u, ...rest }: typeof entered) => rest;
    const old = [
      { ...later, papers: [strip({ ...entered, rank: 1, upvotes: 300 })] },
      { ...first, papers: [strip(entered)] },
    ];
    expect(topTenEntries(old)).toEqual([{ id: 'p', at: '2026-03-09T07:00:00.000Z', rank: 7, upvotes: 40, listed: '2026-03-05' }]);
  });

  it('gives each paper one top-ten entry, at its first, newest first', () => {
    const a = { ...tuesday, papers: tuesday.papers.map((e) => ({ ...e, top10At: e.id === 'e' ? '2026-03-10T19:00:00.000Z' : '2026-03-09T19:00:00.000Z' })) };
    const b = { ...monday, papers: monday.papers.map((e) => ({ ...e, top10At: '2026-03-09T19:00:00.000Z' })) };
    expect(topTenEntries([a, b]).map((t) => [t.id, t.at])).toEqual([
      ['e', '2026-03-10T19:00:00.000Z'],
      ['a', '2026-03-09T19:00:00.000Z'],
      ['b', '2026-03-09T19:00:00.000Z'],
      ['c', '2026-03-09T19:00:00.000Z'],
      ['d', '2026-03-09T19:00:00.000Z'],
    ]);
  });
});

describe('the trending capture, against a local hub', () => {
  let hub: FakeHub;
  let root: string;
  let client: HttpClient;
  let list: unknown[];
  const days = () => path.join(root, 'days');
  const dir = () => path.join(root, 'trending');
  const listing = new Map<string, unknown[]>();

  beforeEach(async () => {
    hub = await startHub();
    root = await mkdtemp(path.join(tmpdir(), 'trending-'));
    client = new HttpClient({ paceMs: 0, retries: 0, sleep: async () => {} });
    listing.clear();
    hub.handle((_req, res, url) => {
      if (url.searchParams.get('sort') === 'trending') return json(res, list);
      json(res, listing.get(url.searchParams.get('date')!) ?? []);
    });
    // The archive holds 5 March with papers 0 to 11.
    await runCapture(
      [{ date: '2026-03-05', load: async () => ({ items: Array.from({ length: 12 }, (_, n) => item(n)) as never, source: 'input' as const }) }],
      days(),
    );
  });
  afterEach(async () => {
    await client.close();
    await hub.close();
  });
  /** As the run does: the archive's listing days, read before the capture. */
  const capture = async (at: string, policy = new CapturePolicy()) => {
    const archive = await loadArchive(days(), path.join(root, 'links'));
    return captureTrending({
      daysDir: days(),
      dir: dir(),
      step: policy.step(client, TRENDING_REQUESTS),
      endpoint: hub.endpoint,
      held: (id) => archive.papers.get(id)?.days,
      now: () => new Date(at),
    });
  };

  it('records the ranks, upvotes and listing days, and carries first sightings and the top ten across days', async () => {
    list = [3, 1, 2, 0, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => item(n));
    const first = await capture('2026-03-06T07:17:00Z');
    expect(hub.requests).toEqual(['/api/daily_papers?sort=trending&limit=50']);
    expect(first).toMatchObject({ date: '2026-03-06', papers: 12, written: true, captured: [], unplaced: [] });
    expect(first.top10).toHaveLength(10);
    const day = (await trendingFiles.read(dir(), '2026-03-06'))!;
    expect(day.papers[0]).toEqual({
      rank: 1,
      id: '2603.10003',
      upvotes: 97,
      listed: '2026-03-05',
      firstSeenAt: '2026-03-06T07:17:00.000Z',
      top10At: '2026-03-06T07:17:00.000Z',
      top10Rank: 1,
      top10Upvotes: 97,
    });
    expect(day.papers[10]).not.toHaveProperty('top10At');
    // The next day the eleventh climbs into the top ten: one new top-ten entry, dated by this capture, with its rank then.
    list = [item(10), item(3), item(1)];
    const next = await capture('2026-03-07T07:17:00Z');
    expect(next.top10).toEqual(['2603.10010']);
    const tuesday = (await trendingFiles.read(dir(), '2026-03-07'))!;
    expect(tuesday.papers.map((e) => [e.id, e.firstSeenAt, e.top10At, e.top10Rank])).toEqual([
      ['2603.10010', '2026-03-06T07:17:00.000Z', '2026-03-07T07:17:00.000Z', 1],
      ['2603.10003', '2026-03-06T07:17:00.000Z', '2026-03-06T07:17:00.000Z', 1],
      ['2603.10001', '2026-03-06T07:17:00.000Z', '2026-03-06T07:17:00.000Z', 2],
    ]);
    expect(movements(tuesday, day).get('2603.10010')).toEqual({ kind: 'up', by: 10 });
    // Later captures of the same day replace its list, keeping the first sightings and the entry's rank.
    list = [item(1), item(10)];
    await capture('2026-03-07T19:17:00Z');
    expect((await trendingFiles.read(dir(), '2026-03-07'))!.papers.map((e) => [e.id, e.top10At, e.top10Rank])).toEqual([
      ['2603.10001', '2026-03-06T07:17:00.000Z', 2],
      ['2603.10010', '2026-03-07T07:17:00.000Z', 1],
    ]);
    expect(topTenEntries([(await trendingFiles.read(dir(), '2026-03-07'))!, day]).filter((t) => t.id === '2603.10010')).toHaveLength(1);
  });

  it('captures a paper listed on a day the archive lacks into that day, whole, from the hub’s listing of it', async () => {
    const other = apiItem({ id: '2603.20000', date: '2026-03-04', upvotes: 50 });
    listing.set('2026-03-04', [other, apiItem({ id: '2603.20001', date: '2026-03-04', upvotes: 3 })]);
    list = [other, item(1)];
    const summary = await capture('2026-03-06T07:17:00Z');
    expect(summary.captured).toEqual(['2603.20000']);
    expect((await dayFiles.read(days(), '2026-03-04'))!.papers.map((p) => p.id)).toEqual(['2603.20000', '2603.20001']);
    expect((await trendingFiles.read(dir(), '2026-03-06'))!.papers[0]!.listed).toBe('2026-03-04');
    expect(formatTrending(summary)).toBe('trending 2026-03-06: 2 papers, 2 new, 2 new in the top ten; 1 captured into its day');
  });

  it('adds a paper missing from a day the archive holds with that day’s whole listing, keeping the others', async () => {
    listing.set('2026-03-05', [...Array.from({ length: 12 }, (_, n) => item(n)), item(40)]);
    list = [item(40), item(1)];
    const summary = await capture('2026-03-06T07:17:00Z');
    expect(summary.captured).toEqual(['2603.10040']);
    expect((await dayFiles.read(days(), '2026-03-05'))!.papers).toHaveLength(13);
    expect(hub.requests.filter((r) => r.includes('date='))).toEqual(['/api/daily_papers?date=2026-03-05&limit=50&p=0']);
  });

  it('finds an older item without submittedOnDailyAt on the day after its evening time, and never writes a day the hub did not list it on', async () => {
    // Listed 5 March 2025; the item of that era carries only its list time, the evening before in UTC.
    const old = apiItem({ id: '2503.01234', date: '2025-03-05', era: '2024' }) as { paper: Record<string, unknown>; publishedAt: string };
    old.publishedAt = '2025-03-04T22:25:00.000Z';
    old.paper.publishedAt = '2025-03-03T17:00:00.000Z';
    listing.set('2025-03-05', [old, apiItem({ id: '2503.09999', date: '2025-03-05', era: '2024' })]);
    list = [old];
    const summary = await capture('2026-03-06T07:17:00Z');
    expect(summary.captured).toEqual(['2503.01234']);
    expect(hub.requests.filter((r) => r.includes('date='))).toEqual([
      '/api/daily_papers?date=2025-03-04&limit=50&p=0',
      '/api/daily_papers?date=2025-03-05&limit=50&p=0',
    ]);
    expect(await dayFiles.read(days(), '2025-03-04')).toBeUndefined();
    expect((await dayFiles.read(days(), '2025-03-05'))!.papers.map((p) => p.id)).toEqual(['2503.01234', '2503.09999']);
  });

  it('keeps a paper whose listing day is not found on the list, with its title and no day, and invents no day', async () => {
    const lost = apiItem({ id: '2503.04444', date: '2025-03-05', era: '2024', title: 'A Lost $\\tau$ Paper' });
    list = [lost, item(1)];
    const summary = await capture('2026-03-06T07:17:00Z');
    expect(summary).toMatchObject({ captured: [], unplaced: ['2503.04444'], written: true });
    const entry = (await trendingFiles.read(dir(), '2026-03-06'))!.papers[0]!;
    expect(entry).toMatchObject({ id: '2503.04444', title: 'A Lost $\\tau$ Paper' });
    expect(entry).not.toHaveProperty('listed');
    expect((await readdir(days())).filter((f) => f.endsWith('.json'))).toEqual(['2026-03-05.json']);
    expect(formatTrending(summary)).toBe('trending 2026-03-06: 2 papers, 2 new, 2 new in the top ten; 1 without a listing day found');
  });

  it('keeps the day’s list as it was on an empty, HTML or broken answer, and says why in one line', async () => {
    list = [item(1)];
    await capture('2026-03-06T07:17:00Z');
    const kept = await readFile(path.join(dir(), '2026-03-06.json'), 'utf8');
    for (const [answer, problem] of [
      [[], 'returned an empty list'],
      ['<!doctype html><p>busy</p>', 'returned HTML, not JSON'],
      ['[{"paper":', 'returned a body that is not valid JSON (10 bytes, truncated?)'],
    ] as const) {
      hub.handle((_req, res) =>
        typeof answer === 'string'
          ? res.writeHead(200, { 'content-type': answer.startsWith('<') ? 'text/html' : 'application/json' }).end(answer)
          : json(res, answer),
      );
      const summary = await capture('2026-03-06T19:17:00Z');
      expect(summary.error).toBe(`${trendingUrl(hub.endpoint)} ${problem}`);
      expect(summary).toMatchObject({ written: false, papers: 1 });
      expect(await readFile(path.join(dir(), '2026-03-06.json'), 'utf8')).toBe(kept);
    }
  });

  it('asks nothing once the run has stopped, and says the list was not recorded', async () => {
    list = [item(1)];
    const policy = new CapturePolicy({ deadline: Date.now() - 1 });
    const summary = await capture('2026-03-06T07:17:00Z', policy);
    expect(summary).toMatchObject({ written: false, stopped: { reason: 'time' } });
    expect(hub.requests).toEqual([]);
    expect(formatTrending(summary)).toBe('trending 2026-03-06: not recorded (stopped: the run’s time budget is spent)');
  });

  it('writes files the schema reads back, byte for byte the same', async () => {
    list = [item(1), item(2)];
    await capture('2026-03-06T07:17:00Z');
    const text = await readFile(path.join(dir(), '2026-03-06.json'), 'utf8');
    expect(serializeTrendingDay(TrendingDay.parse(JSON.parse(text)))).toBe(text);
    const papers = JSON.parse(text).papers;
    expect(TrendingDay.safeParse({ ...JSON.parse(text), papers: [{ ...papers[1], rank: 1 }, papers[1]] }).error!.issues.map((i) => i.message)).toEqual([
      'duplicate paper 2603.10002',
    ]);
    expect(TrendingDay.safeParse({ ...JSON.parse(text), papers: [papers[1]] }).error!.issues.map((i) => i.message)).toEqual(['rank 2 at position 1']);
  });
});

describe('the days a trending paper may have been listed on', () => {
  it('are the day the hub says it was listed, then the day of its list time and the next, then the day after arXiv', () => {
    const recent = apiItem({ id: '2603.00001', date: '2026-03-05' }) as never;
    expect(candidateDays(recent, '2026-12-01')).toEqual(['2026-03-05', '2026-03-06']);
    const old = { ...(apiItem({ id: '2503.00001', date: '2025-03-05', era: '2024' }) as object), publishedAt: '2025-03-04T22:25:00.000Z' } as never;
    expect(candidateDays(old, '2026-12-01')).toEqual(['2025-03-04', '2025-03-05', '2025-03-06']);
    // Never before Daily Papers began, never after today.
    expect(candidateDays({ ...(old as object), publishedAt: '2023-05-03T10:00:00.000Z' } as never, '2026-12-01')).toEqual(['2025-03-06']);
    expect(candidateDays(recent, '2026-03-05')).toEqual(['2026-03-05']);
  });
});
