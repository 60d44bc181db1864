// Following in real headless Chromium: an organization followed from its page, a topic from its
// page and an author from a paper's page bring their recent papers to /following/ with the reason;
// papers like the reading list say which saved paper; unfollowing takes them away; an author's
// search finds exactly that person; the OPML opens in a feed reader's parser; follows travel with
// the reading list's JSON; hostile text stays text; nothing leaves the site.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOSTILE, makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { axeViolations, describeBrowser, launch, reader } from '../helpers/browser.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/tools/static-server.ts';

const SHOTS = path.resolve('test-results/screenshots');
const SITE = 'https://papers.example.org';
const PYTHON = process.env.FEEDPARSER_PYTHON || '/usr/bin/python3';
const hasFeedparser = spawnSync(PYTHON, ['-c', 'import feedparser, listparser']).status === 0;
if (!hasFeedparser && process.env.CI === 'true')
  throw new Error(`CI=true but ${PYTHON} lacks feedparser/listparser (apt-get install python3-feedparser python3-listparser)`);

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

const followButton = (page: Page, name: string) => page.getByRole('button', { name: `Follow ${name}`, exact: true });

/** Follow Qwen from its page, Agents from its page, and Kai Chen (the one with the account kaichen) from a paper of theirs. */
async function followThree(page: Page): Promise<void> {
  await page.goto(`${server.origin}/orgs/Qwen~c0/`);
  const org = followButton(page, 'Qwen Team');
  expect(await org.getAttribute('aria-pressed')).toBe('false');
  await org.click();
  expect(await org.getAttribute('aria-pressed')).toBe('true');
  await page.goto(`${server.origin}/topics/agents/`);
  await followButton(page, 'Agents and tool use').click();
  await page.goto(`${server.origin}/papers/2603.00012/`);
  const open = page.getByRole('button', { name: 'Follow an author…' });
  expect(await open.getAttribute('aria-expanded')).toBe('false');
  await open.click();
  // The choice is built from the page's citation_author tags, each author's account from the day's JSON.
  await page.waitForSelector('.follow-author-list li');
  expect(await page.$$eval('.follow-author-list li', (items) => items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim()))).toEqual([
    '+ Follow Ziwei Liu Ziwei Liu',
    '+ Follow Kai Chen Kai Chen (kaichen on Hugging Face)',
  ]);
  await followButton(page, 'Kai Chen').click();
  expect(await followButton(page, 'Kai Chen').getAttribute('aria-pressed')).toBe('true');
}

async function openFollowing(page: Page): Promise<void> {
  await page.goto(`${server.origin}/following/`);
  // Busy while the recent papers are read; drawn once it is not.
  await page.waitForSelector('#following-app[aria-busy="false"]');
}

/** Each followed paper on /following/ as [id, why]. */
const followed = (page: Page) =>
  page.$$eval('#following-papers li', (items) =>
    items.map((li) => [
      new URL(li.querySelector<HTMLAnchorElement>('div > a')!.href).pathname.replace(/^\/papers\/|\/$/g, ''),
      li.querySelector('.org')!.textContent,
    ]),
  );

