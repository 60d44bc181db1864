// The reading list in real headless Chromium: saved from a day page and a paper page, shown on
// /saved/ and as saved elsewhere, kept across a reload, in step across tabs, exported and read
// back by real parsers, imported, with suggestions; hostile text as text; nothing leaves the site.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOSTILE, makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { axeViolations, describeBrowser, launch, reader } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/tools/static-server.ts';

const SHOTS = path.resolve('test-results/screenshots');
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

const saveButton = (page: Page, id: string) => page.locator(`button.save[data-paper="${id}"]`).first();
const savedIds = (page: Page) =>
  page.$$eval('#saved-list > li > div > a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\/papers\/|\/$/g, '')));
/** /saved/ drawn: its script is a module loaded after the page, so wait until it has shown the list. */
const ready = (page: Page) => page.waitForSelector('#saved-app:not([hidden])');
async function openSaved(page: Page): Promise<void> {
  await page.goto(`${server.origin}/saved/`);
  await ready(page);
}
async function download(page: Page, format: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`.saved-export button[data-format="${format}"]`)]);
  return readFile((await file.path())!, 'utf8');
}

describeBrowser('the reading list, in a real browser', () => {
  beforeAll(async () => {
    site = await buildSite(await makeFixtureArchive(), { SITE_URL: 'https://papers.example.org' });
    server = await serveStatic(site.dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves from a paper page and a day page, shows both on /saved/ and as saved elsewhere, across a reload and a second tab', async () => {
    const { context, offsite, errors } = await reader(browser);
    const paper = await context.newPage();
    await paper.goto(`${server.origin}/papers/2603.00011/`);
    const onPage = saveButton(paper, '2603.00011');
    expect(await onPage.getAttribute('aria-pressed')).toBe('false');
    await onPage.click();
    expect(await onPage.getAttribute('aria-pressed')).toBe('true');

    // A second tab, open on a day page before the next save: it follows.
    const other = await context.newPage();
    await other.goto(`${server.origin}/days/2026-03-05/`);
    expect(await saveButton(other, '2603.00011').getAttribute('aria-pressed')).toBe('true');
    const day = await context.newPage();
    await day.goto(`${server.origin}/days/2026-03-06/`);
    await saveButton(day, '2603.00022').click();
    await other.waitForFunction(() => document.querySelector('button.save[data-paper="2603.00011"]')?.getAttribute('aria-pressed') === 'true');

    const list = await context.newPage();
    await openSaved(list);
    await list.waitForFunction(() => document.querySelectorAll('#saved-list > li').length === 2);
    expect(await savedIds(list)).toEqual(['2603.00022', '2603.00011']);
    // What a list does not show was read from the paper's own page: all 500 authors, kept for export.
    await list.waitForFunction(() =>
      document.querySelector('#saved-list > li p')?.textContent?.startsWith('Author Number1, Author Number2, Author Number3 and 497 others'),
    );
    await list.reload();
    await ready(list);
    expect(await savedIds(list)).toEqual(['2603.00022', '2603.00011']);
    // Removed in one tab, unsaved in the others.
    await list.click('#saved-list > li:first-child .saved-remove');
    await day.waitForFunction(() => document.querySelector('button.save[data-paper="2603.00022"]')?.getAttribute('aria-pressed') === 'false');
    await list.screenshot({ path: path.join(SHOTS, 'saved.png'), fullPage: true });
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the entries the paper pages give as BibTeX, and RIS by its tags, read back by real parsers', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    for (const id of ['2603.00010', '2603.00020']) {
      await page.goto(`${server.origin}/papers/${id}/`);
      await saveButton(page, id).click();
    }
    const entries = await Promise.all(['2603.00020', '2603.00010'].map(async (id) => (await site.page(`/papers/${id}/`))('.cite pre').text()));
    await openSaved(page);
    await page.waitForSelector('#saved-list > li');
    const bib = await download(page, 'bibtex');
    expect(bib).toBe(`${entries.join('\n\n')}\n`);
    const parsed = parseBibtex(bib);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.fields.eprint)).toEqual(['2603.00020', '2603.00010']);
    const ris = await download(page, 'ris');
    const records = ris
      .trim()
      .split(/\r\n\r\n/)
      .map((r) => r.split('\r\n').map((line) => [line.slice(0, 2), line.slice(6)]));
    expect(records.map((r) => r.find(([tag]) => tag === 'TI')![1])).toEqual([HOSTILE.script, '∇2DFT: A Universal Quantum Chemistry Dataset']);
    expect(records.every((r) => r[0]![0] === 'TY' && r.at(-1)![0] === 'ER')).toBe(true);
    const csv = await download(page, 'csv');
    expect(csv.split('\r\n')[0]).toBe('"arxiv_id","title","authors","published","listed","saved","note","url"');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('round-trips its JSON export, clears with an undo, and imports a list of ids', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/papers/2603.00012/`);
    await saveButton(page, '2603.00012').click();
    await openSaved(page);
    await page.fill('#saved-list .saved-note', 'read §3 first');
    await page.waitForTimeout(500);
    const json = await download(page, 'json');
    const saved = JSON.parse(json);
    expect(saved.papers[0]).toMatchObject({ id: '2603.00012', note: 'read §3 first' });

    await page.click('#saved-clear');
    expect(await savedIds(page)).toEqual([]);
    await page.click('#saved-status button');
    expect(await savedIds(page)).toEqual(['2603.00012']);
    await page.click('#saved-clear');

    await page.setInputFiles('#saved-file', { name: 'reading-list.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.waitForFunction(() => document.querySelector('#saved-status')?.textContent === 'Imported 1 paper.');
    expect(JSON.parse(await download(page, 'json'))).toEqual(saved);

    await page.click('.saved-import-box summary');
    await page.fill('#saved-ids', '2603.00010\nhttps://arxiv.org/abs/2603.00030v2\n2699.99999');
    await page.click('#saved-import button');
    await page.waitForFunction(() => document.querySelector('#saved-status')?.textContent === 'Imported 3 papers.');
    expect(await savedIds(page)).toEqual(['2603.00012', '2603.00010', '2603.00030', '2699.99999']);
    // A paper the archive does not hold is kept by its id.
    expect(await page.textContent('#saved-list > li:last-child a')).toBe('arXiv:2699.99999');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();
  });

  it('saves a whole day at once with one control, and exports it whole: authors, DOIs, as a BibTeX parser reads them', async () => {
    const { context, offsite, errors } = await reader(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/days/2026-03-06/`);
    const all = page.getByRole('button', { name: /^Save all/ });
    expect(await all.textContent()).toBe('Save all 4 papers');
    await all.click();
    await expect.poll(() => page.textContent('.save-all-bar [role="status"]')).toBe('4 papers added to your reading list.');
    // Each paper's own control says it is saved now.
    expect(await saveButton(page, '2603.00022').getAttribute('aria-pressed')).toBe('true');
    await all.click();
    await expect.poll(() => page.textContent('.save-all-bar [role="status"]')).toBe('0 papers added to your reading list; 4 were there already.');
    await openSaved(page);
    expect(await savedIds(page)).toEqual(['2603.00020', '2603.00011', '2603.00021', '2603.00022']);
    const bibtex = parseBibtex(await download(page, 'bibtex'));
    expect(bibtex.entries.map((e) => [e.fields.eprint, e.fields.doi, e.fields.author?.length])).toEqual([
      ['2603.00020', '10.48550/arXiv.2603.00020', 2],
      ['2603.00011', '10.48550/arXiv.2603.00011', 2],
      ['2603.00021', '10.48550/arXiv.2603.00021', 2],
      ['2603.00022', '10.48550/arXiv.2603.00022', 500],
    ]);
    const ris = await download(page, 'ris');
    expect(ris.match(/^DO {2}- .+$/gm)).toEqual([
      'DO  - 10.48550/arXiv.2603.00020',
      'DO  - 10.48550/arXiv.2603.00011',
      'DO  - 10.48550/arXiv.2603.00021',
      'DO  - 10.48550/arXiv.2603.00022',
    ]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('survives any file a reader imports: a bad date is left out, an entry that is no paper is skipped and said, and the page keeps working', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    await openSaved(page);
    const file = {
      version: 1,
      papers: [
        { id: '2603.00011', title: 'Good', authors: ['Ada'], savedAt: '2026-03-07T10:00:00.000Z', listed: '2026-03-06' },
        { id: '2603.00020', title: 'Bad dates', authors: [], savedAt: '27/05/2024', listed: '27/05/2024', published: '2024-02-30' },
        { id: 'not an id', title: 'x' },
        'a string',
      ],
    };
    await page.setInputFiles('#saved-file', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => document.querySelector('#saved-status')?.textContent?.startsWith('Imported'));
    expect(await page.textContent('#saved-status')).toBe('Imported 2 papers. 2 entries could not be read as a paper and were skipped.');
    expect(await savedIds(page)).toEqual(['2603.00011', '2603.00020']);
    expect(await page.textContent('#saved-list > li:last-child .muted')).toBe('');
    // The next visit draws it again, and the import box still opens.
    await page.reload();
    await ready(page);
    expect(await savedIds(page)).toEqual(['2603.00011', '2603.00020']);
    await page.click('.saved-import-box summary');
    await page.fill('#saved-ids', 'https://arxiv.org/pdf/2603.00030v2.pdf and https://arxiv.org/pdf/hep-th/9901001.pdf');
    await page.click('#saved-import button');
    await page.waitForFunction(() => document.querySelector('#saved-status')?.textContent === 'Imported 2 papers.');
    expect(await savedIds(page)).toEqual(['2603.00011', '2603.00020', '2603.00030', 'hep-th/9901001']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws a list an older copy left broken in storage, removes what it cannot read, and says so', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.evaluate(() =>
      localStorage.setItem(
        'broadsheet:saved',
        JSON.stringify({ version: 1, papers: [{ id: '2603.00011', title: 'Kept', savedAt: 'yesterday' }, { title: 'no id' }] }),
      ),
    );
    await openSaved(page);
    expect(await savedIds(page)).toEqual(['2603.00011']);
    expect(await page.textContent('#saved-status')).toBe('1 saved entry could not be read as a paper and was removed.');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('broadsheet:saved')))!).papers).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so when the browser will not keep the list, instead of losing the save silently', async () => {
    const { context } = await reader(browser);
    // Storage full: every write refused, as a browser does past its quota.
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/days/2026-03-06/`);
    await saveButton(page, '2603.00011').click();
    await expect
      .poll(() => page.textContent('#saved-problem'))
      .toBe('This browser’s storage for this site is full: the reading list could not be saved. Export it, then remove some papers.');
    expect(await saveButton(page, '2603.00011').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getAttribute('#saved-problem', 'role')).toBe('alert');
    await context.close();
  });

  it('suggests papers related to the list, never one already saved, each savable', async () => {
    const { context } = await reader(browser);
    const page = await context.newPage();
    // The fixture paper with the most related papers.
    const relatedOf = async (id: string) =>
      (await site.page(`/papers/${id}/`))('ul.related a')
        .map((_, a) => (a.attribs.href ?? '').replace(/^\/papers\/|\/$/g, ''))
        .get();
    const ids = ['2603.00010', '2603.00011', '2603.00012', '2603.00020', '2603.00021', '2603.00022', '2603.00030'];
    const withRelated = await Promise.all(ids.map(async (id) => ({ id, related: await relatedOf(id) })));
    const { id, related } = withRelated.sort((a, b) => b.related.length - a.related.length)[0]!;
    expect(related.length).toBeGreaterThan(1);
    await page.goto(`${server.origin}/papers/${id}/`);
    await saveButton(page, id).click();
    await openSaved(page);
    const suggested = () =>
      page.$$eval('#saved-more a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\/papers\/|\/$/g, '')));
    expect(await suggested()).toEqual(related);
    await saveButton(page, related[0]!).click();
    await page.waitForFunction(() => document.querySelectorAll('#saved-list > li').length === 2);
    expect(await suggested()).not.toContain(related[0]);
    await context.close();
  });

  it('shows a hostile title as text wherever the list shows it', async () => {
    const { context } = await reader(browser);
    const page = await context.newPage();
    await page.addInitScript(() => ((window as unknown as { pwned: number }).pwned = 0));
    await page.goto(`${server.origin}/days/2026-03-06/`);
    await saveButton(page, '2603.00020').click();
    await openSaved(page);
    await page.waitForSelector('#saved-list > li');
    await page.waitForFunction((t) => document.querySelector('#saved-list a')?.textContent === t, HOSTILE.script);
    expect(await page.$$eval('#saved-list script, #saved-list img', (found) => found.length)).toBe(0);
    expect(await page.getAttribute('#saved-list .saved-note', 'aria-label')).toBe(`Note on “${HOSTILE.script}”`);
    expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
    await context.close();
  });

  it('is operable by keyboard, labelled for screen readers, and passes axe-core in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context } = await reader(browser, { colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.origin}/days/2026-03-06/`);
      const button = saveButton(page, '2603.00011');
      expect(await button.textContent()).toBe('☆ Save “LLM×MapReduce: Long-Context Agents”');
      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('Space');
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('Space');
      for (const url of ['/saved/', '/days/2026-03-06/', '/papers/2603.00011/']) {
        await page.goto(`${server.origin}${url}`);
        await page.waitForSelector(url === '/saved/' ? '#saved-list > li' : 'button.save');
        const violations = await axeViolations(page);
        expect(violations, `${url} (${colorScheme})`).toEqual([]);
      }
      await openSaved(page);
      // Its title as the site shows it, not as LaTeX; the LaTeX is kept for BibTeX.
      await page.waitForFunction(() => document.querySelector('#saved-list a')?.textContent === 'LLM×MapReduce: Long-Context Agents');
      expect(await download(page, 'bibtex')).toContain('LLM$\\times$MapReduce');
      await page.screenshot({ path: path.join(SHOTS, `saved-${colorScheme}.png`), fullPage: true });
      await context.close();
    }
  });

  it('without JavaScript, shows no control, and /saved/ says it needs JavaScript', async () => {
    const { context } = await reader(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/days/2026-03-06/`);
    expect(await page.$$eval('button.save', (b) => b.length)).toBe(0);
    await page.goto(`${server.origin}/saved/`);
    expect(await page.textContent('main')).toContain('needs JavaScript');
    expect(await page.isVisible('#saved-app')).toBe(false);
    await context.close();
  });

  it('keeps the script every page loads at most 4 KB compressed; the follow controls and /saved/ add their own, loaded there only', async () => {
    const { context } = await reader(browser);
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) scripts.set(new URL(response.url()).pathname, gzipSync(await response.body()).length);
    });
    const shared = new Set<string>();
    const kb = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + scripts.get(file)!, 0);
    // Pages with nothing to follow first: what they load is what every page loads.
    for (const url of ['/', '/days/2026-03-06/', '/trending/', '/papers/2603.00011/', '/orgs/Qwen~c0/', '/saved/']) {
      scripts.clear();
      await page.goto(`${server.origin}${url}`);
      await page.waitForLoadState('networkidle');
      console.log(`[saved script] ${url}: ${(kb(scripts.keys()) / 1000).toFixed(1)} KB compressed (${[...scripts.keys()].join(', ')})`);
      if (!shared.size || url === '/days/2026-03-06/' || url === '/trending/') {
        expect(kb(scripts.keys()), url).toBeLessThanOrEqual(4096);
        for (const file of scripts.keys()) shared.add(file);
        continue;
      }
      expect(
        [...shared].every((file) => scripts.has(file)),
        url,
      ).toBe(true);
      const own = [...scripts.keys()].filter((file) => !shared.has(file));
      if (url === '/saved/') {
        // The list's own page loads the same script, then its exports, imports and suggestions (with
        // what is followed, which its JSON export carries), and no follow control.
        expect(own.filter((file) => /\/page\.[\w-]+\.js$/.test(file))).toHaveLength(1);
        expect(own.filter((file) => /\/controls\.[\w-]+\.js$/.test(file))).toEqual([]);
      } else {
        // A paper's authors and an organization can be followed: the follow controls, about 2.3 KB more, there only.
        expect(
          own.some((file) => /\/controls\.[\w-]+\.js$/.test(file)),
          url,
        ).toBe(true);
        expect(kb(own), url).toBeLessThanOrEqual(2600);
      }
    }
    await context.close();
  });
});
