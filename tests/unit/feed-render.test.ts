// The feed functions without a build: which papers a feed holds, what an item says, the size cap,
// and every upstream field hostile in every format, read back by a parser that is not feedsmith.
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import * as cheerio from 'cheerio';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { buildPeriods, frozenDigest } from '../../src/lib/periods.ts';
import { feedFormats } from '../../src/lib/feeds/formats.ts';
import { digestGroup, mainGroup } from '../../src/lib/feeds/groups.ts';
import {
  clean,
  digestItems,
  listedAt,
  paperContentHtml,
  paperItem,
  periodItems,
  recentEntries,
  releasedItems,
  trendingItems,
  type Feed,
  type FeedContext,
} from '../../src/lib/feeds/items.ts';
import { feedUpdated, MAX_FEED_BYTES, renderAtom, renderFeed, renderOpml, renderRss } from '../../src/lib/feeds/render.ts';
import type { Day } from '../../src/lib/schema.ts';
import type { Topic } from '../../src/lib/topics.ts';
import { paperBuilder } from '../helpers/papers.ts';

const ctx: FeedContext = { site: new URL('https://papers.example.org'), base: '/', siteTitle: 'Broadsheet' };
const topics: Topic[] = [{ slug: 'agents', name: 'Agents & <Tools>', description: 'Agents.', terms: ['agent*'] }];

const paper = paperBuilder({ abstract: 'An abstract about agents.', authors: ['Ada Lovelace', 'Alan Turing'], listedAt: '2026-03-06T01:00:00.000Z' });

const HOSTILE = {
  title: '<script>alert(1)</script> ]]> & "q" Title',
  author: '<b onmouseover="alert(1)">Mallory</b> & ]]>',
  org: '<img src=x onerror=alert(1)> Org "Lab"',
  abstract: 'Abstract <iframe src="javascript:alert(1)"></iframe> & ]]> \u0007 bell.',
  summary: 'Summary <svg onload=alert(1)>.',
  keyword: '<keyword onclick=x>',
  repo: 'https://github.com/a/b?x="><script>alert(1)</script>',
  page: "https://example.org/p'onmouseover='alert(1)",
};

const hostilePaper = paper('2603.00666', {
  title: HOSTILE.title,
  authors: [HOSTILE.author, 'Eve'],
  organization: { name: 'evil-lab', fullname: HOSTILE.org },
  abstract: HOSTILE.abstract,
  aiSummary: HOSTILE.summary,
  aiKeywords: [HOSTILE.keyword],
  githubRepo: HOSTILE.repo,
  githubStars: 3,
  projectPage: HOSTILE.page,
});

const feedOf = (items: Feed['items'], group = mainGroup): Feed => ({ group, homeUrl: 'https://papers.example.org/', items });