describeBrowser('following, in a real browser', () => {
  beforeAll(async () => {
    site = await buildSite(await makeFixtureArchive(), { SITE_URL: SITE });
    server = await serveStatic(site.dist);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('follows an organization, a topic and an author from their pages, and lists their recent papers with why, newest first', async () => {
    const { context, offsite, errors } = await reader(browser);
    const page = await context.newPage();
    await followThree(page);
    await openFollowing(page);
    expect(await followed(page)).toEqual([
      ['2603.00030', 'from Qwen Team'],
      ['2603.00011', 'in Agents and tool use'],
      // This Kai Chen has no account on the paper: they cannot be told apart from the followed one.
      ['2603.00021', 'by Kai Chen'],
      ['2603.00010', 'from Qwen Team'],
      ['2603.00012', 'by Kai Chen · from Qwen Team'],
    ]);
    // 2603.00030 is by another Kai Chen (another account): only Qwen brings it.
    // Each with its listed day, linked.
    expect(await page.$$eval('#following-papers li > span a', (a) => a.map((x) => [x.textContent, x.getAttribute('href')]))).toEqual([
      ['9 Mar', '/days/2026-03-09/'],
      ['6 Mar', '/days/2026-03-06/'],
      ['6 Mar', '/days/2026-03-06/'],
      ['5 Mar', '/days/2026-03-05/'],
      ['5 Mar', '/days/2026-03-05/'],
    ]);
    expect(await page.textContent('#following-summary')).toBe('5 papers from what you follow in the last 3 listed days, newest first.');
    // The hostile title comes as text.
    expect(await page.$$eval('#following-papers script, #following-papers img', (found) => found.length)).toBe(0);
    expect(await page.textContent('#following-papers')).toContain(HOSTILE.title);
    // What is followed, with links: the author to their search, the organization and topic to their pages.
    expect(await page.$$eval('#followed a', (links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
      ['Kai Chen', '/search/?author=Kai+Chen&sort=date'],
      ['Qwen Team', '/orgs/Qwen~c0/'],
      ['Agents and tool use', '/topics/agents/'],
    ]);
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes away what is unfollowed, here and on the pages where it was followed', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    await followThree(page);
    await openFollowing(page);
    await page.getByRole('button', { name: 'Unfollow Qwen Team' }).click();
    expect(await page.textContent('#following-status')).toBe('You no longer follow Qwen Team.');
    expect(await followed(page)).toEqual([
      ['2603.00011', 'in Agents and tool use'],
      ['2603.00021', 'by Kai Chen'],
      ['2603.00012', 'by Kai Chen'],
    ]);
    // Focus stays in the list: the next Unfollow button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Unfollow Agents and tool use');
    const other = await context.newPage();
    await other.goto(`${server.origin}/orgs/Qwen~c0/`);
    expect(await followButton(other, 'Qwen Team').getAttribute('aria-pressed')).toBe('false');
    // Followed again from the other tab: this page follows.
    await followButton(other, 'Qwen Team').click();
    await page.waitForFunction(() => document.querySelectorAll('#following-papers li').length === 5);
    await page.getByRole('button', { name: 'Unfollow Kai Chen' }).click();
    await page.getByRole('button', { name: 'Unfollow Qwen Team' }).click();
    await page.getByRole('button', { name: 'Unfollow Agents and tool use' }).click();
    expect(await followed(page)).toEqual([]);
    expect(await page.textContent('#following-summary')).toBe('Follow an author, an organization or a topic and its newest papers show here.');
    expect(await page.isVisible('#followed-none')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists recent papers like the saved ones, saying which saved paper each is like', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    await openFollowing(page);
    expect(await page.textContent('#following-like-none')).toBe('Save papers to your reading list, and the recent papers most like them show here.');
    await page.goto(`${server.origin}/papers/2603.00020/`);
    await page.locator('button.save[data-paper="2603.00020"]').first().click();
    await openFollowing(page);
    await page.waitForSelector('#following-like li');
    const like = await page.$$eval('#following-like li', (items) =>
      items.map((li) => {
        const [paper, saved] = [...li.querySelectorAll('a')].map((a) => new URL(a.href).pathname);
        return [paper, li.querySelector('.org')!.textContent, saved];
      }),
    );
    // The papers whose nearest related papers hold the saved one, nearest first; never the saved paper itself.
    expect(like.map(([paper]) => paper).sort()).toEqual(['/papers/2603.00012/', '/papers/2603.00021/', '/papers/2603.00030/']);
    for (const [, text, saved] of like) {
      expect(text).toBe(`like “${HOSTILE.script}”`);
      expect(saved).toBe('/papers/2603.00020/');
    }
    expect(await page.$$eval('#following-like script', (found) => found.length)).toBe(0);
    // Each can be saved from here too.
    expect(await page.locator('#following-like button.save').count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows an author typed by name, with suggestions from the recent papers, and finds exactly their papers in search', async () => {
    const { context, offsite, errors } = await reader(browser);
    const page = await context.newPage();
    await openFollowing(page);
    await page.focus('#follow-author-name');
    await page.waitForFunction(() => document.querySelectorAll('#follow-author-names option').length > 0);
    expect(await page.$$eval('#follow-author-names option', (o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Kai Chen',
      'Ziwei Liu',
    ]);
    await page.fill('#follow-author-name', '  ziwei   LIU ');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#following-status')).toBe('You follow ziwei LIU.');
    expect(await followed(page)).toEqual([
      ['hep-th/9901001', 'by ziwei LIU'],
      ['2603.00012', 'by ziwei LIU'],
    ]);
    // One click to the whole history of the person: exactly Ziwei Liu, not the words "Ziwei" and "Liu".
    await page.click('#followed a');
    await page.waitForFunction(() => /papers? by/.test(document.getElementById('search-summary')?.textContent ?? ''));
    expect(await page.textContent('#search-summary')).toBe('2 papers by ziwei LIU.');
    const ids = () => page.$$eval('#search-results > li a[href^="/papers/"]', (a) => a.map((x) => new URL((x as HTMLAnchorElement).href).pathname));
    expect(await ids()).toEqual(['/papers/hep-th/9901001/', '/papers/2603.00012/']);
    // Kai Chen, of any account, and not Kai Cheng.
    await page.goto(`${server.origin}/search/?author=Kai+Chen`);
    await page.waitForFunction(() => /papers? by/.test(document.getElementById('search-summary')?.textContent ?? ''));
    expect(await ids()).toEqual(['/papers/2603.00030/', '/papers/2603.00021/', '/papers/2603.00012/']);
    // With words, and with a second author: what all of it holds.
    await page.goto(`${server.origin}/search/?author=Kai+Chen&author=Ziwei+Liu`);
    await page.waitForFunction(() => /by Kai Chen and Ziwei Liu/.test(document.getElementById('search-summary')?.textContent ?? ''));
    expect(await ids()).toEqual(['/papers/2603.00012/']);
    await page.goto(`${server.origin}/search/?author=Kai+Cheng&q=identifier`);
    await page.waitForFunction(() => /match/.test(document.getElementById('search-summary')?.textContent ?? ''));
    expect(await ids()).toEqual(['/papers/hep-th/9901001/']);
    await page.goto(`${server.origin}/search/?author=Nobody+Here`);
    await page.waitForFunction(() => document.getElementById('search-summary')?.textContent === 'No papers by Nobody Here.');
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the feeds of what is followed as OPML that a feed reader’s parser opens, each feed real', async () => {
    const { context, errors } = await reader(browser);
    const page = await context.newPage();
    await followThree(page);
    // An organization with too few papers for feeds of its own.
    await page.goto(`${server.origin}/orgs/example-lab/`);
    await followButton(page, 'Example Lab').click();
    await openFollowing(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#follow-opml')]);
    expect(file.suggestedFilename()).toBe('following.opml');
    const opml = await readFile((await file.path())!, 'utf8');
    expect(await page.textContent('#following-status')).toBe('The file holds 2 feeds. Example Lab has no feed of its own yet (too few papers).');
    expect(opml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    if (!hasFeedparser) return void console.warn('[skipped] OPML read with listparser: no python3-listparser');
    const opmlPath = path.join(site.dist, '..', 'following.opml');
    await writeFile(opmlPath, opml);
    const feeds = [path.join(site.dist, 'orgs/Qwen~c0/rss.xml'), path.join(site.dist, 'topics/agents/rss.xml')];
    const read = JSON.parse(execFileSync(PYTHON, [path.resolve('tests/helpers/read_feeds.py'), opmlPath, ...feeds]).toString());
    expect(read[opmlPath]).toMatchObject({ bozo: false, title: 'Broadsheet: what I follow' });
    // The page is served from 127.0.0.1 here: the OPML names the feeds where the page is.
    expect(read[opmlPath].feeds).toEqual([
      { url: `${server.origin}/orgs/Qwen~c0/rss.xml`, title: 'Qwen Team' },
      { url: `${server.origin}/topics/agents/rss.xml`, title: 'Agents and tool use' },
    ]);
    for (const feed of feeds) {
      expect(read[feed].bozo, feed).toBe(false);
      expect(read[feed].entries.length, feed).toBeGreaterThan(0);
    }
    // Each subscription answers where it says.
    for (const { url } of read[opmlPath].feeds) expect((await fetch(url)).status, url).toBe(200);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('carries what is followed in the reading list’s JSON export, and an import elsewhere brings it back', async () => {
    const first = await reader(browser);
    const page = await first.context.newPage();
    await followThree(page);
    await page.goto(`${server.origin}/saved/`);
    await page.waitForSelector('#saved-app:not([hidden])');
    // Nothing saved, but follows: the JSON export is there for them.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('.saved-export button[data-format="json"]')]);
    const json = JSON.parse(await readFile((await file.path())!, 'utf8'));
    expect(json.papers).toEqual([]);
    expect(json.following).toEqual({
      version: 1,
      authors: [{ name: 'Kai Chen', account: 'kaichen' }],
      orgs: [{ handle: 'Qwen', name: 'Qwen Team', path: '/orgs/Qwen~c0/', feeds: true }],
      topics: [{ slug: 'agents', name: 'Agents and tool use' }],
    });
    await first.context.close();

    const second = await reader(browser);
    const elsewhere = await second.context.newPage();
    await elsewhere.goto(`${server.origin}/saved/`);
    await elsewhere.waitForSelector('#saved-app:not([hidden])');
    await elsewhere.setInputFiles('#saved-file', { name: 'reading-list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    await elsewhere.waitForFunction(() => document.getElementById('saved-status')?.textContent?.startsWith('Imported'));
    expect(await elsewhere.textContent('#saved-status')).toBe('Imported 3 follows (authors, organizations, topics).');
    await openFollowing(elsewhere);
    expect((await followed(elsewhere)).map(([id]) => id)).toEqual(['2603.00030', '2603.00011', '2603.00021', '2603.00010', '2603.00012']);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  it('is operable by keyboard and passes axe-core in light and dark, on a phone and a desktop', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [device, viewport] of [
        ['phone', { width: 390, height: 844 }],
        ['desktop', { width: 1280, height: 900 }],
      ] as const) {
        const { context, errors } = await reader(browser, { colorScheme, viewport });
        const page = await context.newPage();
        // By keyboard: to the organization's follow control, pressed with Enter, released with Space.
        await page.goto(`${server.origin}/orgs/Qwen~c0/`);
        await followButton(page, 'Qwen Team').focus();
        await page.keyboard.press('Enter');
        expect(await followButton(page, 'Qwen Team').getAttribute('aria-pressed')).toBe('true');
        await page.keyboard.press('Space');
        expect(await followButton(page, 'Qwen Team').getAttribute('aria-pressed')).toBe('false');
        await page.keyboard.press('Enter');
        await page.goto(`${server.origin}/papers/2603.00012/`);
        await page.getByRole('button', { name: 'Follow an author…' }).focus();
        await page.keyboard.press('Enter');
        // The list opens with focus on its first control.
        await page.waitForFunction(() => document.activeElement?.textContent?.includes('Follow Ziwei Liu'));
        await page.keyboard.press('Enter');
        await page.goto(`${server.origin}/papers/2603.00020/`);
        await page.locator('button.save[data-paper="2603.00020"]').first().click();
        for (const url of ['/orgs/Qwen~c0/', '/topics/agents/', '/papers/2603.00012/', '/following/']) {
          await page.goto(`${server.origin}${url}`);
          if (url === '/following/') await page.waitForSelector('#following-like li');
          else await page.waitForSelector('button.follow');
          if (url.startsWith('/papers/')) await page.getByRole('button', { name: 'Follow an author…' }).click();
          const violations = await axeViolations(page);
          expect(violations, `${url} (${colorScheme}, ${device})`).toEqual([]);
          // Nothing wider than the screen.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${url} (${device})`).toBe(true);
          const shot = url.replace(/\W+/g, '-').replace(/^-|-$/g, '');
          await page.screenshot({ path: path.join(SHOTS, `following-${shot}-${device}-${colorScheme}.png`), fullPage: url === '/following/' });
        }
        // The author followed by keyboard is on /following/, with their paper.
        expect(await followed(page)).toContainEqual(['2603.00012', 'by Ziwei Liu · from Qwen Team']);
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  });

  it('without JavaScript, shows no follow control, and /following/ says it needs JavaScript', async () => {
    const { context } = await reader(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/orgs/Qwen~c0/`);
    expect(await page.$$eval('button.follow', (b) => b.length)).toBe(0);
    await page.goto(`${server.origin}/following/`);
    expect(await page.textContent('main')).toContain('needs JavaScript');
    expect(await page.isVisible('#following-app')).toBe(false);
    await context.close();
  });
});
