import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchDeploys, refreshNewestDay } from '../../scripts/lib/tools/bench/deploy.ts';
import { buildCounts, feedSeconds, periodOrgSeconds, relatedSeconds, seconds } from '../../scripts/lib/tools/bench/build-log.ts';
import { measure } from '../../scripts/lib/tools/bench/measure.ts';

const LOG = `11:20:02 [build] ✓ Completed in 2.58s.

 generating static routes 
[related] 44000 papers in 6.31 s
11:20:13   ├─ /atom.xml (+45ms)
11:20:13   ├─ /days/2026-08-18.json (+2ms)
11:20:16   ├─ /topics/video/feed.json (+8ms)
11:20:16   └─ /feeds.opml (+72ms)
11:20:16   ├─ /weeks/2026-W10/index.html (+4ms)
11:20:16   ├─ /orgs/Qwen~c0/rss.xml (+6ms)
11:20:16   ├─ /orgs.opml (+9ms)
11:20:16   ├─ /papers/2406.12345/index.html (+3ms)
11:21:01 ✓ Completed in 1m 4.41s.
11:21:01 [build] ✓ Completed in 58.85s.
[search-index] indexed 44000 papers in 5 yearly indexes in 48.5 s (2026: 2852 in 3.0 s, 2025: 10378 in 10.2 s)
11:21:51 [build] 47020 page(s) built in 1m 51s`;

describe('the benchmark', () => {
  it('reads feed time, pages and search-index time from the build log', () => {
    expect(feedSeconds(LOG)).toBeCloseTo(0.14);
    expect(periodOrgSeconds(LOG)).toBeCloseTo(0.019);
    expect(relatedSeconds(LOG)).toBe(6.31);
    expect(buildCounts(LOG)).toEqual({ pages: 47020, astroSeconds: 111, generateSeconds: 64.41, searchSeconds: 48.5 });
    expect([seconds('283ms'), seconds('54.41s'), seconds('2m 0.5s')]).toEqual([0.283, 54.41, 120.5]);
  });

  it('measures the peak memory of a whole process tree, children included', async () => {
    // A parent that starts a child holding ~200 MB: the tree's peak must include the child.
    const script = `const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(200e6, 1); setTimeout(() => b.length, 1500)']);
      child.on('close', () => process.exit(0));`;
    const result = await measure(process.execPath, ['-e', script], process.env, 50);
    expect(result.code).toBe(0);
    expect(result.peakTreeRss).toBeGreaterThan(200e6);
    expect(result.peakByName.node).toBeGreaterThan(200e6);
  });

  it('--deploy: a first deploy sends every file, a refreshed day only what changed, an unchanged site one request', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'bench-deploy-'));
    const dist = path.join(work, 'dist');
    const days = path.join(work, 'days');
    await mkdir(path.join(dist, 'papers/2603.00001'), { recursive: true });
    await mkdir(days);
    await writeFile(path.join(dist, 'index.html'), '<p>home</p>');
    await writeFile(path.join(dist, 'papers/2603.00001/index.html'), '<p>▲ 5</p>');
    await writeFile(path.join(dist, 'rss.xml'), '<rss/>');
    const at = '2026-03-06T12:00:00.000Z';
    await writeFile(
      path.join(days, '2026-03-06.json'),
      JSON.stringify({ date: '2026-03-06', papers: [{ id: '2603.00001', upvotes: 5, lastSeenAt: at, upvoteHistory: [{ at, upvotes: 5 }] }] }),
    );

    const runs = await benchDeploys({
      dist,
      work,
      refresh: () => refreshNewestDay(days, '2026-03-06'),
      // The "build": the paper page shows the day file's new count.
      rebuild: async () => {
        const day = JSON.parse(await readFile(path.join(days, '2026-03-06.json'), 'utf8')) as { papers: { upvotes: number }[] };
        await writeFile(path.join(dist, 'papers/2603.00001/index.html'), `<p>▲ ${day.papers[0]!.upvotes}</p>`);
        return { seconds: 0, peakTreeRss: 0, peakByName: {}, output: '', code: 0 };
      },
    });
    expect(runs.map(({ label, uploaded, deleted, unchanged, requests }) => [label, uploaded, deleted, unchanged, requests])).toEqual([
      ['first deploy (every file)', 3, 0, 0, 6],
      ['after one day refreshed', 1, 0, 2, 4],
      ['with nothing changed', 0, 0, 3, 1],
    ]);
    expect(runs[0]!.peakRss).toBeGreaterThan(10e6);
    const day = JSON.parse(await readFile(path.join(days, '2026-03-06.json'), 'utf8')) as {
      papers: { upvotes: number; lastSeenAt: string; upvoteHistory: unknown[] }[];
    };
    expect(day.papers[0]).toMatchObject({
      upvotes: 8,
      lastSeenAt: '2026-03-07T12:00:00.000Z',
      upvoteHistory: [
        { at, upvotes: 5 },
        { at: '2026-03-07T12:00:00.000Z', upvotes: 8 },
      ],
    });
  });
});
