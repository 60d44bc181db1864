// Every built feed, parsed back by a real feed parser and checked for well-formedness by xmllint.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { extractFromJson } from '@extractus/feed-extractor';
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTopics, topicsOf } from '../../src/lib/topics.ts';
import { topics } from '../../src/topics.config.ts';
import { HOSTILE, makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { describeShared, sharedPath } from '../helpers/shared.ts';

const SITE = 'https://papers.example.org';
let site: BuiltSite;
let daysDir: string;
let feeds: string[];

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint && process.env.CI === 'true') throw new Error('CI=true but xmllint is missing (apt-get install libxml2-utils)');
// The independent reader: Python's feedparser and listparser, as Debian packages them.
const PYTHON = process.env.FEEDPARSER_PYTHON || '/usr/bin/python3';
const hasFeedparser = spawnSync(PYTHON, ['-c', 'import feedparser, listparser']).status === 0;
if (!hasFeedparser) {
  if (process.env.CI === 'true') throw new Error(`CI=true but ${PYTHON} lacks feedparser/listparser (apt-get install python3-feedparser python3-listparser)`);
  console.warn('[skipped] feed checks with Python feedparser: apt-get install python3-feedparser python3-listparser');
}

beforeAll(async () => {
  daysDir = await makeFixtureArchive();
  site = await buildSite(daysDir, { SITE_URL: SITE });
  feeds = (await site.files()).filter((file) => /(rss|atom)\.xml$|feed\.json$/.test(file)).sort();
});

