// The built site in real headless Chromium: search, filters, sorting, linked searches, and pages
// that load without errors or requests leaving 127.0.0.1. Screenshots land in test-results/.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { hasChromium, launch, watchedPage, CHROME_PATH, type Watched } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROME_PATH}: the browser tests must not be skipped (apt-get install chromium)`);
  console.warn(`[skipped] browser tests: no Chromium at ${CHROME_PATH} (apt-get install chromium, or set CHROME_PATH)`);
}

const SHOTS = path.resolve('test-results/screenshots');
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** One page of every kind the site has. */
const PAGES = [
  ['/', 'home'],
  ['/days/2026-03-06/', 'day'],
  ['/papers/2603.00020/', 'paper'],
  ['/days/', 'archive'],
  ['/topics/', 'topics'],
  ['/topics/agents/', 'topic'],
  ['/weeks/2026-W10/', 'week'],
  ['/months/2026-03/', 'month'],
  ['/orgs/', 'orgs'],
  ['/orgs/Qwen~c0/', 'org'],
  ['/search/?q=study', 'search'],
  ['/no-such-page/', '404'],
] as const;
let site: BuiltSite;
let fixtureDays: string;
let server: StaticServer;
let browser: Browser;

const clean = (w: Watched) => {
  expect(w.errors, 'console errors').toEqual([]);
  expect(w.failed, 'failed requests').toEqual([]);
  expect(w.offsite, 'requests leaving 127.0.0.1').toEqual([]);
};