describe('which papers a feed holds', () => {
  const days: Day[] = [
    { date: '2026-03-04', papers: [paper('2603.00001'), paper('2603.00002')] },
    { date: '2026-03-05', papers: [paper('2603.00003'), paper('2603.00001', { upvotes: 5, lastSeenAt: '2026-03-07T02:00:00.000Z' })] },
    { date: '2026-03-06', papers: [paper('2603.00004', { title: 'An agent' }), paper('2603.00005')] },
  ];
  const archive = buildArchive(days, topics);

  it('takes the newest listed days only, each paper once at its newest listing', () => {
    expect(recentEntries(archive, { days: 2, maxItems: 100 }).map((e) => [e.date, e.paper.id])).toEqual([
      ['2026-03-06', '2603.00004'],
      ['2026-03-06', '2603.00005'],
      ['2026-03-05', '2603.00003'],
      ['2026-03-05', '2603.00001'],
    ]);
  });

  it('stops at the item limit exactly', () => {
    expect(recentEntries(archive, { days: 3, maxItems: 3 })).toHaveLength(3);
    expect(recentEntries(archive, { days: 3, maxItems: 1 }).map((e) => e.paper.id)).toEqual(['2603.00004']);
    expect(recentEntries(archive, { days: 3, maxItems: 100 })).toHaveLength(5);
  });

  it('keeps only what the filter accepts, and names topics for categories', () => {
    const entries = recentEntries(archive, { days: 3, maxItems: 100 }, (_paper, slugs) => slugs.includes('agents'));
    expect(entries.map((e) => e.paper.id)).toEqual(['2603.00004', '2603.00005', '2603.00003', '2603.00001', '2603.00002']);
    expect(entries[0]!.topics).toEqual(['Agents & <Tools>']);
    const strict = recentEntries(archive, { days: 3, maxItems: 100 }, (p) => p.upvotes >= 5);
    expect(strict.map((e) => e.paper.id)).toEqual(['2603.00001']);
  });

  it('dates an item by its listing time on that day, or noon UTC when the hub gave none', () => {
    expect(listedAt('2026-03-06', paper('x'))).toBe('2026-03-06T01:00:00.000Z');
    expect(listedAt('2026-03-07', paper('x'))).toBe('2026-03-07T12:00:00.000Z');
    const { listedAt: _omit, ...bare } = paper('x');
    expect(listedAt('2026-03-06', bare)).toBe('2026-03-06T12:00:00.000Z');
  });

  it('makes one digest item per listed day, newest first, with plain-text math in its summary', () => {
    const math = buildArchive(
      [{ date: '2026-03-09', papers: [paper('2603.00007', { title: '$\\nabla^2$DFT: Data', listedAt: '2026-03-09T01:00:00.000Z' })] }, ...days],
      topics,
    );
    const items = digestItems(math, 2, ctx);
    expect(items.map((item) => item.url)).toEqual(['https://papers.example.org/days/2026-03-09/', 'https://papers.example.org/days/2026-03-06/']);
    expect(items[0]!.title).toBe('Daily Papers, Monday, 9 March 2026: 1 paper');
    expect(items[1]!.title).toBe('Daily Papers, Friday, 6 March 2026: 2 papers');
    expect(items[0]!.summary).toBe('∇2DFT: Data');
    expect(items[0]!.contentHtml).toContain('<math');
    expect(items[0]!.date).toBe('2026-03-09T01:00:00.000Z');
    // The day's newest listing time, whatever the order of its papers.
    expect(items[1]!.date).toBe('2026-03-06T01:00:00.000Z');
    expect(items[1]).toMatchObject({ id: items[1]!.url, authors: [], categories: [], summary: 'An agent · Paper 2603.00005' });
    const list = cheerio.load(items[1]!.contentHtml);
    expect(
      list('ol > li')
        .map((_, li) => list(li).text())
        .get(),
    ).toEqual(['An agent · ▲ 1', 'Paper 2603.00005 · ▲ 1']);
    expect(list('ol > li a').first().attr('href')).toBe('https://papers.example.org/papers/2603.00004/');
    const late = buildArchive([{ date: '2026-03-06', papers: [paper('2603.00010'), paper('2603.00011', { listedAt: '2026-03-06T09:00:00.000Z' })] }], topics);
    expect(digestItems(late, 1, ctx)[0]!.date).toBe('2026-03-06T09:00:00.000Z');
    const six = buildArchive([{ date: '2026-03-06', papers: Array.from({ length: 6 }, (_, i) => paper(`2603.0002${i}`)) }], topics);
    expect(digestItems(six, 1, ctx)[0]!.summary.split(' · ')).toHaveLength(5);
  });
});