describe('the feeds', () => {
  it('exist for everything, the top papers, the digest and every topic, in three formats', () => {
    for (const scope of ['', 'top/', 'digest/', 'weekly/', 'monthly/', 'released/', ...topics.map((t) => `topics/${t.slug}/`)]) {
      for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect(feeds).toContain(`${scope}${file}`);
    }
  });

  it.skipIf(!hasXmllint)('are well-formed XML (xmllint)', () => {
    const xml = feeds.filter((file) => file.endsWith('.xml')).map((file) => path.join(site.dist, file));
    expect(() => execFileSync('xmllint', ['--noout', ...xml, path.join(site.dist, 'feeds.opml')], { stdio: 'pipe' })).not.toThrow();
  });

  it('RSS 2.0: channel with a self link, items with permanent guids, dates, authors and topics', async () => {
    const rss = parseRssFeed(await site.read('rss.xml'));
    expect(rss).toMatchObject({ title: 'Broadsheet: Hugging Face Daily Papers', link: `${SITE}/` });
    expect(rss.atom?.links).toContainEqual(expect.objectContaining({ href: `${SITE}/rss.xml`, rel: 'self' }));
    const item = rss.items!.find((i) => i.link === `${SITE}/papers/2603.00011/`)!;
    expect(item.guid).toMatchObject({ value: `${SITE}/papers/2603.00011/`, isPermaLink: true });
    expect(item.pubDate).toBe('Fri, 06 Mar 2026 00:44:05 GMT');
    expect(item.dc?.creators).toContain('Ada Lovelace and Alan Turing');
    expect(item.categories?.map((c) => c.name)).toContain('Agents and tool use');
  });

  it('Atom 1.0: one id, title and updated; an author; entries with ids and dates', async () => {
    const xml = await site.read('atom.xml');
    const atom = parseAtomFeed(xml);
    expect(atom.id).toBe(`${SITE}/atom.xml`);
    // The newest item's listing time, not the build clock.
    expect(atom.updated).toBe('2026-03-09T00:44:05.364Z');
    expect(atom.authors?.[0]?.name).toBe('Broadsheet');
    expect(xml.match(/<feed[^>]*>[\s\S]*?<entry>/)![0].match(/<(id|title|updated)>/g)).toEqual(['<id>', '<title>', '<updated>']);
    for (const entry of atom.entries!) {
      expect(entry.id).toMatch(new RegExp(`^${SITE}/papers/`));
      expect(entry.updated).toMatch(/^2026-03-0\dT/);
      expect(entry.links?.[0]?.href).toBe(entry.id);
    }
  });

  it('JSON Feed 1.1: version, feed_url and items with ids, dates and HTML content', async () => {
    const raw = JSON.parse(await site.read('feed.json'));
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    const json = parseJsonFeed(raw);
    expect(json.feed_url).toBe(`${SITE}/feed.json`);
    expect(json.items!.map((item) => item.id)).toContain(`${SITE}/papers/hep-th/9901001/`);
    expect(json.items!.every((item) => item.content_html && item.date_published)).toBe(true);
  });

  it('list each paper once, even when it was listed on two days', async () => {
    const rss = parseRssFeed(await site.read('rss.xml'));
    const links = rss.items!.map((item) => item.link);
    expect(new Set(links).size).toBe(links.length);
    expect(links).toHaveLength(8);
  });

  it('keep the top feed to papers over the upvote threshold, and give the digest one item per day', async () => {
    const top = parseJsonFeed(JSON.parse(await site.read('top/feed.json')));
    expect(top.items!.map((item) => item.id).sort()).toEqual([`${SITE}/papers/2603.00010/`, `${SITE}/papers/2603.00020/`]);
    const digest = parseAtomFeed(await site.read('digest/atom.xml'));
    expect(digest.entries!.map((entry) => entry.id)).toEqual(['2026-03-09', '2026-03-06', '2026-03-05'].map((d) => `${SITE}/days/${d}/`));
    expect(digest.entries![1]!.content?.value).toContain('LLM<span class="katex"><math');
  });

  it('put a topic’s papers, and only those, in its feed', async () => {
    const video = parseRssFeed(await site.read('topics/video/rss.xml'));
    expect(video.items!.map((item) => item.link)).toEqual([`${SITE}/papers/2603.00022/`]);
  });

  it('carry hostile titles as text and drop control characters, and still parse', async () => {
    const rss = parseRssFeed(await site.read('rss.xml'));
    const titles = rss.items!.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining([HOSTILE.script, HOSTILE.title, HOSTILE.cdata]));
    const atom = parseAtomFeed(await site.read('atom.xml'));
    expect(atom.entries!.map((entry) => entry.title?.value)).toEqual(expect.arrayContaining([HOSTILE.cdata]));
    for (const file of feeds) expect(await site.read(file), file).not.toContain('\u0007');
    const hostile = rss.items!.find((item) => item.link?.endsWith('/2603.00020/'))!;
    expect(hostile.content?.encoded).toContain('Abstract with a bell control character and &lt;b&gt;markup&lt;/b&gt;.');
  });

  it('keep a topic feed with no recent papers valid, with an empty item list', async () => {
    const empty = JSON.parse(await site.read('topics/speech-audio/feed.json'));
    expect(empty.items).toEqual([]);
  });

  it('contain HTML without script, style, iframe, images or relative URLs', async () => {
    for (const file of feeds.filter((f) => f.endsWith('feed.json'))) {
      for (const item of JSON.parse(await site.read(file)).items as { content_html: string }[]) {
        const $ = cheerio.load(item.content_html);
        expect($('script, style, iframe, img, object, embed').length, file).toBe(0);
        $('[href], [src]').each((_, el) => expect($(el).attr('href') ?? $(el).attr('src'), file).toMatch(/^https:\/\//));
        expect($('[style], [onerror], [onclick]').length, file).toBe(0);
      }
    }
  });

  it('stay under 1 MB each', async () => {
    for (const file of feeds) expect(Buffer.byteLength(await site.read(file)), file).toBeLessThan(1_000_000);
  });

  it('are byte-identical when the same data is built again', async () => {
    const again = await buildSite(daysDir, { SITE_URL: SITE });
    for (const file of [...feeds, 'feeds.opml']) expect(await again.read(file), file).toBe(await site.read(file));
    // Paper pages too: related lists break their ties by id, so they come out the same.
    const pages = (await site.files()).filter((file) => file.startsWith('papers/'));
    for (const file of pages) expect(await again.read(file), file).toBe(await site.read(file));
  });
});

interface ReaderView {
  bozo: boolean;
  error: string;
  version?: string;
  title?: string;
  entries?: { id: string; link: string; title: string; authors: string[]; published?: string; content?: string }[];
  feeds?: { url: string; title: string }[];
}

describe.skipIf(!hasFeedparser)('an independent reader (Python feedparser, listparser)', () => {
  let views: Record<string, ReaderView>;
  beforeAll(() => {
    const files = [...feeds.filter((f) => f.endsWith('.xml')), 'feeds.opml', 'orgs.opml'].map((f) => path.join(site.dist, f));
    const out = execFileSync(PYTHON, [path.resolve('tests/helpers/read_feeds.py'), ...files], { maxBuffer: 64 * 1024 * 1024 }).toString();
    views = Object.fromEntries(Object.entries(JSON.parse(out) as Record<string, ReaderView>).map(([file, view]) => [path.relative(site.dist, file), view]));
  });

  it('reads every RSS and Atom feed cleanly, with the same items as the feed holds', async () => {
    for (const file of feeds.filter((f) => f.endsWith('.xml'))) {
      const view = views[file]!;
      expect(view.bozo, `${file}: ${view.error}`).toBe(false);
      expect(view.version, file).toBe(file.endsWith('rss.xml') ? 'rss20' : 'atom10');
      const links = file.endsWith('rss.xml')
        ? (parseRssFeed(await site.read(file)).items ?? []).map((i) => i.link)
        : (parseAtomFeed(await site.read(file)).entries ?? []).map((e) => e.links?.[0]?.href);
      expect(
        view.entries!.map((e) => e.link),
        file,
      ).toEqual(links);
    }
  });

  it('sees plain titles, authors, dates and content, and no markup from hostile fields', () => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const entries = views[file]!.entries!;
      const mapreduce = entries.find((e) => e.link === `${SITE}/papers/2603.00011/`)!;
      expect(mapreduce.title, file).toBe('LLM×MapReduce: Long-Context Agents');
      expect(mapreduce.authors.join(', '), file).toContain('Ada Lovelace');
      expect(mapreduce.published, file).toMatch(/2026/);
      expect(mapreduce.content, file).toContain('quokka protocol');
      // Hostile titles arrive as the exact text, and no content carries live markup.
      for (const [id, title] of [
        ['2603.00020', HOSTILE.script],
        ['2603.00021', HOSTILE.title],
        ['2603.00030', HOSTILE.cdata],
      ]) {
        expect(entries.find((e) => e.link === `${SITE}/papers/${id}/`)?.title, file).toBe(title);
      }
      for (const entry of entries) expect(entry.content ?? '', file).not.toMatch(/<script|<img|onerror=|javascript:/i);
    }
  });

  it('imports every feed from the two OPML files: the site’s feeds and the organizations’', () => {
    const urls: string[] = [];
    for (const file of ['feeds.opml', 'orgs.opml']) {
      const view = views[file]!;
      expect(view.bozo, `${file}: ${view.error}`).toBe(false);
      urls.push(...view.feeds!.map((f) => f.url.slice(SITE.length + 1)));
    }
    expect(urls.sort()).toEqual(feeds);
  });

  it('reads every JSON Feed with a second parser (feed-extractor)', async () => {
    for (const file of feeds.filter((f) => f.endsWith('feed.json'))) {
      const raw = JSON.parse(await site.read(file)) as { items: { url: string }[] };
      const read = extractFromJson(raw) as { entries?: { link: string }[] };
      expect(
        (read.entries ?? []).map((e) => e.link),
        file,
      ).toEqual(raw.items.map((i) => i.url));
    }
  });
});

