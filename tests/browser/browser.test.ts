// The built site in real headless Chromium: search, filters, sorting, linked searches, and pages
// that load without errors or requests leaving 127.0.0.1. Screenshots land in test-results/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { DEEP_WORD, LATTICE, SEARCH_HOSTILE, makeSearchArchive } from '../helpers/search-fixture.ts';
import { axeViolations, describeBrowser, launch, watchedPage, type Watched } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/tools/static-server.ts';

const SHOTS = path.resolve('test-results/screenshots');
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
  ['/released/', 'released'],
  ['/trending/', 'trending'],
  ['/papers/2603.00011/', 'paper-hub'],
  ['/search/?q=study', 'search'],
  ['/following/', 'following'],
  ['/data/', 'data'],
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

/** Wait until every year has been searched and the results are final. */
async function settled(w: Watched): Promise<void> {
  await w.page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', null, { timeout: 20_000 });
}

const resultPaths = (w: Watched) => w.page.$$eval('.search-result h2 a', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));

async function search(w: Watched, term: string): Promise<string[]> {
  await w.page.fill('#search-input', term);
  await w.page.press('#search-input', 'Enter');
  await w.page.waitForFunction((t) => document.querySelector('#search-summary')?.textContent?.includes(`“${t}”`), term);
  await settled(w);
  return resultPaths(w);
}

