// A topic's pages: the newest few are built, and the addresses of deeper pages (which the archive
// once had) send readers to the topic in search, newest first, where every paper of it is listed.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputSources, runCapture } from '../../scripts/lib/capture/days/capture.ts';
import { siteConfig } from '../../src/site.config.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { apiItem } from '../helpers/items.ts';

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
const PER_DAY = 52;
let site: BuiltSite;

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'topic-pages-'));
  await mkdir(path.join(root, 'input'));
  // 260 papers, every one an agents paper: six pages of 50.
  for (const [d, date] of DAYS.entries()) {
    const items = Array.from({ length: PER_DAY }, (_, i) =>
      apiItem({ id: `2603.${String(10000 + d * 100 + i)}`, title: `Agent Number ${d}-${i}`, upvotes: PER_DAY - i, date }),
    );
    await writeFile(path.join(root, 'input', `${date}.json`), JSON.stringify(items));
  }
  await runCapture(await inputSources({ input: path.join(root, 'input') }), path.join(root, 'days'), { now: () => new Date('2026-03-07T00:00:00Z') });
  site = await buildSite(path.join(root, 'days'), { SITE_URL: 'https://papers.example.org' });
});

describe('a topic with more papers than its built pages hold', () => {
  it('builds its newest pages, newest first, each paper once, and sends the last page’s "older" to search', async () => {
    expect(siteConfig.topicPages).toBe(4);
    const seen: string[] = [];
    for (let n = 1; n <= siteConfig.topicPages; n++) {
      const $ = await site.page(n === 1 ? '/topics/agents/' : `/topics/agents/${n}/`);
      seen.push(
        ...$('.compact > li > div > a:first-child')
          .map((_, a) => $(a).attr('href'))
          .get(),
      );
      expect($('.pager a[rel="next"]').attr('href')).toBe(n < 4 ? `/topics/agents/${n + 1}/` : '/search/?topic=Agents+and+tool+use&sort=date');
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    // Newest listed day first.
    expect(seen[0]!.startsWith('/papers/2603.104')).toBe(true);
    const first = await site.page('/topics/agents/');
    expect(first('.page-header .muted').text()).toBe('260 papers, newest listed first; page 1 of 4. The older ones are in search, newest first.');
    expect(first('.page-header .muted a').attr('href')).toBe('/search/?topic=Agents+and+tool+use&sort=date');
  });

  it('answers the deeper pages’ addresses with a page that moves the reader on to search', async () => {
    for (const n of [5, 6]) {
      const html = await site.read(`topics/agents/${n}/index.html`);
      expect(html).toContain('<meta http-equiv="refresh" content="0; url=/search/?topic=Agents+and+tool+use&amp;sort=date">');
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain(`<a href="/search/?topic=Agents+and+tool+use&amp;sort=date">`);
      const report = await new HtmlValidate({ extends: ['html-validate:standard'], rules: { 'void-style': 'off' } }).validateString(html);
      expect(report.valid, JSON.stringify(report.results)).toBe(true);
    }
    expect(await site.files()).not.toContain('topics/agents/7/index.html');
  });

  it('draws the topic’s chart once, on its first page', async () => {
    expect((await site.page('/topics/agents/'))('.chart')).toHaveLength(1);
    expect((await site.page('/topics/agents/2/'))('.chart')).toHaveLength(0);
  });
});
