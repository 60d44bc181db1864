// The whole history from a fresh fork: budgeted runs that stop cleanly, rerun with --missing,
// never ask for a day twice, remember empty days, and lose nothing when killed. A real process
// against a real HTTP server on 127.0.0.1 that answers each request after a delay, like the hub.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../scripts/lib/capture/days/capture.ts';
import { dateRange } from '../../src/lib/dates.ts';
import { Day } from '../../src/lib/schema.ts';
import { apiItem } from '../helpers/items.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

const run = promisify(execFile);
let hub: FakeHub;
let dir: string;
let listings: Record<string, unknown[]>;

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** Two papers on each weekday, none at weekends: like the hub. */
const listingsFor = (dates: string[]) =>
  Object.fromEntries(
    dates
      .filter((d) => !isWeekend(d))
      .map((d) => [d, [1, 2].map((n) => apiItem({ id: `${d.slice(2, 4)}${d.slice(5, 7)}.${d.slice(8, 10)}00${n}`, upvotes: 3 - n, date: d }))]),
  );

/** Dates asked for, once per request (paging would show up as repeats). */
const asked = () => hub.requests.map((r) => new URL(r, 'http://x').searchParams.get('date')!);

async function snapshot(...args: string[]): Promise<{ code: number; stdout: string; summary: RunSummary }> {
  const summaryFile = path.join(dir, '..', `summary-${path.basename(dir)}.json`);
  const env = { ...process.env, HF_ENDPOINT: hub.endpoint, DAYS_DIR: dir, HF_TOKEN: '' };
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, ['scripts/snapshot.ts', '--pace-ms', '0', '--summary', summaryFile, ...args], { env }));
  } catch (error) {
    ({ code, stdout } = error as { code: number; stdout: string });
  }
  return { code, stdout, summary: JSON.parse(await readFile(summaryFile, 'utf8')) as RunSummary };
}

const held = async () => (await readdir(dir)).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).map((name) => name.slice(0, 10));
const emptyDays = async () => (JSON.parse(await readFile(path.join(dir, 'empty-days.json'), 'utf8')) as { days: string[] }).days;

beforeEach(async () => {
  hub = await startHub();
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'backfill-')), 'days');
  // Every answer takes 150 ms, as a distant server's would.
  hub.handle((_req, res, url) => {
    setTimeout(() => {
      if (url.pathname !== '/api/daily_papers') return void res.writeHead(404).end();
      json(res, listings[url.searchParams.get('date')!] ?? []);
    }, 150);
  });
});
afterEach(() => hub.close());

const RANGE = dateRange('2024-03-01', '2024-03-14'); // a Friday to a Thursday: two weekends

describe('a budgeted backfill', () => {
  it('stops starting days at its budget, keeps every finished day, says how many are left, and exits 0', async () => {
    listings = listingsFor(RANGE);
    const first = await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing', '--budget', '1');
    expect(first.code).toBe(0);
    const done = first.summary.days.map((d) => d.date);
    expect(done.length).toBeGreaterThan(1);
    expect(done.length).toBeLessThan(RANGE.length);
    expect(first.summary.stopped).toMatchObject({ reason: 'time' });
    expect(first.stdout).toContain(`stopped: budget reached, ${first.summary.remaining.length} days left`);
    // The window (the last day) first, then history from its start.
    expect(done[0]).toBe('2024-03-14');
    expect(done.slice(1)).toEqual(RANGE.slice(0, done.length - 1));
    expect(first.summary.remaining).toEqual(RANGE.filter((d) => !done.includes(d)));
    for (const date of await held()) {
      const day = Day.parse(JSON.parse(await readFile(path.join(dir, `${date}.json`), 'utf8')));
      expect(day.papers, date).toHaveLength(2);
    }
    expect((await held()).sort()).toEqual(done.filter((d) => !isWeekend(d)).sort());
  });

  it('reruns with --missing until every day is exact, asking the hub for nothing twice', async () => {
    listings = listingsFor(RANGE);
    let runs = 0;
    let summary: RunSummary;
    do {
      ({ summary } = await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing', '--refresh', '0', '--budget', '1'));
      runs++;
    } while (summary.stopped && runs < 20);
    expect(runs).toBeGreaterThan(1);
    expect(summary.remaining).toEqual([]);
    // Each day once; only the window's day (the last) is asked again on every run, by design.
    const counts = new Map<string, number>();
    for (const date of asked()) counts.set(date, (counts.get(date) ?? 0) + 1);
    for (const date of RANGE.slice(0, -1)) expect(counts.get(date), date).toBe(1);
    expect(counts.get('2024-03-14')).toBe(runs);
    expect((await held()).sort()).toEqual(RANGE.filter((d) => !isWeekend(d)));
    expect(await emptyDays()).toEqual(RANGE.filter(isWeekend));
    // A further run has nothing left but the window.
    hub.requests.length = 0;
    const last = await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing');
    expect(asked()).toEqual(['2024-03-14']);
    expect(last.stdout).toContain('1 day: 0 written, 1 unchanged');
  });

  it('does not ask again for days confirmed empty, but a weekend that gains papers is caught by the refresh window', async () => {
    listings = listingsFor(RANGE);
    await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing');
    expect(await emptyDays()).toEqual(['2024-03-02', '2024-03-03', '2024-03-09', '2024-03-10']);
    // The hub lists papers on Saturday the 9th after all (it does list some weekends).
    listings['2024-03-09'] = [apiItem({ id: '2403.09999', upvotes: 4, date: '2024-03-09' })];
    hub.requests.length = 0;
    await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing', '--refresh', '3');
    expect(asked().sort()).toEqual(['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14']);
    expect(await held()).not.toContain('2024-03-09');
    // Within a later run's window it is picked up, and no longer recorded as empty.
    hub.requests.length = 0;
    const later = await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing', '--refresh', '6');
    expect(asked()).toEqual(dateRange('2024-03-08', '2024-03-14'));
    expect(later.summary.days.find((d) => d.date === '2024-03-09')).toMatchObject({ status: 'written', added: 1 });
    expect(await emptyDays()).toEqual(['2024-03-02', '2024-03-03', '2024-03-10']);
  });

  it('loses no finished day when killed mid-run, and the rerun asks only for what is missing', async () => {
    listings = listingsFor(RANGE);
    const env = { ...process.env, HF_ENDPOINT: hub.endpoint, DAYS_DIR: dir, HF_TOKEN: '' };
    const child = spawn(
      process.execPath,
      ['scripts/snapshot.ts', '--pace-ms', '0', '--from', '2024-03-01', '--to', '2024-03-14', '--missing', '--refresh', '0'],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        if (lines.length >= 5) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const finished = lines.map((line) => line.slice(0, 10));
    // Every day the run reported is on disk, whole.
    for (const date of finished.filter((d) => !isWeekend(d))) {
      expect(Day.parse(JSON.parse(await readFile(path.join(dir, `${date}.json`), 'utf8'))).papers, date).toHaveLength(2);
    }
    hub.requests.length = 0;
    const rerun = await snapshot('--from', '2024-03-01', '--to', '2024-03-14', '--missing', '--refresh', '0');
    expect(rerun.summary.remaining).toEqual([]);
    for (const date of finished.filter((d) => d !== '2024-03-14')) expect(asked(), date).not.toContain(date);
    expect((await held()).sort()).toEqual(RANGE.filter((d) => !isWeekend(d)));
  });
});
