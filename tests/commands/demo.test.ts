// npm run demo, as a new user runs it (without serving), in a folder of its own: the sample
// archive is generated, imported with the snapshot command's code, and built.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/build.ts';

const run = promisify(execFile);
let output = '';
let root = '';
let checkoutDemo: string | undefined;

describe('npm run demo', () => {
  beforeAll(async () => {
    // What the checkout's own .demo holds must not change: a user may be serving it.
    checkoutDemo = await stat('.demo')
      .then((s) => String(s.mtimeMs))
      .catch(() => undefined);
    root = path.join(await mkdtemp(path.join(tmpdir(), 'demo-')), 'demo');
    const result = await run(process.execPath, ['scripts/demo.ts', '--no-serve', '--days', '6', '--dir', root], {
      env: cleanEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    output = result.stdout;
  });
  const demo = (...parts: string[]) => path.join(root, ...parts);

  it('imports the sample through the snapshot command into its own folder, never the real archive or the checkout’s demo', async () => {
    expect(output).toContain('6 days: 6 written');
    expect((await readdir(demo('days'))).filter((name) => name.endsWith('.json'))).toHaveLength(6);
    const weekdays = (await readdir(demo('days'))).map((name) => new Date(`${name.slice(0, 10)}T00:00:00Z`).getUTCDay());
    expect(weekdays.every((day) => day >= 1 && day <= 5)).toBe(true);
    const now = await stat('.demo')
      .then((s) => String(s.mtimeMs))
      .catch(() => undefined);
    expect(now).toBe(checkoutDemo);
  });

  it('builds a labelled sample site with a day over 50 papers and a paper listed on two days', async () => {
    const home = cheerio.load(await readFile(demo('dist/index.html'), 'utf8'));
    expect(home('.notice').text()).toContain('invented sample archive');
    const days = (await readdir(demo('days'))).sort();
    const busy = JSON.parse(await readFile(demo('days', days[2]!), 'utf8'));
    expect(busy.papers.length).toBeGreaterThan(50);
    const ids = await Promise.all(days.map(async (name) => JSON.parse(await readFile(demo('days', name), 'utf8')).papers.map((p: { id: string }) => p.id)));
    const twice = ids.flat().filter((id, i, all) => all.indexOf(id) !== i);
    expect(twice.length).toBeGreaterThan(0);
    const paper = cheerio.load(await readFile(demo('dist/papers', twice[0], 'index.html'), 'utf8'));
    expect(paper('.facts a[href^="/days/"]')).toHaveLength(2);
    // One search index per listing year, each a complete Pagefind bundle.
    const years = await readdir(demo('dist/pagefind'));
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(await readdir(demo('dist/pagefind', year))).toContain('pagefind-entry.json');
  });

  it('captures each day twice, as the daily run would: weeks close into the weekly digest, and upvotes have a history', async () => {
    const weekly = JSON.parse(await readFile(demo('dist/weekly/feed.json'), 'utf8'));
    // 1 to 8 September 2026: week 36 is over once 8 September is captured.
    expect(weekly.items.map((item: { title: string }) => item.title)).toEqual([expect.stringMatching(/^Week 2026-W36 .*: the top 10 papers$/)]);
    const day = JSON.parse(await readFile(demo('days', '2026-09-01.json'), 'utf8'));
    const risen = day.papers.find((p: { upvotes: number }) => p.upvotes >= 2);
    expect(risen.upvoteHistory).toEqual([
      { at: '2026-09-01T09:17:00.000Z', upvotes: Math.floor(risen.upvotes / 2) },
      { at: '2026-09-02T07:17:00.000Z', upvotes: risen.upvotes },
    ]);
  });

  it('asks a stand-in hub on 127.0.0.1 what came of each paper, so pages show it and weights are released', async () => {
    expect(output).toMatch(/links: \d+ asked/);
    const released = JSON.parse(await readFile(demo('dist/released/feed.json'), 'utf8'));
    expect(released.items.length).toBeGreaterThan(0);
    const id = new URL(released.items[0].url).pathname.replace(/^\/papers\/|\/$/g, '');
    const paper = cheerio.load(await readFile(demo('dist/papers', id, 'index.html'), 'utf8'));
    expect(paper('section.hub h3').first().text()).toMatch(/^\d+ models?$/);
  });

  it('records the stand-in hub’s trending list each evening, with a page per day', async () => {
    expect(output).toMatch(/trending 2026-09-0\d: \d+ papers/);
    const page = cheerio.load(await readFile(demo('dist/trending/index.html'), 'utf8'));
    expect(page('ol.trending > li').length).toBeGreaterThan(10);
    expect(page('ol.trending .move').first().text()).not.toBe('');
  });

  it('answers --help and bad options in its own words', async () => {
    const { stdout } = await run(process.execPath, ['scripts/demo.ts', '--help'], { env: cleanEnv() });
    expect(stdout).toContain('Usage: npm run demo');
    const bad = await run(process.execPath, ['scripts/demo.ts', '--days', '-3'], { env: cleanEnv() }).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 2, stderr: 'demo: --days -3: expected a whole number of 0 or more (npm run demo -- --help lists the options)\n' });
  });
});