describe('the OPML file', () => {
  it('lists every feed, and every URL in it resolves to a built file', async () => {
    const opml = parseOpml(await site.read('feeds.opml'));
    const outlines = opml.body!.outlines!.flatMap((section) => section.outlines ?? []);
    const urls = outlines.map((outline) => outline.xmlUrl!);
    expect(urls.map((url) => url.slice(SITE.length + 1)).sort()).toEqual(feeds.filter((file) => !file.startsWith('orgs/')));
    const built = new Set(await site.files());
    for (const outline of outlines) {
      for (const url of [outline.xmlUrl!, outline.htmlUrl!]) {
        const file = url.slice(SITE.length + 1);
        expect(built.has(file) || built.has(`${file}index.html`), url).toBe(true);
      }
    }
  });
});

describe('pages advertise their feeds', () => {
  it('with <link rel="alternate"> and visible links', async () => {
    for (const [url, feed] of [
      ['/', `${SITE}/rss.xml`],
      ['/days/2026-03-06/', `${SITE}/atom.xml`],
      ['/topics/video/', `${SITE}/topics/video/feed.json`],
      ['/topics/', `${SITE}/digest/rss.xml`],
    ] as const) {
      const $ = await site.page(url);
      expect(
        $('link[rel="alternate"]')
          .map((_, l) => $(l).attr('href'))
          .get(),
        url,
      ).toContain(feed);
    }
    // A paper page advertises none: its topic chips lead to the topic pages, which advertise theirs.
    expect((await site.page('/papers/2603.00022/'))('link[rel="alternate"]')).toHaveLength(0);
    const $ = await site.page('/topics/video/');
    expect(
      $('.feeds a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/topics/video/rss.xml', '/topics/video/atom.xml', '/topics/video/feed.json', '/feeds.opml']);
  });
});

describeShared('the default topics on the real recorded days', () => {
  it('give most papers a topic, match each topic somewhere, and let none swallow everything', async () => {
    const compiled = compileTopics(topics);
    const papers = new Map<string, { title: string; abstract: string; aiKeywords?: string[] }>();
    for (const name of await readdir(sharedPath('daily_papers'))) {
      for (const item of JSON.parse(await readFile(sharedPath('daily_papers', name), 'utf8'))) {
        papers.set(item.paper.id, { title: item.paper.title, abstract: item.paper.summary, aiKeywords: item.paper.ai_keywords });
      }
    }
    const counts = new Map(topics.map((t) => [t.slug, 0]));
    let none = 0;
    for (const paper of papers.values()) {
      const slugs = topicsOf(paper, compiled);
      if (slugs.length === 0) none++;
      for (const slug of slugs) counts.set(slug, counts.get(slug)! + 1);
    }
    expect(none / papers.size).toBeLessThan(0.1);
    for (const [slug, count] of counts) {
      expect(count, slug).toBeGreaterThan(0);
      expect(count / papers.size, slug).toBeLessThan(0.5);
    }
    const topicsOfTitle = (id: string) => topicsOf(papers.get(id)!, compiled);
    expect(topicsOfTitle('2406.12045')).toEqual(expect.arrayContaining(['agents', 'datasets-benchmarks'])); // τ-bench
    expect(topicsOfTitle('2405.15738')).toContain('multimodal'); // ConvLLaVA
    expect(topicsOfTitle('2503.07677')).toContain('image-generation'); // PLADIS: diffusion models
  });
});
