// The project's own small archive: a few days written through the snapshot command's import,
// holding every case the site must get right (LaTeX, hostile text, 500 authors, old-style ids).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inputSources, runCapture } from '../../scripts/lib/capture/days/capture.ts';
import { linksFiles } from '../../scripts/lib/capture/links/store.ts';
import { trendingFiles } from '../../scripts/lib/capture/trending/store.ts';
import type { LinksDay, TrendingDay } from '../../src/lib/schema.ts';
import { apiItem } from './items.ts';

export const HOSTILE = {
  script: '<script>alert(1)</script> Hostile Titles Are Text',
  title: '</title><img src=x onerror=alert(1)> Closing the Title',
  cdata: 'Feeds Survive ]]> and & in "Titles"',
};

export const FIXTURE_DAYS = {
  '2026-03-05': [
    apiItem({
      id: '2603.00010',
      upvotes: 80,
      title: '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset',
      era: '2024',
      date: '2026-03-05',
      keywords: ['dataset'],
      organization: { name: 'Qwen', fullname: 'Qwen Team' },
    }),
    apiItem({
      id: '2603.00011',
      upvotes: 12,
      title: 'LLM$\\times$MapReduce: Long-Context Agents',
      date: '2026-03-05',
      githubRepo: 'https://github.com/example/mapreduce',
      githubStars: 321,
    }),
    apiItem({
      id: '2603.00012',
      upvotes: 5,
      title: 'A Broken Formula $\\frac{1}{$ Stays Text',
      // Two people named Kai Chen write in the fixture, told apart by their hub accounts (and a third, Kai Cheng, by name).
      authors: ['Ziwei Liu', 'Kai Chen'],
      accounts: { 'Kai Chen': 'kaichen' },
      date: '2026-03-05',
      organization: { name: 'Qwen', fullname: 'Qwen Team' },
    }),
  ],
  '2026-03-06': [
    apiItem({
      id: '2603.00020',
      upvotes: 99,
      title: HOSTILE.script,
      abstract: 'Abstract with a bell \u0007 control character and <b>markup</b>.',
      date: '2026-03-06',
      organization: { name: 'example-lab', fullname: 'Example Lab' },
    }),
    apiItem({
      id: '2603.00011',
      upvotes: 40,
      title: 'LLM$\\times$MapReduce: Long-Context Agents',
      abstract: 'We split long documents into chunks\nwith a divide-and-conquer scheme we call the quokka protocol.',
      date: '2026-03-06',
      githubRepo: 'https://github.com/example/mapreduce',
      githubStars: 400,
    }),
    // A handle that differs from Qwen's only in case: its own page, which must not overwrite Qwen's.
    apiItem({
      id: '2603.00021',
      upvotes: 20,
      title: HOSTILE.title,
      authors: ['Kai Chen', 'Grace Hopper'],
      date: '2026-03-06',
      projectPage: 'javascript:alert(1)',
      organization: { name: 'qwen' },
    }),
    apiItem({
      id: '2603.00022',
      upvotes: 3,
      title: 'The Big Collaboration Paper on Video Diffusion',
      authors: Array.from({ length: 500 }, (_, i) => `Author Number${i + 1}`),
      date: '2026-03-06',
    }),
  ],
  '2026-03-09': [
    apiItem({
      id: '2603.00030',
      upvotes: 7,
      title: HOSTILE.cdata,
      authors: ['Kai Chen', 'Zoë Müller'],
      accounts: { 'Kai Chen': 'kchen-other' },
      date: '2026-03-09',
      aiSummary: 'A summary with $\\tau$-bench math.',
      organization: { name: 'Qwen', fullname: 'Qwen Team' },
    }),
    // A handle with characters a path cannot carry as they are.
    apiItem({
      id: 'hep-th/9901001',
      upvotes: 2,
      title: 'An Old-Style Identifier Still Works',
      authors: ['Kai Cheng', 'Ziwei Liu'],
      date: '2026-03-09',
      organization: { name: 'Ünï Lab%', fullname: 'Ünï "Lab" <b>' },
    }),
  ],
} as const;

export const HOSTILE_SPACE = { title: '<script>alert(1)</script> Demo', emoji: '<b onclick=x>' };

/**
 * What the hub links to some fixture papers, as the links capture writes it (beside the days):
 * 2603.00011 has models (seven, five shown), a dataset and a Space with hostile text; 2603.00020
 * has no hub page (404); 2603.00010 only Spaces.
 */