async function search(w: Watched, term: string): Promise<string[]> {
  await w.page.fill('#search input', term);
  await w.page.waitForSelector('.pagefind-ui__result-link');
  await w.page.waitForTimeout(400);
  return w.page.$$eval('.pagefind-ui__result-link', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

describe.skipIf(!hasChromium)('in a real browser', () => {
  beforeAll(async () => {
    fixtureDays = await makeFixtureArchive();
    site = await buildSite(fixtureDays, { SITE_URL: 'https://papers.example.org' });
    server = await serveStatic(site.dist);
    browser = await launch();
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a paper by a distinctive title word, first, and follows it to its page', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/`);
    const results = await search(w, 'MapReduce');
    expect(results[0]).toBe('/papers/2603.00011/');
    await w.page.screenshot({ path: path.join(SHOTS, 'search-results.png'), fullPage: true });
    await w.page.click('.pagefind-ui__result-link >> nth=0');
    await w.page.waitForURL('**/papers/2603.00011/');
    expect(await w.page.textContent('h1')).toContain('MapReduce: Long-Context Agents');
    clean(w);
  });

  it('finds a paper by a word of its abstract, and shows its authors, date and upvotes', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/`);
    expect(await search(w, 'quokka')).toEqual(['/papers/2603.00011/']);
    const meta = await w.page.textContent('.pagefind-ui__result');
    expect(meta).toContain('Ada Lovelace and Alan Turing');
    expect(meta).toContain('2026-03-06');
    expect(meta).toMatch(/upvotes:?\s*40/i);
    // The result title is plain text, the formula rendered: no raw LaTeX.
    expect(await w.page.textContent('.pagefind-ui__result-title')).toBe('LLM×MapReduce: Long-Context Agents');
    clean(w);
  });

  it('narrows results with a topic filter', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/`);
    const all = await search(w, 'study');
    expect(all.length).toBeGreaterThan(2);
    await w.page.click('.pagefind-ui__filter-checkbox[id$="Video"], input[type="checkbox"][id*="Video"]');
    await w.page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result-link').length === 1);
    expect(await w.page.$$eval('.pagefind-ui__result-link', (l) => l.map((a) => (a as HTMLAnchorElement).pathname))).toEqual(['/papers/2603.00022/']);
    clean(w);
  });

  it('sorts by upvotes, and opens a linked search from the address', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=study&sort=upvotes`);
    await w.page.waitForSelector('.pagefind-ui__result-link');
    await w.page.waitForTimeout(300);
    const paths = await w.page.$$eval('.pagefind-ui__result-link', (l) => l.map((a) => (a as HTMLAnchorElement).pathname));
    expect(paths.slice(0, 3)).toEqual(['/papers/2603.00020/', '/papers/2603.00010/', '/papers/2603.00011/']);
    expect(await w.page.inputValue('#search input')).toBe('study');
    expect(await w.page.inputValue('#search-sort')).toBe('upvotes');
    clean(w);
  });

  it('says so politely when nothing matches', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=xylophonist`);
    await w.page.waitForSelector('.pagefind-ui__message');
    await w.page.waitForFunction(() => document.querySelector('.pagefind-ui__message')?.textContent?.includes('No papers match'));
    clean(w);
  });

  it('reaches search from the header box of any page', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/days/2026-03-06/`);
    await w.page.fill('#site-search', 'quokka');
    await w.page.press('#site-search', 'Enter');
    await w.page.waitForURL('**/search/?q=quokka');
    await w.page.waitForSelector('.pagefind-ui__result-link');
    clean(w);
  });

  it('loads the home, a day, a paper and the archive with no errors and no JavaScript', async () => {
    for (const [url, shot] of [
      ['/', 'home'],
      ['/days/2026-03-06/', 'day'],
      ['/papers/2603.00010/', 'paper'],
      ['/days/', 'archive'],
      ['/topics/', 'topics'],
    ] as const) {
      const w = await watchedPage(browser);
      await w.page.goto(`${server.origin}${url}`);
      expect(await w.page.$$eval('script[src]', (s) => s.length), url).toBe(0);
      await w.page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
      clean(w);
      await w.page.close();
    }
  });

  it('passes axe-core’s WCAG 2.1 A and AA rules on every kind of page, in light and in dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [url, shot] of PAGES) {
        const w = await watchedPage(browser, { colorScheme });
        await w.page.goto(`${server.origin}${url}`);
        if (url.startsWith('/search/')) await w.page.waitForSelector('.pagefind-ui__result-link');
        // Injected through the DevTools protocol, which the pages' CSP does not apply to.
        await w.page.evaluate(AXE);
        const violations = await w.page.evaluate(async () => {
          const result = await (
            window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
          ).axe.run({
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${url} (${colorScheme})`).toEqual([]);
        await w.page.screenshot({ path: path.join(SHOTS, `${shot}-${colorScheme}.png`), fullPage: true });
        await w.page.close();
      }
    }
  });

  it('shows the email digest’s HTML part readably in light and dark, with nothing fetched', async () => {
    const { readDay } = await import('../../scripts/lib/store.ts');
    const { renderDigest } = await import('../../scripts/lib/email/render.ts');
    const day = (await readDay(fixtureDays, '2026-03-06'))!;
    const { digestSubject } = await import('../../scripts/lib/email/render.ts');
    const { html } = renderDigest({
      subject: digestSubject(day.date, day.papers.length),
      page: '/days/2026-03-06/',
      pageLabel: "the day's page",
      papers: day.papers,
      topicNames: [],
      site: new URL('https://papers.example.org'),
      base: '/',
      siteTitle: 'Broadsheet',
    });
    for (const colorScheme of ['light', 'dark'] as const) {
      const w = await watchedPage(browser, { colorScheme, viewport: { width: 700, height: 900 } });
      await w.page.setContent(html);
      expect(await w.page.textContent('h1')).toBe('Daily Papers, 6 Mar 2026: 4 papers');
      // The hostile title is text in the message, not markup.
      expect(await w.page.$$eval('script, img, iframe', (found) => found.length)).toBe(0);
      await w.page.evaluate(AXE);
      const violations = await w.page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
        });
        return result.violations.map((v) => v.id);
      });
      expect(violations, colorScheme).toEqual([]);
      await w.page.screenshot({ path: path.join(SHOTS, `email-${colorScheme}.png`), fullPage: true });
      expect(w.offsite).toEqual([]);
      await w.page.close();
    }
  });

  it('renders LaTeX as MathML the browser lays out', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/papers/2603.00010/`);
    const box = await w.page.locator('h1 math').boundingBox();
    expect(box?.width).toBeGreaterThan(10);
    clean(w);
  });

  it('without JavaScript, the search page points to the archive and the topics', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/`);
    const text = await page.textContent('main');
    expect(text).toContain('needs JavaScript');
    expect(await page.isVisible('#search-app')).toBe(false);
    await context.close();
  });

  it('searches and links correctly when the site lives under a base path', async () => {
    const sub = await buildSite(await makeFixtureArchive(), { SITE_URL: 'https://you.github.io', BASE_PATH: '/archive/' });
    const subServer = await serveStatic(sub.dist, '/archive/');
    try {
      const w = await watchedPage(browser);
      await w.page.goto(`${subServer.origin}/archive/days/2026-03-06/`);
      await w.page.fill('#site-search', 'quokka');
      await w.page.press('#site-search', 'Enter');
      await w.page.waitForURL('**/archive/search/?q=quokka');
      expect(await search(w, 'quokka')).toEqual(['/archive/papers/2603.00011/']);
      await w.page.click('.pagefind-ui__result-link >> nth=0');
      await w.page.waitForURL('**/archive/papers/2603.00011/');
      clean(w);
    } finally {
      await subServer.close();
    }
  });

  it('tells the user when the index cannot be loaded', async () => {
    const w = await watchedPage(browser);
    await w.page.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await w.page.goto(`${server.origin}/search/`);
    await w.page.waitForSelector('#search-status:not([hidden])');
    expect(await w.page.textContent('#search-status')).toContain('could not be loaded');
  });
});
