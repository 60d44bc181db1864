// The build never fails on data the schema accepts: an archive holding every optional state a day
// file, a links file and a trending file may be in, written as files (some states no capture
// writes, but a hand edit or an older version could), builds, validates, and says what it holds.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { Day, LinksDay, TrendingDay } from '../../src/lib/schema.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';

const at = (date: string, time = '06:00:00') => `${date}T${time}.000Z`;
/** The least a paper may be: no organization, no dates but the captures', no authors, an empty abstract. */
const bare = (id: string, date: string) => ({
  id,
  title: `Bare ${id}`,
  abstract: '',
  authors: [],
  upvotes: 0,
  comments: 0,
  firstSeenAt: at(date),
  lastSeenAt: at(date),
});

const DAYS: Day[] = [
  // A day file with no paper in it: the schema allows it, though the capture never writes one.
  { date: '2026-03-02', papers: [] },
  {
    date: '2026-03-03',
    papers: [
      bare('2603.00001', '2026-03-03'),
      // An upvote history that is there and empty, keywords that are there and empty.
      { ...bare('2603.00002', '2026-03-03'), upvoteHistory: [], aiKeywords: [] },
      { ...bare('2603.00003', '2026-03-03'), title: 'Models Taken Down', upvotes: 5 },
      { ...bare('2603.00004', '2026-03-03'), title: 'Hub Stopped Answering', organization: { name: 'lab' } },
      { ...bare('hep-th/9901001', '2026-03-03'), title: 'Never Answered', withdrawnAt: at('2026-03-04') },
    ],
  },
];

const LINKS: LinksDay[] = [
  {
    date: '2026-03-03',
    papers: {
      // An older file's 404: nothing recorded.
      '2603.00001': { checkedAt: at('2026-03-04'), none: true },
      // Answered with nothing: only when.
      '2603.00002': { checkedAt: at('2026-03-04') },
      // Its weights came out, and its models were taken down since.
      '2603.00003': { checkedAt: at('2026-03-20'), modelsSince: at('2026-03-05'), spaces: { total: 2, top: [] } },
      // What was recorded, kept while the hub answers 404.
      '2603.00004': {
        checkedAt: at('2026-03-05'),
        models: { total: 1, top: [{ id: 'lab/model' }] },
        modelsSince: at('2026-03-05'),
        unanswered: { since: at('2026-03-12'), at: at('2026-03-19'), times: 3, problem: 'HTTP 404' },
      },
      // Asked, never answered.
      'hep-th/9901001': { unanswered: { since: at('2026-03-04'), at: at('2026-03-04'), times: 1, problem: 'HTTP 503 after 5 attempts' } },
    },
  },
];

const TRENDING: TrendingDay[] = [
  // An empty list, written by hand.
  { date: '2026-03-05', capturedAt: at('2026-03-05', '19:00:00'), papers: [] },
  {
    date: '2026-03-06',
    capturedAt: at('2026-03-06', '19:00:00'),
    papers: [
      // Not in the archive: its listing day not found yet, with the hub's title, or without.
      {
        rank: 1,
        id: '2603.09991',
        upvotes: 50,
        title: 'A <b>Lost</b> $\\tau$ Paper',
        firstSeenAt: at('2026-03-06'),
        top10At: at('2026-03-06'),
        top10Rank: 1,
        top10Upvotes: 50,
      },
      { rank: 2, id: '2603.09992', upvotes: 40, firstSeenAt: at('2026-03-06'), top10At: at('2026-03-06') },
      // Listed on a day the archive does not hold, and a paper the archive holds.
      { rank: 3, id: '2603.09993', upvotes: 30, listed: '2026-02-27', firstSeenAt: at('2026-03-06') },
      { rank: 4, id: '2603.00003', upvotes: 5, listed: '2026-03-03', firstSeenAt: at('2026-03-06'), top10At: at('2026-03-06') },
    ],
  },
];

let site: BuiltSite;
beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'optional-'));
  const write = async (folder: string, date: string, value: unknown) => {
    await mkdir(path.join(root, folder), { recursive: true });
    await writeFile(path.join(root, folder, `${date}.json`), JSON.stringify(value, null, 2));
  };
  // Every file is one the schema accepts: the point is that the build takes whatever it takes.
  for (const day of DAYS) await write('days', day.date, Day.parse(day));
  for (const day of LINKS) await write('links', day.date, LinksDay.parse(day));
  for (const day of TRENDING) await write('trending', day.date, TrendingDay.parse(day));
  site = await buildSite(path.join(root, 'days'), { SITE_URL: 'https://papers.example.org' });
});

describe('an archive holding every optional state', () => {
  it('builds, and every page is valid HTML', async () => {
    expect(site.output).toMatch(/\[site-size\] dist: /);
    const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'void-style': 'off' } });
    const problems: string[] = [];
    for (const file of (await site.files()).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(await site.read(file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps a paper whose models were taken down in the released list and feed, saying they are gone', async () => {
    const released = await site.page('/released/');
    expect(released('ol.released li').text()).toContain('Models Taken Down · its models are no longer listed on the Hub');
    const feed = JSON.parse(await site.read('released/feed.json'));
    expect(feed.items).toHaveLength(2);
    const item = feed.items.find((i: { url: string }) => i.url.endsWith('/papers/2603.00003/'));
    expect(item).toMatchObject({ date_published: '2026-03-05T06:00:00.000Z' });
    expect(item.content_html).toContain('A model citing it appeared on Hugging Face on Thursday, 5 March 2026');
  });

  it('shows what was recorded of a paper the hub stopped answering, as of its last answer', async () => {
    const page = await site.page('/papers/2603.00004/');
    expect(page('#hub').text()).toBe('On the Hub as of 5 Mar 2026, not confirmed since 12 Mar 2026');
    expect(page('.hub-repos a').first().text()).toBe('lab/model');
    // Never answered, an empty history, no authors: the page is there, without those parts.
    const never = await site.page('/papers/hep-th/9901001/');
    expect(never('#hub')).toHaveLength(0);
    expect(never('h1').text()).toBe('Never Answered');
    expect((await site.page('/papers/2603.00002/'))('h1').text()).toBe('Bare 2603.00002');
  });

  it('lists trending papers the archive does not hold by the hub’s page, and an empty day as empty', async () => {
    const day = await site.page('/trending/2026-03-06/');
    // Text as read: MathML's annotation carries the TeX source for copying.
    day('annotation').remove();
    const items = day('ol.trending li div');
    expect(items.eq(0).text()).toBe('A <b>Lost</b> τ Paper · ▲ 50');
    expect(items.eq(0).find('a').attr('href')).toBe('https://huggingface.co/papers/2603.09991');
    expect(items.eq(1).text()).toBe('arXiv:2603.09992 · ▲ 40');
    // A listing day the archive does not hold is not linked: that would be a page that does not exist.
    expect(items.eq(2).text()).toBe('arXiv:2603.09993 · ▲ 30');
    expect(items.eq(3).find('a').last().attr('href')).toBe('/days/2026-03-03/');
    expect((await site.page('/trending/2026-03-05/'))('main').text()).toContain('The hub’s list was empty that day');
    // The feed has the one paper the archive holds; the others wait for their day.
    const feed = JSON.parse(await site.read('trending/feed.json'));
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual(['https://papers.example.org/papers/2603.00003/']);
  });

  it('shows a day with no paper as a day with no paper', async () => {
    expect((await site.page('/days/2026-03-02/'))('main').text()).toContain('0 papers on the Daily Papers list');
  });
});