describe('weekly and monthly items', () => {
  it('list a closed period’s top papers with the counts known at its end, linking the period’s page', () => {
    const archive = buildArchive(
      [
        { date: '2026-03-05', papers: [paper('2603.00001', { title: '$\\tau$-bench', upvotes: 40 }), paper('2603.00002', { upvotes: 9 })] },
        { date: '2026-03-06', papers: [paper('2603.00003', { upvotes: 3 })] },
      ],
      topics,
    );
    const period = buildPeriods(archive).weeks[0]!;
    const digest = frozenDigest(period, '2026-03-10T00:00:00.000Z', 2)!;
    const [item] = periodItems(
      [digest],
      ctx,
      (key) => `/weeks/${key}/`,
      (key) => `Week ${key}`,
    );
    expect(item).toMatchObject({
      id: 'https://papers.example.org/weeks/2026-W10/',
      url: 'https://papers.example.org/weeks/2026-W10/',
      title: 'Week 2026-W10: the top 2 papers',
      date: '2026-03-09T00:00:00.000Z',
      authors: [],
      categories: [],
      summary: 'τ-bench · Paper 2603.00002',
    });
    // A period filled in by a backfill is frozen later, but its item is still dated at the period's end.
    const backfilled = periodItems([{ ...digest, asOf: '2026-06-02T10:00:00.000Z' }], ctx, String, String);
    expect(backfilled[0]!.date).toBe('2026-03-09T00:00:00.000Z');
    const $ = cheerio.load(item!.contentHtml);
    $('annotation').remove();
    expect(
      $('ol > li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['τ-bench · ▲ 40', 'Paper 2603.00002 · ▲ 9']);
    expect($('ol > li a').first().attr('href')).toBe('https://papers.example.org/papers/2603.00001/');
    expect($('ol > li math')).toHaveLength(1);
    expect($('p a').text()).toBe('All 3 papers of Week 2026-W10');
    expect($('p a').attr('href')).toBe('https://papers.example.org/weeks/2026-W10/');
  });
});

describe('released and trending items', () => {
  const archive = buildArchive(
    [{ date: '2026-03-06', papers: [paper('2603.00011', { title: 'Agents$\\times$MapReduce', authors: ['Ada', ' '] }), paper('2603.00012')] }],
    topics,
  );
  const record = archive.papers.get('2603.00011')!;
  const url = 'https://papers.example.org/papers/2603.00011/';

  it('a release: the paper’s own page, dated by the check that saw the first model, linking the models citing it, the same whatever came after', () => {
    const links = {
      checkedAt: '2026-04-01T00:00:00.000Z',
      models: { total: 7, top: [{ id: 'org/agent-7b', task: '<b>text-generation</b>' }, { id: 'org/agent-1b' }] },
      modelsSince: '2026-03-20T01:00:00.000Z',
    };
    const [item] = releasedItems([{ record: { ...record, links }, at: '2026-03-20T01:00:00.000Z' }], archive.topicNames, ctx);
    expect(item).toMatchObject({
      id: url,
      url,
      title: 'Agents×MapReduce',
      date: '2026-03-20T01:00:00.000Z',
      authors: ['Ada'],
      categories: ['Agents & <Tools>'],
      summary: '',
    });
    const $ = cheerio.load(item!.contentHtml);
    expect($('p').first().text()).toBe('A model citing it appeared on Hugging Face on Friday, 20 March 2026: the models citing it.');
    expect($('p').first().find('a').attr('href')).toBe('https://huggingface.co/models?other=arxiv:2603.00011');
    // Its models grow, or are taken down; its counts move: the item a reader has is the item it stays.
    const gone = { checkedAt: '2026-05-01T00:00:00.000Z', modelsSince: '2026-03-20T01:00:00.000Z' };
    const later = { ...record, paper: { ...record.paper, upvotes: 900, comments: 40 }, links: gone };
    expect(releasedItems([{ record: later, at: '2026-03-20T01:00:00.000Z' }], archive.topicNames, ctx)).toEqual([item]);
  });

  it('a trending entry: the paper’s own page, its rank and upvotes when it entered, and nothing for a paper the archive lacks', () => {
    const entered = { id: '2603.00011', at: '2026-03-09T19:00:00.000Z', rank: 3, upvotes: 1, listed: '2026-03-06' };
    const items = trendingItems([entered, { ...entered, id: '2603.99999' }], archive, ctx);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: url,
      url,
      title: 'Agents×MapReduce',
      date: '2026-03-09T19:00:00.000Z',
      authors: ['Ada'],
      categories: ['Agents & <Tools>'],
    });
    expect(cheerio.load(items[0]!.contentHtml)('p').first().text()).toBe(
      'Entered the top ten of Hugging Face’s trending list at #3 (▲ 1 upvote) on Monday, 9 March 2026; listed Friday, 6 March 2026.',
    );
    expect(items[0]!.summary).toBe('');
    // Nothing in it changes as the paper's counts do: no upvotes, comments or stars of today.
    const later = buildArchive(
      archive.days.map((day) => ({
        ...day,
        papers: day.papers.map((p) => ({ ...p, upvotes: p.upvotes + 500, comments: 9, githubStars: 9999, lastSeenAt: '2026-05-01T00:00:00.000Z' })),
      })),
      archive.topics,
    );
    expect(trendingItems([entered], later, ctx)).toEqual(items);
  });
});

