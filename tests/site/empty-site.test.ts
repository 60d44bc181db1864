// A fresh clone: no day captured yet. `npm run build` must still write a valid site, as the
// daily workflow's first run and a fork's CI build it before any capture.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';

let site: BuiltSite;
beforeAll(async () => {
  // An empty folder, as src/content/days is in a fresh clone (it holds only .gitkeep).
  site = await buildSite(await mkdtemp(path.join(tmpdir(), 'empty-days-')), { SITE_URL: 'https://papers.example.org' });
});

describe('an empty archive', () => {
  it('builds the home, the archive and a search page that says there is nothing to search yet', async () => {
    expect(site.output).toMatch(/\[site-size\] dist: [\d.]+ MB/);
    expect((await site.page('/'))('h1').text()).toBe('No papers yet');
    expect((await site.page('/days/'))('h1').text()).toBe('Archive');
    const search = await site.page('/search/');
    expect(search('main .callout').text()).toContain('nothing to search');
    expect(search('#search-app')).toHaveLength(0);
    expect(await site.files()).toContain('sitemap-index.xml');
  });

  it('has every feed, valid and empty, with no date from 1970', async () => {
    const rss = await site.read('rss.xml');
    expect(parseRssFeed(rss).items ?? []).toEqual([]);
    expect(rss).not.toContain('lastBuildDate');
    const atom = await site.read('topics/agents/atom.xml');
    expect(parseAtomFeed(atom)).toMatchObject({ updated: '2023-05-05T00:00:00.000Z' });
    const json = JSON.parse(await site.read('weekly/feed.json'));
    expect(parseJsonFeed(json)).toMatchObject({ title: 'Broadsheet: Weekly digest' });
    // JSON Feed 1.1 requires the list, empty or not.
    expect(json.items).toEqual([]);
    expect(parseOpml(await site.read('feeds.opml')).body?.outlines?.length).toBeGreaterThan(0);
    for (const file of (await site.files()).filter((f) => /\.(xml|json|opml)$/.test(f))) expect(await site.read(file), file).not.toMatch(/1970/);
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const xml = (await site.files()).filter((f) => /\.(xml|opml)$/.test(f)).map((f) => path.join(site.dist, f));
      expect(() => execFileSync('xmllint', ['--noout', ...xml], { stdio: 'pipe' })).not.toThrow();
    }
  });

  it('is valid HTML on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'void-style': 'off' } });
    const problems: string[] = [];
    for (const file of (await site.files()).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(await site.read(file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
