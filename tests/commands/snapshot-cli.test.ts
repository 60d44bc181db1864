// The snapshot command as a maintainer runs it: a real process, a real HTTP server on 127.0.0.1.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseApiBody } from '../../scripts/lib/capture/days/hub.ts';
import { Day } from '../../src/lib/schema.ts';
import { apiItem, manyItems } from '../helpers/items.ts';
import { json, listingHandler, startHub, type FakeHub } from '../helpers/server.ts';
import { describeShared, sharedPath } from '../helpers/shared.ts';

const run = promisify(execFile);
let hub: FakeHub;
let dir: string;

async function snapshot(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/snapshot.ts', '--pace-ms', '0', ...args], {
      env: { ...process.env, HF_ENDPOINT: hub.endpoint, DAYS_DIR: dir, HF_TOKEN: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const readDayFile = async (date: string) => Day.parse(JSON.parse(await readFile(path.join(dir, `${date}.json`), 'utf8')));

beforeEach(async () => {
  hub = await startHub();
  dir = await mkdtemp(path.join(tmpdir(), 'days-'));
});
afterEach(() => hub.close());

describe('npm run snapshot', () => {
  it('captures a day with every page, then refreshes it without losing a paper', async () => {
    hub.handle(listingHandler({ '2026-03-06': manyItems(60) }));
    const first = await snapshot('--date', '2026-03-06');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2026-03-06  60 papers  +60 added, 0 updated  (api)');
    // Later the listing drops two papers and adds one: the file keeps all 61.
    hub.handle(listingHandler({ '2026-03-06': [...manyItems(58), apiItem({ id: '2603.99999', upvotes: 500 })] }));
    const second = await snapshot('--date', '2026-03-06');
    expect(second.stdout).toContain('2026-03-06  61 papers  +1 added, 0 updated  (api)');
    const day = await readDayFile('2026-03-06');
    expect(day.papers).toHaveLength(61);
    expect(day.papers[0]?.id).toBe('2603.99999');
  });

  it('keeps a paper listed on two days on both, with --refresh', async () => {
    const shared = apiItem({ id: '2604.07429', upvotes: 30 });
    hub.handle(listingHandler({ '2026-04-09': [apiItem({ id: '2604.00001' }), shared], '2026-04-10': [shared] }));
    const result = await snapshot('--date', '2026-04-10', '--refresh', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2026-04-08 {2}no listing \(weekend or holiday\): nothing written/);
    expect((await readDayFile('2026-04-09')).papers.map((p) => p.id)).toContain('2604.07429');
    expect((await readDayFile('2026-04-10')).papers.map((p) => p.id)).toEqual(['2604.07429']);
    // The empty day is remembered, so a backfill with --missing never asks for it again.
    expect((await readdir(dir)).sort()).toEqual(['2026-04-09.json', '2026-04-10.json', 'empty-days.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'empty-days.json'), 'utf8'))).toEqual({ days: ['2026-04-08'] });
    expect(result.stdout).toContain('3 days: 2 written, 0 unchanged, 1 without a listing, 0 failed; 3 papers added');
  });

  it('on a broken upstream, exits non-zero with one line naming date and URL, and leaves the file as it was', async () => {
    hub.handle(listingHandler({ '2026-03-06': manyItems(3) }));
    await snapshot('--date', '2026-03-06');
    const before = await readFile(path.join(dir, '2026-03-06.json'), 'utf8');
    hub.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Oops</html>'));
    const result = await snapshot('--date', '2026-03-06');
    expect(result.code).toBe(1);
    const errors = result.stderr.trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^error: 2026-03-06: ${hub.endpoint}/api/daily_papers\\?date=2026-03-06\\S* returned HTML, not JSON`));
    expect(await readFile(path.join(dir, '2026-03-06.json'), 'utf8')).toBe(before);
  });

  it('never shrinks a day when the listing comes back empty, unless asked to with --force', async () => {
    hub.handle(listingHandler({ '2026-03-06': manyItems(3) }));
    await snapshot('--date', '2026-03-06');
    const before = await readFile(path.join(dir, '2026-03-06.json'), 'utf8');
    hub.handle(listingHandler({}));
    const result = await snapshot('--date', '2026-03-06');
    expect(result.stdout).toContain('the listing came back empty: kept the 3 papers already captured');
    expect(await readFile(path.join(dir, '2026-03-06.json'), 'utf8')).toBe(before);
    hub.handle(listingHandler({ '2026-03-06': manyItems(1) }));
    await snapshot('--date', '2026-03-06', '--force');
    expect((await readDayFile('2026-03-06')).papers).toHaveLength(1);
  });

  it('--force replaces a day with a listing that is a strict subset of it, with the same values', async () => {
    hub.handle(listingHandler({ '2026-03-06': manyItems(3) }));
    await snapshot('--date', '2026-03-06');
    hub.handle(listingHandler({ '2026-03-06': manyItems(3).slice(0, 2) }));
    const result = await snapshot('--date', '2026-03-06', '--force');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-03-06  2 papers  +0 added, 0 updated, 1 dropped (--force)  (api)');
    expect((await readDayFile('2026-03-06')).papers.map((p) => p.id)).toEqual(['2603.10000', '2603.10001']);
  });

  it('imports a recorded response file, taking its date from the name', async () => {
    const file = path.join(dir, '..', `dump-2026-03-06-${process.pid}.json`);
    await writeFile(file, JSON.stringify(manyItems(4)));
    const result = await snapshot('--input', file);
    expect(result.code).toBe(0);
    expect((await readDayFile('2026-03-06')).papers).toHaveLength(4);
    expect(hub.requests).toEqual([]);
  });

  it('answers bad arguments with one line and exit code 2, and --help with the usage', async () => {
    const result = await snapshot('--from', '2024-05-03', '--to', '2024-05-01');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('snapshot: --from 2024-05-03 is after --to 2024-05-01 (npm run snapshot -- --help lists the options)\n');
    const negative = await snapshot('--budget', '-5');
    expect(negative).toMatchObject({
      code: 2,
      stderr: 'snapshot: --budget -5: expected a whole number of 0 or more (npm run snapshot -- --help lists the options)\n',
    });
    const help = await snapshot('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run snapshot');
  });

  it('with --links, captures the day first, then asks the hub about the papers due, and reports both', async () => {
    const linksDir = path.join(dir, '..', `links-${process.pid}`);
    const summaryFile = path.join(dir, '..', `summary-${process.pid}.json`);
    const listing = listingHandler({ '2026-03-06': manyItems(3) });
    hub.handle((req, res, url) => {
      if (!url.pathname.startsWith('/api/papers/')) return listing(req, res, url);
      const id = url.pathname.slice('/api/papers/'.length);
      if (id.endsWith('10001')) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id, numTotalModels: 1, linkedModels: [{ id: 'lab/model', downloads: 3 }] }));
    });
    const result = await run(process.execPath, ['scripts/snapshot.ts', '--pace-ms', '0', '--date', '2026-03-06', '--links', '--summary', summaryFile], {
      env: { ...process.env, HF_ENDPOINT: hub.endpoint, DAYS_DIR: dir, LINKS_DIR: linksDir, HF_TOKEN: '' },
    });
    // The day first, then its papers (months old by the real clock: due) on the hub.
    expect(hub.requests[0]).toBe('/api/daily_papers?date=2026-03-06&limit=50&p=0');
    expect(hub.requests.filter((r) => r.startsWith('/api/papers/')).sort()).toEqual([
      '/api/papers/2603.10000',
      '/api/papers/2603.10001',
      '/api/papers/2603.10002',
    ]);
    expect(result.stdout).toContain('links: 3 asked (2 answered, 1 answered 404, 0 failed); 3 due; 2 newly with models');
    const links = JSON.parse(await readFile(path.join(linksDir, '2026-03-06.json'), 'utf8'));
    expect(Object.keys(links.papers).sort()).toEqual(['2603.10000', '2603.10001', '2603.10002']);
    // A 404 is no answer: the paper is marked to be asked again soon, with nothing else recorded.
    expect(links.papers['2603.10001']).toEqual({ unanswered: { since: expect.any(String), at: expect.any(String), times: 1, problem: 'HTTP 404' } });
    const report = JSON.parse(await readFile(summaryFile, 'utf8'));
    expect(report).toMatchObject({ written: 1, links: { due: 3, asked: 3, released: ['2603.10000', '2603.10002'] } });
    const { commitMessage } = await import('../../scripts/lib/capture/report.ts');
    expect(commitMessage(report)).toBe('2026-03-06: 3 papers (+3)\n\nlinks: 3 papers checked, 2 newly with models');
    // Links alone: no listing is asked, and nothing is due again yet.
    hub.requests.length = 0;
    const again = await run(process.execPath, ['scripts/snapshot.ts', '--pace-ms', '0', '--links'], {
      env: { ...process.env, HF_ENDPOINT: hub.endpoint, DAYS_DIR: dir, LINKS_DIR: linksDir, HF_TOKEN: '' },
    });
    expect(again.stdout).toContain('links: 0 asked');
    expect(hub.requests).toEqual([]);
  });

  it('with --trending alone, records only the day’s trending list, and the run says so', async () => {
    const trendingDir = path.join(dir, '..', `trending-${process.pid}`);
    const summaryFile = path.join(dir, '..', `summary-trending-${process.pid}.json`);
    const today = new Date().toISOString().slice(0, 10);
    hub.handle((_req, res, url) => {
      if (url.searchParams.get('sort') === 'trending') return json(res, manyItems(3, today));
      json(res, manyItems(3, today));
    });
    const result = await run(process.execPath, ['scripts/snapshot.ts', '--pace-ms', '0', '--trending', '--summary', summaryFile], {
      env: { ...process.env, HF_ENDPOINT: hub.endpoint, DAYS_DIR: dir, TRENDING_DIR: trendingDir, HF_TOKEN: '' },
    });
    // The list's papers, listed today, were not in the archive: their day is captured whole.
    expect(hub.requests).toEqual(['/api/daily_papers?sort=trending&limit=50', `/api/daily_papers?date=${today}&limit=50&p=0`]);
    expect(result.stdout).toContain(`trending ${today}: 3 papers, 3 new, 3 new in the top ten; 3 captured into their days`);
    const report = JSON.parse(await readFile(summaryFile, 'utf8'));
    const { commitMessage } = await import('../../scripts/lib/capture/report.ts');
    expect(commitMessage(report)).toBe(`trending ${today}: 3 papers, 3 new in the top ten`);
    expect(JSON.parse(await readFile(path.join(trendingDir, `${today}.json`), 'utf8')).papers).toHaveLength(3);
  });

  it('says what a file given with --input is, in a file’s words', async () => {
    const file = path.join(dir, '..', `broken-2026-03-06-${process.pid}.json`);
    await writeFile(file, '[{"paper": ');
    const result = await snapshot('--input', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: 2026-03-06: ${file} is not valid JSON (11 bytes, truncated?)`);
  });
});

describeShared('importing the real recorded days', () => {
  it('writes a valid day file for every recorded day, and a rerun changes nothing', async () => {
    const recorded = (await readdir(sharedPath('daily_papers'))).sort();
    const result = await snapshot('--input', sharedPath('daily_papers'));
    expect(result.code).toBe(0);
    expect(await readdir(dir)).toEqual(recorded);
    for (const name of recorded) {
      const raw = JSON.parse(await readFile(sharedPath('daily_papers', name), 'utf8')) as unknown[];
      expect((await readDayFile(name.slice(0, 10))).papers).toHaveLength(raw.length);
    }
    const again = await snapshot('--input', sharedPath('daily_papers'));
    expect(again.stdout).toContain(`${recorded.length} days: 0 written, ${recorded.length} unchanged`);
  });
});

describeShared('--captured-at: the two real captures of one day, imported with the times they were made', () => {
  it('carry first seen, last seen and both counts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'history-'));
    const run = (file: string, at: string) =>
      promisify(execFile)(process.execPath, ['scripts/snapshot.ts', '--input', file, '--captured-at', at], { env: { ...process.env, DAYS_DIR: dir } });
    const EARLY = '2024-06-12T17:06:00.000Z';
    const LATE = '2024-06-13T07:00:00.000Z';
    await run(sharedPath('daily_papers-earlier', '2024-06-12.json'), EARLY);
    await run(sharedPath('daily_papers', '2024-06-12.json'), LATE);
    const day = Day.parse(JSON.parse(await readFile(path.join(dir, '2024-06-12.json'), 'utf8')));
    const earlier = parseApiBody(await readFile(sharedPath('daily_papers-earlier', '2024-06-12.json'), 'utf8'));
    const later = parseApiBody(await readFile(sharedPath('daily_papers', '2024-06-12.json'), 'utf8'));
    const before = new Map(earlier.map((i) => [i.paper.id, i.paper.upvotes]));
    let moved = 0;
    for (const item of later) {
      const paper = day.papers.find((p) => p.id === item.paper.id)!;
      const then = before.get(item.paper.id);
      if (then === undefined) {
        // Listed after the first capture: first seen at the second.
        expect(paper.firstSeenAt).toBe(LATE);
        expect(paper.upvoteHistory).toEqual([{ at: LATE, upvotes: item.paper.upvotes }]);
      } else if (then !== item.paper.upvotes) {
        moved++;
        expect(paper.upvoteHistory).toEqual([
          { at: EARLY, upvotes: then },
          { at: LATE, upvotes: item.paper.upvotes },
        ]);
      }
      if (then !== undefined) expect(paper.firstSeenAt).toBe(EARLY);
      expect(paper.lastSeenAt).toBe(LATE);
    }
    expect(moved).toBeGreaterThan(5);
    // Imported again in the other order, nothing changes: the file already knows both.
    const again = await run(sharedPath('daily_papers-earlier', '2024-06-12.json'), EARLY);
    expect(again.stdout).toContain('unchanged');
  });
});