describe('an item', () => {
  it('links the hub, arXiv, the code and the project page (the item’s own link is the paper’s page)', () => {
    const html = paperContentHtml(paper('2603.00001', { githubRepo: 'https://github.com/a/b', githubStars: 7, projectPage: 'https://p.org/' }));
    const $ = cheerio.load(html);
    expect(
      $('a')
        .map((_, a) => [[$(a).text(), $(a).attr('href')]])
        .get(),
    ).toEqual([
      ['Hugging Face', 'https://huggingface.co/papers/2603.00001'],
      ['arXiv', 'https://arxiv.org/abs/2603.00001'],
      ['Code (★ 7)', 'https://github.com/a/b'],
      ['Project page', 'https://p.org/'],
    ]);
    expect($('p').eq(1).text()).toBe('▲ 1 upvote · 0 comments');
  });

  it('uses the AI summary for the short text, else the abstract, cut at 500 characters', () => {
    const item = paperItem(
      { date: '2026-03-06', paper: paper('2603.00001', { aiSummary: 'Short.' }), listedAt: '2026-03-06T01:00:00.000Z', topics: ['A'] },
      ctx,
    );
    expect(item).toMatchObject({
      id: 'https://papers.example.org/papers/2603.00001/',
      summary: 'Short.',
      categories: ['A'],
      authors: ['Ada Lovelace', 'Alan Turing'],
    });
    const long = paperItem({ date: '2026-03-06', paper: paper('2603.00002', { abstract: 'word '.repeat(300) }), listedAt: 'x', topics: [] }, ctx);
    expect(long.summary.length).toBeLessThanOrEqual(501);
    expect(long.summary.endsWith('…')).toBe(true);
  });

  it('in brief (organization feeds): the summary instead of the abstract, or the abstract’s start, and no RSS description', () => {
    const withSummary = paperItem(
      { date: '2026-03-06', paper: paper('2603.00001', { aiSummary: 'It works.', abstract: 'Long abstract.' }), listedAt: 'x', topics: [] },
      ctx,
      'brief',
    );
    const $ = cheerio.load(withSummary.contentHtml);
    expect(
      $('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['Ada Lovelace and Alan Turing', '▲ 1 upvote · 0 comments', 'AI summary (generated by Hugging Face): It works.', 'Hugging Face · arXiv']);
    expect(withSummary.summary).toBe('');
    const without = paperItem({ date: '2026-03-06', paper: paper('2603.00002', { abstract: 'word '.repeat(200) }), listedAt: 'x', topics: [] }, ctx, 'brief');
    const text = cheerio.load(without.contentHtml)('p').eq(2).text();
    expect(text.length).toBeLessThanOrEqual(301);
    expect(text.endsWith('…')).toBe(true);
  });

  it('cleans upstream text of characters XML forbids and of runs of whitespace', () => {
    expect(clean('  a\u0007 \n b\uFFFE ')).toBe('a b');
  });

  it('says who, how popular, what (summary and abstract) and where, in that order', () => {
    const html = paperContentHtml(
      paper('2603.00001', {
        authors: Array.from({ length: 10 }, (_, i) => `A${i}`),
        organization: { name: 'qwen', fullname: 'Qwen Team' },
        upvotes: 12,
        comments: 1,
        aiSummary: 'It  works.',
        githubRepo: 'https://github.com/a/b',
      }),
    );
    const $ = cheerio.load(html);
    expect(
      $('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([
      'A0, A1, A2, A3, A4, A5, A6, A7 and 2 others · Qwen Team',
      '▲ 12 upvotes · 1 comment',
      'AI summary (generated by Hugging Face): It works.',
      'An abstract about agents.',
      'Hugging Face · arXiv · Code',
    ]);
    expect($('p').eq(2).find('strong').text()).toBe('AI summary (generated by Hugging Face):');
    const bare = cheerio.load(paperContentHtml(paper('2603.00002', { organization: { name: 'qwen' } })));
    expect(
      bare('p')
        .map((_, p) => bare(p).text())
        .get(),
    ).toEqual(['Ada Lovelace and Alan Turing · qwen', '▲ 1 upvote · 0 comments', 'An abstract about agents.', 'Hugging Face · arXiv']);
    expect(html.startsWith('<p>')).toBe(true);
  });

  it('drops authors that are empty once cleaned', () => {
    const item = paperItem({ date: '2026-03-06', paper: paper('2603.00001', { authors: ['  Ada  ', '\u0007', 'Bo'] }), listedAt: 'x', topics: [] }, ctx);
    expect(item.authors).toEqual(['Ada', 'Bo']);
  });
});

describe('rendering', () => {
  const big = (i: number) =>
    paperItem(
      { date: '2026-03-06', paper: paper(`2603.${String(10000 + i)}`, { abstract: 'x'.repeat(20_000) }), listedAt: '2026-03-06T01:00:00.000Z', topics: [] },
      ctx,
    );

  it.each(feedFormats)('%s: trims the oldest items until the feed is under 1 MB', async (format) => {
    const items = Array.from({ length: 80 }, (_, i) => big(i));
    const body = await renderFeed(format, feedOf(items), ctx);
    const bytes = Buffer.byteLength(body);
    expect(bytes).toBeLessThanOrEqual(MAX_FEED_BYTES);
    // Trimmed by 10% steps, so it is still close to the cap, and the newest items are the ones kept.
    expect(bytes).toBeGreaterThan(MAX_FEED_BYTES * 0.8);
    expect(body).toContain('2603.10000');
    expect(body).not.toContain('2603.10079');
  });

  it('leaves a feed under the cap whole', async () => {
    const items = Array.from({ length: 5 }, (_, i) => big(i));
    expect((await renderFeed('json', feedOf(items), ctx)).match(/"id": "https/g)).toHaveLength(5);
  });

  it('dates a feed by its newest item, else the archive’s last capture, never the clock nor 1970', async () => {
    const item = big(0);
    expect(
      feedUpdated(
        feedOf([
          { ...item, date: '2026-03-05T00:00:00.000Z' },
          { ...item, date: '2026-03-01T00:00:00.000Z' },
        ]),
      )?.toISOString(),
    ).toBe('2026-03-05T00:00:00.000Z');
    // A feed with no items (a topic quiet this month, a weekly digest before any week closed).
    const quiet = { ...feedOf([]), archiveUpdated: '2026-03-09T12:00:00.000Z' };
    expect(feedUpdated(quiet)?.toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(await renderRss(quiet, ctx)).toContain('<lastBuildDate>Mon, 09 Mar 2026 12:00:00 GMT</lastBuildDate>');
    expect(renderAtom(quiet, ctx)).toContain('<updated>2026-03-09T12:00:00.000Z</updated>');
    // An empty archive (a fresh fork): RSS leaves its optional date out; Atom, which must have
    // one, says Daily Papers' first day.
    const empty = feedOf([]);
    expect(feedUpdated(empty)).toBeUndefined();
    const rss = await renderRss(empty, ctx);
    expect(rss).not.toContain('lastBuildDate');
    expect(rss).not.toContain('1970');
    expect(renderAtom(empty, ctx)).toContain('<updated>2023-05-05T00:00:00.000Z</updated>');
    expect(renderOpml([{ title: 'Daily Papers', groups: [mainGroup] }], ctx, undefined)).not.toContain('dateModified');
  });

  describe('every upstream field hostile', () => {
    const item = paperItem({ date: '2026-03-06', paper: hostilePaper, listedAt: '2026-03-06T01:00:00.000Z', topics: ['Agents & <Tools>'] }, ctx);
    const feed = feedOf([item]);
    const checkHtml = (html: string) => {
      const $ = cheerio.load(html);
      expect($('script, iframe, img, svg, b, keyword').length).toBe(0);
      expect($('[onmouseover], [onerror], [onload], [onclick]').length).toBe(0);
      const hrefs = $('a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(hrefs).toContain(HOSTILE.repo);
      expect(hrefs).toContain(HOSTILE.page);
      const text = $.root().text();
      expect(text).toContain(HOSTILE.author.replace(' & ]]>', ' & ]]>'));
      expect(text).toContain(HOSTILE.org);
      expect(text).toContain('Abstract <iframe src="javascript:alert(1)"></iframe> & ]]> bell.');
      expect(text).toContain(HOSTILE.summary);
    };

    it('RSS: read back as text by two parsers', async () => {
      const xml = await renderFeed('rss', feed, ctx);
      const rss = parseRssFeed(xml);
      expect(rss.items![0]!.title).toBe(HOSTILE.title);
      expect(rss.items![0]!.dc?.creators?.[0]).toContain(HOSTILE.author);
      checkHtml(rss.items![0]!.content!.encoded!);
      const other = extractFromXml(xml, { normalization: false }) as { item: { title: string; 'dc:creator': string } };
      expect(other.item.title).toBe(HOSTILE.title);
      expect(other.item['dc:creator']).toContain(HOSTILE.author);
    });

    it('Atom: read back as text by two parsers', async () => {
      const xml = await renderFeed('atom', feed, ctx);
      const atom = parseAtomFeed(xml);
      expect(atom.entries![0]!.title?.value).toBe(HOSTILE.title);
      expect(atom.entries![0]!.authors!.map((a) => a.name)).toEqual([HOSTILE.author, 'Eve']);
      expect(atom.entries![0]!.categories!.map((c) => c.term)).toEqual(['Agents & <Tools>']);
      checkHtml(atom.entries![0]!.content!.value!);
      const other = extractFromXml(xml) as { entries: { title: string }[] };
      expect(other.entries[0]!.title).toBe(HOSTILE.title);
    });

    it('JSON Feed: read back as text by an independent parser', async () => {
      const text = await renderFeed('json', feed, ctx);
      const raw = JSON.parse(text);
      expect(raw.items[0].title).toBe(HOSTILE.title);
      expect(raw.items[0].authors.map((a: { name: string }) => a.name)).toEqual([HOSTILE.author, 'Eve']);
      expect(raw.items[0].tags).toEqual(['Agents & <Tools>']);
      checkHtml(raw.items[0].content_html);
      const other = extractFromJson(raw) as { title: string; entries: { title: string; link: string }[] };
      expect(other.entries[0]).toMatchObject({ title: HOSTILE.title, link: 'https://papers.example.org/papers/2603.00666/' });
    });

    it('never leaves a character XML forbids in any format', async () => {
      for (const format of feedFormats) expect(await renderFeed(format, feed, ctx), format).not.toContain('\u0007');
    });
  });

  describe('feed-level fields', () => {
    const items = [
      { ...big(1), date: '2026-03-05T00:00:00.000Z', authors: Array.from({ length: 12 }, (_, i) => `Author ${i + 1}`), categories: ['Video'] },
      { ...big(0), date: '2026-03-04T00:00:00.000Z', authors: [] },
    ];
    const main = feedOf(items);
    const digest: Feed = { group: digestGroup, homeUrl: 'https://papers.example.org/days/', items };

    it('RSS: title, link, description, language, build date, self link; creators and categories per item', async () => {
      const rss = parseRssFeed(await renderFeed('rss', main, ctx));
      expect(rss).toMatchObject({
        title: 'Broadsheet: Hugging Face Daily Papers',
        link: 'https://papers.example.org/',
        description: mainGroup.description,
        language: 'en',
      });
      expect(rss.lastBuildDate).toBe('Thu, 05 Mar 2026 00:00:00 GMT');
      expect(rss.atom?.links).toEqual([expect.objectContaining({ href: 'https://papers.example.org/rss.xml', rel: 'self', type: 'application/rss+xml' })]);
      expect(rss.items![0]).toMatchObject({ pubDate: 'Thu, 05 Mar 2026 00:00:00 GMT', categories: [{ name: 'Video' }] });
      expect(rss.items![0]!.dc?.creators).toEqual(['Author 1, Author 2, Author 3, Author 4, Author 5, Author 6, Author 7, Author 8 and 4 others']);
      expect(rss.items![1]!.dc?.creators).toBeUndefined();
      expect(parseRssFeed(await renderFeed('rss', digest, ctx)).title).toBe('Broadsheet: Daily digest');
    });

    it('Atom: id, title, subtitle, updated, author, self and alternate links; entries with dates and at most 10 authors', async () => {
      const atom = parseAtomFeed(await renderFeed('atom', main, ctx));
      expect(atom).toMatchObject({
        id: 'https://papers.example.org/atom.xml',
        title: { value: 'Broadsheet: Hugging Face Daily Papers' },
        subtitle: { value: mainGroup.description },
      });
      expect(atom.updated).toBe('2026-03-05T00:00:00.000Z');
      expect(atom.authors).toEqual([{ name: 'Broadsheet', uri: 'https://papers.example.org/' }]);
      expect(atom.links).toEqual([
        expect.objectContaining({ href: 'https://papers.example.org/atom.xml', rel: 'self', type: 'application/atom+xml' }),
        expect.objectContaining({ href: 'https://papers.example.org/', rel: 'alternate', type: 'text/html' }),
      ]);
      const [first, second] = atom.entries!;
      expect(first).toMatchObject({ updated: '2026-03-05T00:00:00.000Z', published: '2026-03-05T00:00:00.000Z', categories: [{ term: 'Video' }] });
      expect(first!.links).toEqual([expect.objectContaining({ href: first!.id, rel: 'alternate', type: 'text/html' })]);
      expect(first!.authors!.map((a) => a.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Author ${i + 1}`));
      expect(second!.authors).toBeUndefined();
      expect(first!.content?.type).toBe('html');
      expect(parseAtomFeed(await renderFeed('atom', digest, ctx)).links?.[1]?.href).toBe('https://papers.example.org/days/');
    });

    it('JSON Feed: title, description, home and feed URLs, language, author; items with dates, at most 10 authors, tags', async () => {
      const json = JSON.parse(await renderFeed('json', main, ctx));
      expect(json).toMatchObject({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Broadsheet: Hugging Face Daily Papers',
        description: mainGroup.description,
        home_page_url: 'https://papers.example.org/',
        feed_url: 'https://papers.example.org/feed.json',
        language: 'en',
        authors: [{ name: 'Broadsheet', url: 'https://papers.example.org/' }],
      });
      expect(json.items[0]).toMatchObject({ date_published: '2026-03-05T00:00:00.000Z', tags: ['Video'] });
      expect(json.items[0].authors).toHaveLength(10);
      expect(json.items[1]).not.toHaveProperty('authors');
      expect(json.items[1]).not.toHaveProperty('tags');
      expect(JSON.parse(await renderFeed('json', feedOf([]), ctx)).items).toEqual([]);
    });

    it('keeps one item that alone passes the cap rather than publish an empty feed', async () => {
      const huge = { ...big(0), contentHtml: 'x'.repeat(MAX_FEED_BYTES + 10) };
      expect((await renderFeed('json', feedOf([huge]), ctx)).length).toBeGreaterThan(MAX_FEED_BYTES);
    });
  });

  it('OPML: one subscription per feed and format, typed for import', () => {
    const opml = renderOpml([{ title: 'Daily Papers', groups: [mainGroup, digestGroup] }], ctx, new Date('2026-03-09T12:00:00Z'));
    const $ = cheerio.load(opml, { xml: true });
    expect(
      $('outline[xmlUrl]')
        .map((_, o) => [[$(o).attr('type'), $(o).attr('xmlUrl')]])
        .get(),
    ).toEqual([
      ['rss', 'https://papers.example.org/rss.xml'],
      ['rss', 'https://papers.example.org/atom.xml'],
      ['rss', 'https://papers.example.org/feed.json'],
      ['rss', 'https://papers.example.org/digest/rss.xml'],
      ['rss', 'https://papers.example.org/digest/atom.xml'],
      ['rss', 'https://papers.example.org/digest/feed.json'],
    ]);
    expect($('head title').text()).toBe('Broadsheet feeds');
    expect($('head dateModified').text()).toBe('Mon, 09 Mar 2026 12:00:00 GMT');
    expect($('body > outline').attr('text')).toBe('Daily Papers');
    const first = $('outline[xmlUrl]').first();
    expect([first.attr('text'), first.attr('title'), first.attr('description'), first.attr('htmlUrl')]).toEqual([
      'All papers (RSS)',
      'All papers',
      mainGroup.description,
      'https://papers.example.org/',
    ]);
  });
});
