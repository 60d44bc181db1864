// One snapshot run as the workflow makes it (scripts/lib/capture/run.ts), in this process, against
// a local hub: the refresh window first, then trending and links, then history, under one policy;
// a run the hub stops leaves what it did not reach, and says so.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayFiles } from '../../scripts/lib/capture/days/store.ts';
import { linksFiles } from '../../scripts/lib/capture/links/store.ts';
import { parseSnapshotArgs } from '../../scripts/lib/capture/options.ts';
import { stopLine } from '../../scripts/lib/capture/report.ts';
import { EMPTY_RUN, joined, runSnapshot, snapshotEnv } from '../../scripts/lib/capture/run.ts';
import { listDates } from '../../scripts/lib/capture/store.ts';
import { trendingFiles } from '../../scripts/lib/capture/trending/store.ts';
import { apiItem } from '../helpers/items.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

const TODAY = '2026-03-13';
const now = () => new Date(`${TODAY}T07:17:00.000Z`);
let hub: FakeHub;
let root: string;
let failTrending: boolean;

beforeEach(async () => {
  hub = await startHub();
  root = await mkdtemp(path.join(tmpdir(), 'run-'));
  failTrending = false;
  hub.handle((_req, res, url) => {
    if (url.pathname.startsWith('/api/papers/')) return json(res, { id: url.pathname.slice(12), numTotalModels: 0, linkedModels: [] });
    if (url.searchParams.get('sort') === 'trending') {
      if (failTrending) return void res.writeHead(503).end('busy');
      return json(res, [apiItem({ id: '2603.13001', date: '2026-03-13' })]);
    }
    const date = url.searchParams.get('date')!;
    json(res, url.searchParams.get('p') === '0' ? [apiItem({ id: `2603.${date.slice(8)}001`, date })] : []);
  });
});
afterEach(() => hub.close());

const run = (...argv: string[]) =>
  runSnapshot(parseSnapshotArgs(argv, now()), {
    ...snapshotEnv(
      { DAYS_DIR: path.join(root, 'days'), LINKS_DIR: path.join(root, 'links'), TRENDING_DIR: path.join(root, 'trending'), HF_ENDPOINT: hub.endpoint },
      () => {},
    ),
    now,
    http: { paceMs: 0, retries: 0, sleep: async () => {} },
  });

describe('a snapshot run', () => {
  it('captures the refresh window, then the trending list and the links, then history, and reports each', async () => {
    const report = await run('--from', '2026-03-09', '--missing', '--refresh', '1', '--trending', '--links');
    const order = hub.requests.map((r) => (r.includes('sort=trending') ? 'trending' : r.startsWith('/api/papers/') ? 'links' : r.match(/date=([\d-]+)/)![1]));
    // The window (the 12th and 13th), trending, the links due of what is held then (listed a day ago), history (9th to 11th).
    expect(order).toEqual(['2026-03-12', '2026-03-13', 'trending', 'links', '2026-03-09', '2026-03-10', '2026-03-11']);
    expect(report).toMatchObject({
      written: 5,
      added: 5,
      failed: 0,
      remaining: [],
      trending: { written: true, papers: 1 },
      links: { due: 1, asked: 1, answered: 1 },
    });
    expect(report.stop).toBeUndefined();
    expect(report.requests).toBe(7);
    expect(await listDates(path.join(root, 'days'))).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect((await trendingFiles.read(path.join(root, 'trending'), TODAY))!.papers[0]).toMatchObject({ id: '2603.13001', listed: '2026-03-13' });
    expect(Object.keys((await linksFiles.read(path.join(root, 'links'), '2026-03-12'))!.papers)).toEqual(['2603.12001']);
  });

  it('stops at once when the hub is in trouble, leaving the rest of the days and the links for the next run, and says so', async () => {
    let calls = 0;
    hub.handle((_req, res, url) => {
      // The window's first day answers; then every request is a server error.
      if (calls++ === 0) return json(res, [apiItem({ id: '2603.12001', date: url.searchParams.get('date')! })]);
      res.writeHead(503).end('busy');
    });
    const report = await run('--from', '2026-03-09', '--missing', '--refresh', '1', '--trending', '--links');
    expect(report.stop).toMatchObject({ reason: 'failing' });
    expect(report.remaining).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    // The trending request was the third server error in a row: its error, and the run's stop.
    expect(report.trending).toMatchObject({ written: false, error: expect.stringMatching(/HTTP 503 after 1 attempts$/) });
    expect(report.links).toMatchObject({ asked: 0, remaining: 1, stopped: { reason: 'failing' } });
    expect((await dayFiles.read(path.join(root, 'days'), '2026-03-12'))!.papers).toHaveLength(1);
    expect(stopLine(report)).toMatch(
      /^stopped: the hub answered 3 requests in a row with a server error \(.+\); everything captured is kept, 3 days, 1 paper to ask the hub about, today's trending list left for the next run$/,
    );
  });

  it('stops starting work at its time budget, the rest left for the next run', async () => {
    const report = await run('--from', '2026-03-09', '--missing', '--refresh', '0', '--budget', '0');
    expect(report.days).toEqual([]);
    expect(report.stop).toEqual({ reason: 'time', detail: 'the run’s time budget is spent' });
    expect(report.remaining).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
    expect(stopLine(report)).toBe('stopped: budget reached, 5 days left');
    expect(hub.requests).toEqual([]);
  });

  it('records a trending answer it cannot use as an error, and goes on with the links and history', async () => {
    failTrending = true;
    const report = await run('--date', '2026-03-12', '--trending', '--links');
    expect(report.trending?.error).toMatch(/sort=trending&limit=50 HTTP 503 after 1 attempts$/);
    expect(report.stop).toBeUndefined();
    expect(report.links).toMatchObject({ asked: 1 });
  });
});

describe('joined', () => {
  it('adds two runs of the day capture up, the first stop kept', () => {
    const first = { ...EMPTY_RUN, written: 1, added: 2, failed: 1, remaining: ['2026-03-10'], days: [] };
    const second = { ...EMPTY_RUN, written: 2, added: 3, remaining: ['2026-03-09'], stopped: { reason: 'time' as const, detail: 'x' } };
    expect(joined(first, second)).toEqual({
      days: [],
      written: 3,
      added: 5,
      failed: 1,
      remaining: ['2026-03-09', '2026-03-10'],
      stopped: { reason: 'time', detail: 'x' },
    });
    expect(joined(EMPTY_RUN, EMPTY_RUN)).toEqual(EMPTY_RUN);
  });
});