describeBrowser('in a real browser', () => {
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
    await w.page.click('.search-result h2 a >> nth=0');
    await w.page.waitForURL('**/papers/2603.00011/');
    expect(await w.page.textContent('h1')).toContain('MapReduce: Long-Context Agents');
    clean(w);
  });

  it('finds a paper by a word of its abstract, and shows its authors, date and upvotes', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/`);
    expect(await search(w, 'quokka')).toEqual(['/papers/2603.00011/']);
    // The line's own text; the reading list's control sits at its end.
    const meta = await w.page.$eval('.search-result-meta', (p) =>
      [...p.childNodes]
        .filter((n) => !(n instanceof HTMLButtonElement))
        .map((n) => n.textContent)
        .join('')
        .trim(),
    );
    expect(meta).toBe('Ada Lovelace and Alan Turing · listed 6 Mar 2026 · ▲ 40 upvotes');
    expect(await w.page.textContent('.search-result-meta button.save')).toBe('☆ Save “LLM×MapReduce: Long-Context Agents”');
    // The result title is plain text, the formula rendered: no raw LaTeX.
    expect(await w.page.textContent('.search-result h2')).toBe('LLM×MapReduce: Long-Context Agents');
    // The excerpt quotes the abstract, not the title and authors again, with the match marked.
    expect(await w.page.textContent('.search-result-excerpt')).toBe(
      'We split long documents into chunks with a divide-and-conquer scheme we call the quokka protocol.',
    );
    expect(await w.page.$$eval('.search-result-excerpt mark', (m) => m.map((x) => x.textContent))).toEqual(['quokka']);
    // One control saves the results shown to the reading list.
    expect(await w.page.getByRole('button', { name: /^Save all/ }).textContent()).toBe('Save all: 1 paper');
    clean(w);
  });

  it('narrows results with a topic filter', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/`);
    const all = await search(w, 'study');
    expect(all.length).toBeGreaterThan(2);
    await w.page.click('#search-filters summary');
    await w.page.check('input[name="topic"][value="Video"]');
    await w.page.waitForFunction(() => document.querySelectorAll('.search-result').length === 1);
    await settled(w);
    expect(await resultPaths(w)).toEqual(['/papers/2603.00022/']);
    expect(new URL(w.page.url()).searchParams.getAll('topic')).toEqual(['Video']);
    expect(await w.page.textContent('#search-filters summary')).toBe('Filters (1 on)');
    clean(w);
  });

  it('sorts by upvotes, and opens a linked search from the address', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=study&sort=upvotes`);
    await settled(w);
    const paths = await resultPaths(w);
    // The index holds abstracts, not AI summaries: the hostile paper (99 upvotes) says "study" only in its summary.
    expect(paths.slice(0, 3)).toEqual(['/papers/2603.00010/', '/papers/2603.00021/', '/papers/2603.00030/']);
    expect(await w.page.inputValue('#search-input')).toBe('study');
    expect(await w.page.inputValue('#search-sort')).toBe('upvotes');
    clean(w);
  });

  it('says so politely when nothing matches', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=xylophonist`);
    await settled(w);
    expect(await w.page.textContent('#search-summary')).toBe('No papers match “xylophonist”. Try fewer or different words, or remove a filter.');
    expect(await w.page.isVisible('#search-more')).toBe(false);
    clean(w);
  });

  it('reaches search from the header box of any page', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/days/2026-03-06/`);
    await w.page.fill('#site-search', 'quokka');
    await w.page.press('#site-search', 'Enter');
    await w.page.waitForURL('**/search/?q=quokka');
    await settled(w);
    expect(await resultPaths(w)).toEqual(['/papers/2603.00011/']);
    clean(w);
  });

  it('loads the home, a day, a paper and the archive with no errors, and only the reading list’s script', async () => {
    for (const [url, shot] of [
      ['/', 'home'],
      ['/days/2026-03-06/', 'day'],
      ['/papers/2603.00010/', 'paper'],
      ['/days/', 'archive'],
      ['/topics/', 'topics'],
    ] as const) {
      const w = await watchedPage(browser);
      await w.page.goto(`${server.origin}${url}`);
      expect(await w.page.$$eval('script', (s) => s.map((x) => x.getAttribute('src')?.startsWith('/_astro/'))), url).toEqual([true]);
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
        if (url.startsWith('/search/')) {
          await settled(w);
          // The filter panel open, so its controls are checked too.
          await w.page.click('#search-filters summary');
          await w.page.waitForSelector('#search-filter-groups fieldset');
        }
        const violations = await axeViolations(w.page);
        expect(violations, `${url} (${colorScheme})`).toEqual([]);
        await w.page.screenshot({ path: path.join(SHOTS, `${shot}-${colorScheme}.png`), fullPage: true });
        await w.page.close();
      }
    }
  });

  it('shows the email digest’s HTML part readably in light and dark, with nothing fetched', async () => {
    const { dayFiles } = await import('../../scripts/lib/capture/days/store.ts');
    const { renderDigest } = await import('../../scripts/lib/publish/email/render.ts');
    const day = (await dayFiles.read(fixtureDays, '2026-03-06'))!;
    const { digestSubject } = await import('../../scripts/lib/publish/email/render.ts');
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
      const violations = (await axeViolations(w.page, ['wcag2a', 'wcag2aa'])).map((v) => v.split(':')[0]);
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
      await w.page.click('.search-result h2 a >> nth=0');
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

describeBrowser('search across three years of indexes, in a real browser', () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: Browser;
  const HOSTILE_ID = '2603.00900';
  const year = (id: string) => `20${id.slice(0, 2)}`;
  // Every paper with "lattice": LATTICE and the hostile paper (its title and abstract say it).
  const matching = [...LATTICE, { id: HOSTILE_ID, date: '2026-03-04', upvotes: 1 }];

  beforeAll(async () => {
    site = await buildSite(await makeSearchArchive(), { SITE_URL: 'https://papers.example.org' });
    server = await serveStatic(site.dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Press "load more" until every result is shown. */
  async function everyResult(w: Watched): Promise<string[]> {
    while (await w.page.isVisible('#search-more')) {
      const before = await w.page.locator('.search-result').count();
      await w.page.click('#search-more');
      await w.page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
    }
    return resultPaths(w);
  }
  const ids = (paths: string[]) => paths.map((p) => p.replace(/^\/papers\/|\/$/g, ''));

  /** Press "Search … too" and wait until every year is in. */
  async function everyYear(w: Watched, button: string): Promise<void> {
    expect(await w.page.textContent('#search-older')).toBe(button);
    await w.page.click('#search-older');
    await w.page.waitForSelector('#search-older', { state: 'hidden' });
    await settled(w);
  }
  const recent = matching.filter((p) => year(p.id) >= '2025');

  it('searches the newest two years first, says so, and merges every year into one relevance list when asked', async () => {
    expect((await site.files()).filter((f) => f.endsWith('pagefind-entry.json')).sort()).toEqual([
      'pagefind/2024/pagefind-entry.json',
      'pagefind/2025/pagefind-entry.json',
      'pagefind/2026/pagefind-entry.json',
    ]);
    const w = await watchedPage(browser);
    const requested: string[] = [];
    w.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await w.page.goto(`${server.origin}/search/?q=lattice`);
    await settled(w);
    expect(await w.page.textContent('#search-summary')).toBe(`${recent.length} papers listed in 2025 and 2026 match “lattice”.`);
    await mkdir(SHOTS, { recursive: true });
    await w.page.screenshot({ path: path.join(SHOTS, 'search-recent-years.png') });
    expect(ids(await everyResult(w)).sort()).toEqual(recent.map((p) => p.id).sort());
    // The first search costs the newest two years' indexes, however many years the archive has.
    expect(requested.filter((p) => p.startsWith('/pagefind/2024/'))).toEqual([]);
    await everyYear(w, 'Search 2024 too');
    expect(await w.page.textContent('#search-summary')).toBe('27 papers match “lattice”.');
    const all = ids(await everyResult(w));
    expect(all.sort()).toEqual(matching.map((p) => p.id).sort());
    // The reader asked for every year: the next search covers them too.
    await w.page.fill('#search-input', 'lattice lab');
    await w.page.press('#search-input', 'Enter');
    await w.page.waitForFunction(() => document.querySelector('#search-summary')?.textContent?.includes('“lattice lab”'));
    await settled(w);
    expect(await w.page.textContent('#search-summary')).not.toContain('listed in');
    expect(await w.page.isHidden('#search-older')).toBe(true);
    clean(w);
  });

  it('sorts by date across years: the newest paper first, each year after the one before, in the day’s order', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=lattice&sort=date`);
    await settled(w);
    const shown = ids(await resultPaths(w));
    expect(shown).toHaveLength(10);
    const expected = [...matching].sort((a, b) => b.date.localeCompare(a.date) || b.upvotes - a.upvotes).map((p) => p.id);
    expect(shown).toEqual(expected.slice(0, 10));
    expect(ids(await everyResult(w))).toEqual(expected.slice(0, recent.length));
    await everyYear(w, 'Search 2024 too');
    expect(ids(await everyResult(w))).toEqual(expected);
    clean(w);
  });

  it('sorts by upvotes across years: the most upvoted of the whole archive first, ties to the newer year', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=lattice&sort=upvotes`);
    await settled(w);
    const expected = [...matching].sort((a, b) => b.upvotes - a.upvotes || year(b.id).localeCompare(year(a.id))).map((p) => p.id);
    expect(ids(await resultPaths(w))).toEqual(expected.slice(0, 10));
    // The two most upvoted are in the oldest years: a per-index interleave would not put them first.
    expect(expected.slice(0, 2)).toEqual(['2406.00100', '2506.00100']);
    expect(ids(await everyResult(w))).toEqual(expected);
    // The upvotes shown agree with the order.
    const upvotes = await w.page.$$eval('.search-result-meta', (m) => m.map((x) => Number(x.textContent!.match(/▲ (\d+)/)![1])));
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    clean(w);
  });

  it('shows the newest year’s results before the older years arrive', async () => {
    const w = await watchedPage(browser);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await w.page.route(/\/pagefind\/(2024|2025)\//, async (route) => {
      await held;
      await route.continue();
    });
    await w.page.goto(`${server.origin}/search/?q=lattice`);
    await w.page.waitForSelector('.search-result');
    expect(await w.page.getAttribute('#search-results', 'aria-busy')).toBe('true');
    expect(await w.page.textContent('#search-summary')).toContain('searching the older years');
    expect((await resultPaths(w)).every((p) => p.startsWith('/papers/2603.'))).toBe(true);
    release();
    await settled(w);
    expect(await w.page.textContent('#search-summary')).toBe(`${recent.length} papers listed in 2025 and 2026 match “lattice”.`);
  });

  it('loads filter lists only when the panel opens or the address names a filter', async () => {
    const w = await watchedPage(browser);
    const requested: string[] = [];
    w.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await w.page.goto(`${server.origin}/search/?q=lattice`);
    await settled(w);
    const lists = () => requested.filter((p) => p.includes('/filter/') || p.endsWith('/year.json'));
    expect(lists()).toEqual([]);
    expect(await w.page.getAttribute('#search-filters', 'open')).toBeNull();
    await w.page.click('#search-filters summary');
    await w.page.waitForSelector('input[name="year"][value="2024"]');
    // The panel reads each year's small summary, never Pagefind's filter files.
    expect(lists().length).toBeGreaterThan(0);
    expect(lists().every((p) => p.endsWith('/year.json'))).toBe(true);
    await w.page.check('input[name="year"][value="2024"]');
    await w.page.waitForFunction(() => document.querySelector('#search-summary')?.textContent?.startsWith('6 papers'));
    expect(new URL(w.page.url()).searchParams.getAll('year')).toEqual(['2024']);
    clean(w);

    // The same search from its address: the panel opens with the box ticked.
    const linked = await watchedPage(browser);
    await linked.page.goto(`${server.origin}/search/?q=lattice&year=2024&sort=date`);
    await settled(linked);
    expect(await linked.page.getAttribute('#search-filters', 'open')).toBe('');
    expect(await linked.page.isChecked('input[name="year"][value="2024"]')).toBe(true);
    expect(ids(await resultPaths(linked))).toEqual(
      LATTICE.filter((p) => p.date.startsWith('2024'))
        .sort((a, b) => b.date.localeCompare(a.date) || b.upvotes - a.upvotes)
        .map((p) => p.id),
    );
    clean(linked);
  });

  it('lists an organization or topic with no words searched, across every year, newest first, as its page does', async () => {
    // Where a topic's deeper pages lead: its filter, with no words, sorted by date.
    const org = await site.page('/orgs/lattice-lab/');
    const onPage = org('.compact > li > div > a:first-child')
      .map((_, a) => org(a).attr('href'))
      .get();
    expect(onPage).toHaveLength(13);
    expect(new Set(onPage.map((href) => href.slice(8, 10)))).toEqual(new Set(['26', '25', '24']));
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?organization=Lattice+Lab&sort=date`);
    await settled(w);
    const newer = onPage.filter((href) => href.slice(8, 10) >= '25');
    expect(await everyResult(w)).toEqual(newer);
    expect(await w.page.textContent('#search-summary')).toBe(`${newer.length} papers in Lattice Lab, listed in 2025 and 2026.`);
    await everyYear(w, 'Search 2024 too');
    expect(await everyResult(w)).toEqual(onPage);
    expect(await w.page.textContent('#search-summary')).toBe('13 papers in Lattice Lab.');
    // With no words relevance means nothing: the list is newest first whatever the sort says.
    await w.page.goto(`${server.origin}/search/?organization=Lattice+Lab`);
    await settled(w);
    expect(await resultPaths(w)).toEqual(newer.slice(0, 10));
    clean(w);
  });

  it('renders hostile titles, abstracts and authors as text: only the match is marked', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=zebrafish`);
    await settled(w);
    expect(await w.page.textContent('.search-result h2')).toBe(SEARCH_HOSTILE.title);
    expect(await w.page.textContent('.search-result-meta')).toContain(`${SEARCH_HOSTILE.author} and Eve Example`);
    expect(await w.page.textContent('.search-result-excerpt')).toBe(SEARCH_HOSTILE.abstract);
    const elements = await w.page.$$eval('#search-results *', (all) => [...new Set(all.map((el) => el.tagName.toLowerCase()))].sort());
    // The reading list's control (a button, its star and its label) is all that is added.
    expect(elements).toEqual(['a', 'button', 'h2', 'li', 'mark', 'p', 'span', 'time']);
    await w.page.hover('.search-result-meta');
    expect(await w.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    clean(w);
  });

  it('quotes the abstract around a match deep inside it', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/?q=${DEEP_WORD.word}`);
    await settled(w);
    expect(ids(await resultPaths(w))).toEqual([DEEP_WORD.id]);
    const excerpt = (await w.page.textContent('.search-result-excerpt'))!;
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(excerpt).toContain(`We end with a ${DEEP_WORD.word} that tiles the plane.`);
    expect(excerpt).not.toContain('Tilings Without Periods');
    expect(await w.page.$$eval('.search-result-excerpt mark', (m) => m.map((x) => x.textContent))).toEqual([DEEP_WORD.word]);
    clean(w);
  });

  it('works from the keyboard: type, Enter, Tab to a result; "load more" moves focus to the new results', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${server.origin}/search/`);
    await w.page.waitForFunction(() => document.activeElement?.id === 'search-input');
    await w.page.keyboard.type('lattice');
    await w.page.keyboard.press('Enter');
    await settled(w);
    expect(new URL(w.page.url()).searchParams.get('q')).toBe('lattice');
    await w.page.focus('#search-more');
    await w.page.keyboard.press('Enter');
    await w.page.waitForFunction(() => document.querySelectorAll('.search-result').length === 20);
    expect(await w.page.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('.search-result')[10])).toBe(true);
    clean(w);
  });

  it('puts results first on a phone, with the filters folded behind one control', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const w = await watchedPage(browser, { viewport: { width: 390, height: 844 }, colorScheme });
      await w.page.goto(`${server.origin}/search/?q=lattice`);
      await settled(w);
      const first = await w.page.locator('.search-result').first().boundingBox();
      expect(first!.y + 60).toBeLessThan(844);
      expect(await w.page.isVisible('#search-filter-groups')).toBe(false);
      await w.page.screenshot({ path: path.join(SHOTS, `search-phone-${colorScheme}.png`) });
      await w.page.click('#search-filters summary');
      await w.page.waitForSelector('#search-filter-groups fieldset');
      await w.page.screenshot({ path: path.join(SHOTS, `search-phone-filters-${colorScheme}.png`), fullPage: true });
      clean(w);
      await w.page.close();
    }
  });

  it('downloads little before the first results, and fetches the runtime and wasm once', async () => {
    const w = await watchedPage(browser);
    let atFirstResult = 0;
    await w.page.exposeFunction('markFirstResult', () => {
      atFirstResult = [...w.bytes.values()].reduce((sum, n) => sum + n, 0);
    });
    await w.page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.search-result')) {
          observer.disconnect();
          (window as unknown as { markFirstResult: () => void }).markFirstResult();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await w.page.goto(`${server.origin}/search/?q=lattice`);
    await settled(w);
    await w.page.waitForLoadState('networkidle');
    const urls = [...w.bytes.keys()].map((u) => new URL(u).pathname);
    const total = [...w.bytes.values()].reduce((sum, n) => sum + n, 0);
    expect(urls.filter((u) => u.endsWith('.pagefind') && u.includes('wasm'))).toEqual(['/pagefind/2026/wasm.en.pagefind']);
    expect(urls.filter((u) => u.endsWith('pagefind.js') || u.endsWith('pagefind-worker.js'))).toEqual(['/pagefind/2026/pagefind.js']);
    expect(urls.filter((u) => u.includes('/filter/'))).toEqual([]);
    expect(atFirstResult).toBeGreaterThan(0);
    expect(atFirstResult).toBeLessThanOrEqual(300_000);
    expect(total).toBeLessThanOrEqual(700_000);
    console.log(`[search bytes] first results after ${(atFirstResult / 1e3).toFixed(0)} KB, whole first search ${(total / 1e3).toFixed(0)} KB`);
    clean(w);
  });
});