export const FIXTURE_LINKS: Record<string, LinksDay['papers']> = {
  '2026-03-05': {
    '2603.00011': {
      checkedAt: '2026-03-11T12:00:00.000Z',
      models: {
        total: 7,
        top: [
          { id: 'example/mapreduce-7b', downloads: 12345, likes: 67, task: 'text-generation' },
          { id: 'example/mapreduce-1b', downloads: 99, likes: 3 },
          { id: 'example/mapreduce-GGUF', downloads: 50 },
          { id: 'example/mapreduce-AWQ', downloads: 10 },
          { id: 'example/mapreduce-lora' },
        ],
      },
      datasets: { total: 1, top: [{ id: 'example/long-docs', downloads: 5 }] },
      spaces: { total: 1, top: [{ id: 'example/demo', likes: 2, ...HOSTILE_SPACE }] },
      githubRepo: 'https://github.com/example/mapreduce',
      githubStars: 999,
      modelsSince: '2026-03-08T06:00:00.000Z',
    },
    '2603.00010': { checkedAt: '2026-03-09T12:00:00.000Z', spaces: { total: 2, top: [{ id: 'qwen/dft-viewer', likes: 9, emoji: '🧪', title: 'DFT viewer' }] } },
  },
  '2026-03-06': { '2603.00020': { checkedAt: '2026-03-09T12:00:00.000Z', none: true } },
};

const trendingEntry = (rank: number, id: string, listed: string, upvotes: number, top10At?: string) => ({
  rank,
  id,
  upvotes,
  listed,
  firstSeenAt: '2026-03-09T19:00:00.000Z',
  ...(top10At ? { top10At } : {}),
});

/**
 * Two days of the hub's trending list: on the second, the hostile paper climbs to the top and a
 * paper is new, so the list has every movement.
 */
export const FIXTURE_TRENDING: TrendingDay[] = [
  {
    date: '2026-03-09',
    capturedAt: '2026-03-09T19:00:00.000Z',
    papers: [
      trendingEntry(1, '2603.00011', '2026-03-06', 40, '2026-03-09T19:00:00.000Z'),
      trendingEntry(2, '2603.00020', '2026-03-06', 99, '2026-03-09T19:00:00.000Z'),
      trendingEntry(3, '2603.00010', '2026-03-05', 80, '2026-03-09T19:00:00.000Z'),
    ],
  },
  {
    date: '2026-03-10',
    capturedAt: '2026-03-10T19:00:00.000Z',
    papers: [
      trendingEntry(1, '2603.00020', '2026-03-06', 120, '2026-03-09T19:00:00.000Z'),
      { ...trendingEntry(2, '2603.00030', '2026-03-09', 7, '2026-03-10T19:00:00.000Z'), firstSeenAt: '2026-03-10T19:00:00.000Z' },
      trendingEntry(3, '2603.00010', '2026-03-05', 80, '2026-03-09T19:00:00.000Z'),
      trendingEntry(4, '2603.00011', '2026-03-06', 40, '2026-03-09T19:00:00.000Z'),
    ],
  },
];

/** Write the fixture as recorded API responses and import them with the snapshot command's code. */
export async function makeFixtureArchive(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-fixture-'));
  const input = path.join(root, 'input');
  const days = path.join(root, 'days');
  await mkdir(input);
  for (const [date, items] of Object.entries(FIXTURE_DAYS)) await writeFile(path.join(input, `${date}.json`), JSON.stringify(items));
  const sources = await inputSources({ input });
  const summary = await runCapture(sources, days, { now: () => new Date('2026-03-09T12:00:00Z') });
  if (summary.failed) throw new Error(`fixture import failed: ${JSON.stringify(summary.days)}`);
  // A later capture of 6 March: the hostile paper has gained upvotes, so its page has a history.
  const later = FIXTURE_DAYS['2026-03-06'].map((item) => {
    const paper = item.paper as { id: string; upvotes: number };
    return paper.id === '2603.00020' ? { ...item, paper: { ...paper, upvotes: 120 } } : item;
  });
  await writeFile(path.join(input, 'later-2026-03-06.json'), JSON.stringify(later));
  const again = await runCapture(await inputSources({ input: path.join(input, 'later-2026-03-06.json') }), days, {
    now: () => new Date('2026-03-10T13:00:00Z'),
  });
  if (again.failed) throw new Error(`fixture import failed: ${JSON.stringify(again.days)}`);
  for (const [date, papers] of Object.entries(FIXTURE_LINKS)) await linksFiles.write(path.join(root, 'links'), { date, papers });
  for (const day of FIXTURE_TRENDING) await trendingFiles.write(path.join(root, 'trending'), day);
  return days;
}
