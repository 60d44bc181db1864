// What a first visit costs a reader: the bytes a cold browser downloads, in headless Chromium, for
// a first search (when the first result appears, and once every year is searched) and for
// /following/ with a few things followed. Sizes are as received, and as a host that gzips would
// send them (files already gzipped, such as Pagefind's, count as they are).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Follows } from '../../../../src/lib/following/follows.ts';
import type { RecentFile, RecentNames } from '../../../../src/lib/following/recent.ts';
import { hasChromium, launchChromium } from '../chromium.ts';
import { serveStatic } from '../static-server.ts';
import type { ListedDay } from './archive.ts';

export interface PageBytes {
  /** Everything received when the first result appears. */
  visible: number;
  /** Everything received once the page is done and the network is idle. */
  total: number;
  /** `total` as a gzipping host sends it. */
  compressed: number;
  /** Of `total`, the files below /pagefind/. */
  pagefind: number;
  requests: number;
}

interface Probe {
  /** Set in localStorage before the page loads. */
  storage?: Record<string, string>;
  /** An element whose appearance is the first thing the reader waits for. */
  first: string;
  /** Resolves once the page has done its work. */
  done: (page: Page) => Promise<unknown>;
}

/** One cold visit of `url` on the site in `dist`; undefined without Chromium. */
async function probePage(dist: string, url: string, probe: Probe): Promise<PageBytes | undefined> {
  if (!hasChromium()) return undefined;
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bytes = new Map<string, number>();
    const compressed = new Map<string, number>();
    page.on('response', async (response) => {
      const body = await response.body().catch(() => undefined);
      if (!body) return;
      bytes.set(response.url(), body.length);
      compressed.set(response.url(), Math.min(body.length, gzipSync(body, { level: 6 }).length));
    });
    const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((total, size) => total + size, 0);
    let visible = 0;
    await page.exposeFunction('firstShown', () => (visible = sum(bytes)));
    await page.addInitScript(
      ([first, storage]) => {
        for (const [key, value] of Object.entries(storage)) localStorage.setItem(key, value);
        new MutationObserver((_, observer) => {
          if (!document.querySelector(first)) return;
          observer.disconnect();
          (window as unknown as { firstShown: () => void }).firstShown();
        }).observe(document, { childList: true, subtree: true });
      },
      [probe.first, probe.storage ?? {}] as const,
    );
    await page.goto(`${server.origin}${url}`);
    await probe.done(page);
    await page.waitForLoadState('networkidle');
    const pagefind = [...bytes].filter(([at]) => at.includes('/pagefind/')).reduce((total, [, size]) => total + size, 0);
    return { visible, total: sum(bytes), compressed: sum(compressed), pagefind, requests: bytes.size };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A first search of `query` (`{ q, sort }`, `{ author }`). */
export function firstPageBytes(dist: string, query: Record<string, string>): Promise<PageBytes | undefined> {
  return probePage(dist, `/search/?${new URLSearchParams(query)}`, {
    first: '.search-result',
    done: (page) => page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 }),
  });
}

const readGz = async <T>(dist: string, file: string): Promise<T> => JSON.parse(gunzipSync(await readFile(path.join(dist, file))).toString('utf8')) as T;

/**
 * The searches to probe: a paper's distinctive name (the usual search: a paper half remembered),
 * the commonest words of real abstracts ("model", "reasoning": the sample draws them as often as
 * real text has them), by relevance, date and upvotes, and the papers of the most prolific recent
 * author (the link /following/ gives each followed author).
 */
export async function searchProbes(dist: string, listed: readonly ListedDay[]): Promise<[label: string, query: Record<string, string>][]> {
  const titles = listed.flatMap((day) => day.titles).join('\n');
  const uses = (word: string) => titles.split(word).length - 1;
  const middleDay = listed[Math.floor(listed.length / 2)]!.titles;
  const distinctive = middleDay.map((title) => title.split(/[:\s-]/)[0]!).sort((a, b) => uses(a) - uses(b))[0]!;
  const [author] = (await readGz<RecentNames>(dist, 'following/names.json.gz'))[0] ?? [];
  return [
    [`a paper's name ("${distinctive}")`, { q: distinctive }],
    ['a common word ("model")', { q: 'model' }],
    ['a common word ("reasoning")', { q: 'reasoning' }],
    ['a common word ("model"), by date', { q: 'model', sort: 'date' }],
    ['a common word ("model"), by upvotes', { q: 'model', sort: 'upvotes' }],
    ...(author ? [[`an author's papers ("${author}")`, { author, sort: 'date' }] as [string, Record<string, string>]] : []),
  ];
}

/**
 * /following/ on a first visit, following the most prolific recent author, the organization and
 * the topic with the most recent papers: the page, its styles and scripts and the recent papers.
 */
export async function followingBytes(dist: string): Promise<{ follows: string; bytes: PageBytes | undefined }> {
  const recent = await readGz<RecentFile>(dist, 'following/recent.json.gz');
  const [author] = (await readGz<RecentNames>(dist, 'following/names.json.gz'))[0] ?? [];
  const most = (indexes: number[]) =>
    [...indexes.reduce((m, i) => m.set(i, (m.get(i) ?? 0) + 1), new Map<number, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];
  const org = recent.orgs[most(recent.papers.map((p) => p[3]).filter((i) => i >= 0)) ?? -1];
  const topic = recent.topics[most(recent.papers.flatMap((p) => p[4])) ?? -1];
  const follows: Follows = {
    version: 1,
    authors: author ? [{ name: author }] : [],
    orgs: org ? [{ handle: org[0], name: org[1], path: `/orgs/${org[2]}/`, ...(org[3] ? { feeds: true } : {}) }] : [],
    topics: topic ? [{ slug: topic[0], name: topic[1] }] : [],
  };
  const bytes = await probePage(dist, '/following/', {
    storage: { 'broadsheet:following': JSON.stringify(follows) },
    first: '#following-papers li',
    done: (page) => page.waitForSelector('#following-app[aria-busy="false"]', { timeout: 120_000 }),
  });
  const named = [...follows.authors.map((a) => a.name), ...follows.orgs.map((o) => o.name), ...follows.topics.map((t) => t.name)];
  return { follows: `${recent.days.length} listed days, ${recent.papers.length} papers; following ${named.join(', ')}`, bytes };
}
