// The built site, asserted on its HTML: what a reader, a crawler and a reference manager see.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, HOSTILE_SPACE, makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { describeShared, sharedPath } from '../helpers/shared.ts';

let site: BuiltSite;
let daysDir: string;

const MANIFEST = {
  updatedAt: '2026-03-10T13:00:00.000Z',
  files: [
    { table: 'papers', file: 'papers.parquet', rows: 8, bytes: 12_345, sha256: 'x' },
    { table: 'upvotes', file: 'upvotes.parquet', rows: 10, bytes: 2_345, sha256: 'x' },
    { table: 'trending', file: 'trending.parquet', rows: 7, bytes: 1_500, sha256: 'x' },
    { table: 'links', file: 'links.parquet', rows: 3, bytes: 2_100_000, sha256: 'x' },
  ],
};

beforeAll(async () => {
  daysDir = await makeFixtureArchive();
  // The dataset's manifest, as npm run dataset leaves it before the workflow's build.
  const dataset = path.join(path.dirname(daysDir), 'dataset');
  await mkdir(dataset);
  await writeFile(path.join(dataset, 'manifest.json'), JSON.stringify(MANIFEST));
  site = await buildSite(daysDir, {
    SITE_URL: 'https://papers.example.org',
    DATASET_DIR: dataset,
    GITHUB_REPOSITORY: 'someone/broadsheet',
    HF_DATASET: 'someone/papers',
  });
});

const htmlFiles = async (s: BuiltSite) => (await s.files()).filter((file) => file.endsWith('.html'));

describe('day pages', () => {
  it('exist for every listed day with papers by upvotes, and link to the neighbouring days', async () => {
    const $ = await site.page('/days/2026-03-06/');
    expect($('h1').text()).toBe('Friday, 6 March 2026');
    const titles = $('.papers .paper-title a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(titles).toEqual(['/papers/2603.00020/', '/papers/2603.00011/', '/papers/2603.00021/', '/papers/2603.00022/']);
    expect($('a[rel="prev"]').first().attr('href')).toBe('/days/2026-03-05/');
    expect($('a[rel="next"]').first().attr('href')).toBe('/days/2026-03-09/');
  });

  it('show first authors with the count, counts, topics and the code link, with their spaces intact', async () => {
    const $ = await site.page('/days/2026-03-06/');
    const big = $('.paper').filter((_, el) => $(el).find('a[href="/papers/2603.00022/"]').length > 0);
    expect(big.find('.byline').text().trim()).toBe('Author Number1, Author Number2, Author Number3 and 497 others · 500 authors');
    const mapreduce = $('.paper').filter((_, el) => $(el).find('a[href="/papers/2603.00011/"]').length > 0);
    expect(mapreduce.find('.stats').text()).toMatch(/▲ 40\s*0 comments\s*Code ★ 400/);
    expect(mapreduce.find('a[href="https://github.com/example/mapreduce"]')).toHaveLength(1);
    expect(
      mapreduce
        .find('.chips a')
        .map((_, a) => $(a).text())
        .get(),
    ).toContain('Agents and tool use');
  });

  it('are published as JSON equal to the day file', async () => {
    const published = JSON.parse(await site.read('days/2026-03-06.json'));
    const file = JSON.parse(await readFile(path.join(daysDir, '2026-03-06.json'), 'utf8'));
    expect(published).toEqual(file);
  });

  it('the home page shows the latest listed day', async () => {
    const $ = await site.page('/');
    expect($('h1').text()).toBe('Monday, 9 March 2026');
    expect($('a[href="/days/"]').length).toBeGreaterThan(0);
    expect($('a[href="/topics/"]').length).toBeGreaterThan(0);
    expect($('form[role="search"]').attr('action')).toBe('/search/');
  });
});

describe('paper pages', () => {
  it('exist for every paper, including old-style arXiv ids', async () => {
    const papers = (await site.files()).filter((file) => file.startsWith('papers/') && file.endsWith('index.html'));
    expect(papers.sort()).toEqual(
      ['2603.00010', '2603.00011', '2603.00012', '2603.00020', '2603.00021', '2603.00022', '2603.00030', 'hep-th/9901001']
        .map((id) => `papers/${id}/index.html`)
        .sort(),
    );
  });

  it('link every day a paper was listed on, and show the latest counts', async () => {
    const $ = await site.page('/papers/2603.00011/');
    expect(
      $('.facts a[href^="/days/"]')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/days/2026-03-05/', '/days/2026-03-06/']);
    expect($('.facts').text()).toContain('▲ 40');
    expect(
      $('.links a')
        .map((_, a) => $(a).text())
        .get(),
      // The stars as of the newest look at the hub: a links check after the listing's last capture.
    ).toEqual(['Hugging Face', 'arXiv', 'PDF', 'GitHub ★ 999']);
    expect($('.links a').first().attr('href')).toBe('https://huggingface.co/papers/2603.00011');
  });

  it('fold a 500-author list behind details/summary, readable without JS', async () => {
    const $ = await site.page('/papers/2603.00022/');
    expect($('.authors').contents().first().text().trim()).toMatch(/^Author Number1, Author Number2, .*Author Number10$/);
    expect($('.authors details summary').text()).toBe('and 490 more authors');
    expect($('.authors details').text()).toContain('Author Number500');
  });

  it('carry Highwire citation tags and valid ScholarlyArticle JSON-LD', async () => {
    const $ = await site.page('/papers/2603.00011/');
    const meta = (name: string) =>
      $(`meta[name="${name}"]`)
        .map((_, m) => $(m).attr('content'))
        .get();
    expect(meta('citation_title')).toEqual(['LLM$\\times$MapReduce: Long-Context Agents']);
    expect(meta('citation_author')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(meta('citation_doi')).toEqual(['10.48550/arXiv.2603.00011']);
    expect(meta('citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2603.00011']);
    expect(meta('citation_publication_date')).toEqual(['2026/03/06']);
    // The title, authors and date are said once, by the citation tags: no JSON-LD repeats them.
    expect($('script[type="application/ld+json"]')).toHaveLength(0);
    expect($('link[rel="canonical"]').attr('href')).toBe('https://papers.example.org/papers/2603.00011/');
    // Where no markup is possible the formula is rendered to plain text; citation_title keeps the source, as arXiv does.
    expect($('title').text()).toBe('LLM×MapReduce: Long-Context Agents · Broadsheet');
    // Previews get the title as text (citation_title keeps the LaTeX), the description tag doubles
    // as og:description; no feed links (every list page advertises its feeds).
    expect($('meta[property="og:title"]').attr('content')).toBe('LLM×MapReduce: Long-Context Agents');
    expect($('meta[name="description"]').attr('property')).toBe('og:description');
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('link[rel="alternate"]')).toHaveLength(0);
  });

  it('label the AI summary and keywords as generated by Hugging Face', async () => {
    const $ = await site.page('/papers/2603.00030/');
    expect($('#ai').text()).toContain('generated by Hugging Face');
    expect($('.generated math').length).toBe(1);
  });
});

describe('untrusted upstream text', () => {
  it('shows hostile titles as text on every page they appear on', async () => {
    for (const [url, title] of [
      ['/papers/2603.00020/', HOSTILE.script],
      ['/papers/2603.00021/', HOSTILE.title],
      ['/papers/2603.00030/', HOSTILE.cdata],
    ] as const) {
      const $ = await site.page(url);
      expect($('h1').text()).toBe(title);
      expect($('title').text()).toBe(`${title} · Broadsheet`);
      expect($('img')).toHaveLength(0);
      expect($('script:not([src])')).toHaveLength(0);
    }
    const day = await site.page('/days/2026-03-06/');
    expect(day('img, script:not([src])')).toHaveLength(0);
    expect(day('.paper-title').first().text()).toContain(HOSTILE.script);
  });

  it('never turns a javascript: project page into a link', async () => {
    const html = await site.read('papers/2603.00021/index.html');
    expect(html).not.toMatch(/javascript:/i);
  });

  it('renders LaTeX as MathML, and a formula that fails to parse as its source text', async () => {
    const $ = await site.page('/papers/2603.00010/');
    expect($('h1 math')).toHaveLength(1);
    expect($('h1').text()).toContain('DFT: A Universal Quantum Chemistry Dataset');
    expect($('h1 annotation').text()).toBe('\\nabla^2');
    const broken = await site.page('/papers/2603.00012/');
    expect(broken('h1 math')).toHaveLength(0);
    expect(broken('h1').text()).toBe('A Broken Formula $\\frac{1}{$ Stays Text');
  });
});

describe('the site as a whole', () => {
  it('lists every day in the archive with its paper count', async () => {
    const $ = await site.page('/days/');
    const days = $('.month-days li')
      .map((_, li) => $(li).text())
      .get();
    expect(days).toEqual(['Mon 9 2', 'Fri 6 4', 'Thu 5 3']);
    expect($('.heatmap a.cell')).toHaveLength(3);
    expect($('.heatmap a.cell.l4').attr('href')).toBe('/days/2026-03-06/');
  });

  it('loads one shared script on every page but search (the reading list), nothing inline, and requests nothing from third parties', async () => {
    const scripts = new Set<string>();
    for (const file of await htmlFiles(site)) {
      if (file.startsWith('search/')) continue;
      const html = await site.read(file);
      const $ = await site.page(`/${file}`.replace(/index\.html$/, ''));
      expect($('script:not([src])').length, file).toBe(0);
      expect($('script[type="module"][src^="/_astro/"]').length, file).toBe(1);
      scripts.add($('script').attr('src')!);
      // Every src and stylesheet is local: no fonts, images or scripts from elsewhere.
      expect(html, file).not.toMatch(/\ssrc="(https?:)?\/\//);
      expect(html, file).not.toMatch(/<link rel="stylesheet" href="(https?:)?\/\//);
    }
    expect(scripts.size).toBe(1);
  });

  it('shares one stylesheet, and keeps a typical paper page under 10 KB', async () => {
    // The search page's script is its own (no stylesheet of its own); Pagefind's files sit in /pagefind/.
    const css = (await site.files()).filter((file) => file.startsWith('_astro/') && file.endsWith('.css') && !file.includes('search'));
    expect(css).toHaveLength(1);
    for (const file of await htmlFiles(site)) {
      if (file.startsWith('search/')) continue;
      const page = await site.page(`/${file}`.replace(/index\.html$/, ''));
      expect(
        page('link[rel="stylesheet"]')
          .map((_, l) => page(l).attr('href'))
          .get(),
        file,
      ).toEqual([`/${css[0]}`]);
    }
    expect((await site.read('papers/2603.00011/index.html')).length).toBeLessThan(10_000);
  });

  it('has headings in order on every page: one h1, no level skipped', async () => {
    for (const file of await htmlFiles(site)) {
      const $ = await site.page(`/${file.replace(/index\.html$/, '')}`.replace(/\/404\.html$/, '/404.html'));
      const levels = $('h1, h2, h3, h4')
        .map((_, h) => Number(h.tagName.slice(1)))
        .get();
      expect(
        levels.filter((level) => level === 1),
        file,
      ).toHaveLength(1);
      levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!, file).toBeLessThanOrEqual(1));
    }
  });

  it('has a 404 page, a sitemap and robots.txt pointing to it', async () => {
    expect(await site.read('404.html')).toContain('Page not found');
    const sitemap = await site.read('sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://papers.example.org/papers/hep-th/9901001/</loc>');
    expect(await site.read('robots.txt')).toContain('Sitemap: https://papers.example.org/sitemap-index.xml');
  });
});

describe('the size guard for GitHub Pages', () => {
  it('prints the size of dist in every build', () => {
    expect(site.output).toMatch(/\[site-size\] dist: [\d.]+ MB in [\d,]+ files \(limit 950 MB, MAX_SITE_MB\)/);
  });

  it('fails the build over MAX_SITE_MB, naming the limit', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const result = await promisify(execFile)(process.execPath, ['scripts/site-size.ts'], {
      env: { ...process.env, OUT_DIR: site.dist, MAX_SITE_MB: '0.05' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^site-size: dist: [\d.]+ MB in [\d,]+ files \(limit 0.05 MB, MAX_SITE_MB\): over the limit\. GitHub Pages refuses sites over 1 GB/,
    );
  });
});

describe('served from a sub-path', () => {
  it('keeps every link, asset and canonical URL inside BASE_PATH', async () => {
    const sub = await buildSite(daysDir, { SITE_URL: 'https://you.github.io', BASE_PATH: '/archive/' });
    let checked = 0;
    for (const file of await htmlFiles(sub)) {
      const $ = await sub.page(`/${file}`.replace(/index\.html$/, ''));
      $('[href], [src], [action]').each((_, el) => {
        const url = $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action')!;
        if (url.startsWith('#') || (/^(https?:)?\/\//.test(url) && !url.startsWith('https://you.github.io'))) return;
        checked++;
        expect(url, `${file}: ${url}`).toMatch(/^(https:\/\/you\.github\.io)?\/archive\//);
      });
    }
    expect(checked).toBeGreaterThan(100);
    const $ = await sub.page('/papers/2603.00011/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://you.github.io/archive/papers/2603.00011/');
    expect(await sub.read('robots.txt')).toContain('https://you.github.io/archive/sitemap-index.xml');
  });
});

describe('a malformed day file', () => {
  it('fails the build naming the file and the field', async () => {
    const { mkdtemp, writeFile, copyFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const bad = await mkdtemp(path.join(tmpdir(), 'bad-days-'));
    await copyFile(path.join(daysDir, '2026-03-09.json'), path.join(bad, '2026-03-09.json'));
    const day = JSON.parse(await readFile(path.join(daysDir, '2026-03-06.json'), 'utf8'));
    day.papers[1].upvotes = 'many';
    await writeFile(path.join(bad, '2026-03-06.json'), JSON.stringify(day));
    const error = (await buildSite(bad).catch((e: unknown) => e)) as { stdout: string; stderr: string };
    const output = `${error.stdout}${error.stderr}`;
    expect(output).toContain('2026-03-06.json');
    expect(output).toContain('papers.1.upvotes');
  });
});

describeShared('the real recorded days', () => {
  it('build into a page per day and per paper, with LaTeX titles as MathML', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { inputSources, runCapture } = await import('../../scripts/lib/capture/days/capture.ts');
    const days = path.join(await mkdtemp(path.join(tmpdir(), 'real-days-')), 'days');
    await runCapture(await inputSources({ input: sharedPath('daily_papers') }), days);
    const real = await buildSite(days);
    for (const name of await readdir(sharedPath('daily_papers'))) {
      const items = JSON.parse(await readFile(sharedPath('daily_papers', name), 'utf8')) as { paper: { id: string } }[];
      const $ = await real.page(`/days/${name.slice(0, 10)}/`);
      expect($('.papers > li'), name).toHaveLength(items.length);
      for (const item of items)
        expect(await real.read(`papers/${item.paper.id}/index.html`)).toContain(`"citation_doi" content="10.48550/arXiv.${item.paper.id}"`);
    }
    const $ = await real.page('/days/2024-06-21/');
    const titles = $('.paper-title').filter((_, h) => $(h).text().includes('DFT: A Universal Quantum Chemistry'));
    expect(titles.find('math')).toHaveLength(1);
    // The paper listed on two real days links both.
    const both = await real.page('/papers/2604.07429/');
    expect(
      both('.facts a[href^="/days/"]')
        .map((_, a) => both(a).attr('href'))
        .get(),
    ).toEqual(['/days/2026-04-10/', '/days/2026-04-16/']);

    // Every paper finds 3 to 8 related papers, and the obvious relatives are among them.
    const relatedOf = async (id: string) => {
      const $ = await real.page(`/papers/${id}/`);
      return $('ul.related a')
        .map((_, a) => $(a).attr('href')!.slice('/papers/'.length, -1))
        .get();
    };
    for (const name of await readdir(sharedPath('daily_papers'))) {
      for (const item of JSON.parse(await readFile(sharedPath('daily_papers', name), 'utf8')) as { paper: { id: string } }[]) {
        const related = await relatedOf(item.paper.id);
        expect(related.length, item.paper.id).toBeGreaterThanOrEqual(3);
        expect(related.length, item.paper.id).toBeLessThanOrEqual(8);
        expect(related, item.paper.id).not.toContain(item.paper.id);
      }
    }
    // ConvLLaVA and LLaVA-UHD v4: two LLaVA visual encoders, two years apart, each other's first relative.
    expect((await relatedOf('2405.15738'))[0]).toBe('2605.08985');
    expect((await relatedOf('2605.08985'))[0]).toBe('2405.15738');
    // GUI Odyssey (a GUI navigation dataset) and VideoGUI (a GUI automation benchmark), the same month.
    expect(await relatedOf('2406.08451')).toContain('2406.10227');
    expect(await relatedOf('2406.10227')).toContain('2406.08451');

    // Topics over one page (50 papers) go on to /2/, /3/…, linked both ways, each paper once
    // (up to siteConfig.topicPages pages: tests/topic-pages.test.ts has the deeper ones).
    const topics = await real.page('/topics/');
    const counts = topics('.topic-list h2 a[href^="/topics/"]')
      .map((_, a) => ({
        href: topics(a).attr('href')!,
        count: Number(
          topics(a)
            .parent()
            .text()
            .match(/([\d,]+) papers?/)![1]!
            .replace(',', ''),
        ),
      }))
      .get() as { href: string; count: number }[];
    const big = counts.filter((t) => t.count > 50);
    expect(big.length).toBeGreaterThan(0);
    for (const { href, count } of big) {
      const pages = Math.ceil(count / 50);
      const seen: string[] = [];
      for (let n = 1; n <= pages; n++) {
        const $ = await real.page(n === 1 ? href : `${href}${n}/`);
        seen.push(
          ...$('.compact > li > div > a:first-child')
            .map((_, a) => $(a).attr('href'))
            .get(),
        );
        expect($('.pager a[rel="next"]').attr('href'), `${href} page ${n}`).toBe(n < pages ? `${href}${n + 1}/` : undefined);
        expect($('.pager a[rel="prev"]').attr('href'), `${href} page ${n}`).toBe(n === 1 ? undefined : n === 2 ? href : `${href}${n - 1}/`);
        expect($('h1').text()).toBe(topics(`a[href="${href}"]`).text());
        if (n > 1) expect($('title').text()).toContain(`page ${n}`);
      }
      expect(seen).toHaveLength(count);
      expect(new Set(seen).size).toBe(count);
      expect(await real.files()).not.toContain(`${href.slice(1)}${pages + 1}/index.html`);
    }
  });
});

describe('a paper page that grows with the archive', () => {
  it('offers a BibTeX entry to copy, in a <pre>, keeping the citation tags', async () => {
    const $ = await site.page('/papers/2603.00010/');
    const entry = $('.cite pre').text();
    expect(entry).toMatch(
      /^@misc\{lovelace2026dft,\n {2}title = \{\$\\nabla\^2\$DFT: A Universal Quantum Chemistry Dataset\},\n {2}author = \{Ada Lovelace and Alan Turing\},/,
    );
    expect(entry).toContain('eprint = {2603.00010}');
    expect($('meta[name="citation_title"]').attr('content')).toBe('$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset');
    // Hostile text in the entry is text, escaped for BibTeX and for HTML.
    const hostile = await site.page('/papers/2603.00020/');
    expect(hostile('.cite pre').text()).toContain('title = {<script>alert(1)</script> Hostile Titles Are Text}');
    expect(hostile('.cite pre script')).toHaveLength(0);
  });

  it('lists up to 8 related papers, never itself, each linking its permanent page', async () => {
    const ids = ['2603.00010', '2603.00011', '2603.00012', '2603.00020', '2603.00021', '2603.00022', '2603.00030', 'hep-th/9901001'];
    for (const id of ids) {
      const $ = await site.page(`/papers/${id}/`);
      const links = $('ul.related a')
        .map((_, a) => $(a).attr('href'))
        .get();
      // The quokka paper shares no word with any other here: it has no related list rather than a random one.
      if (id === '2603.00011') expect(links, id).toEqual([]);
      else expect(links.length, id).toBeGreaterThanOrEqual(3);
      expect(links.length, id).toBeLessThanOrEqual(8);
      expect(links, id).not.toContain(`/papers/${id}/`);
      for (const link of links) expect(ids.map((other) => `/papers/${other}/`)).toContain(link);
    }
  });

  it('shows a paper captured twice with different upvotes with both counts, as a sparkline and as text', async () => {
    const $ = await site.page('/papers/2603.00020/');
    expect($('.upvote-history svg polyline').attr('points')!.split(' ')).toHaveLength(2);
    expect($('.upvote-history svg').attr('aria-label')).toBe('Upvotes rose from 99 on 9 Mar 2026 12:00 UTC to 120 on 10 Mar 2026 13:00 UTC.');
    expect(
      $('.upvote-history .observations li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['9 Mar 2026 12:00 ▲ 99', '10 Mar 2026 13:00 ▲ 120']);
    expect($('#upvotes-over-time').text()).toBe('Upvotes over time (UTC)');
    // One capture: the count as text, no line to draw.
    const once = await site.page('/papers/2603.00010/');
    expect(once('.upvote-history svg')).toHaveLength(0);
    expect(once('.upvote-history .observations li')).toHaveLength(1);
  });
});

describe('weeks, months and organizations', () => {
  const hrefs = ($: Awaited<ReturnType<BuiltSite['page']>>, selector: string) =>
    $(selector)
      .map((_, a) => $(a).attr('href'))
      .get();

  it('give every ISO week with a listing a page of its papers by upvotes, linked to its days and neighbours', async () => {
    const w10 = await site.page('/weeks/2026-W10/');
    expect(w10('h1').text()).toBe('Week 2026-W10 (from 2 March 2026)');
    // 2603.00011 is listed on Thursday and Friday: once, with its freshest count.
    expect(hrefs(w10, '.compact > li > div > a:first-child')).toEqual([
      '/papers/2603.00020/',
      '/papers/2603.00010/',
      '/papers/2603.00011/',
      '/papers/2603.00021/',
      '/papers/2603.00012/',
      '/papers/2603.00022/',
    ]);
    expect(w10('.compact li').first().find('span').first().text()).toBe('▲ 120');
    expect(hrefs(w10, '.page-header a')).toEqual(['/days/2026-03-05/', '/days/2026-03-06/', '/months/2026-03/']);
    expect(w10('a[rel="next"]').attr('href')).toBe('/weeks/2026-W11/');
    expect(w10('a[rel="prev"]')).toHaveLength(0);
    const w11 = await site.page('/weeks/2026-W11/');
    expect(w11('a[rel="prev"]').attr('href')).toBe('/weeks/2026-W10/');
    // Hostile titles and organization names are text.
    expect(w10('.compact script, .compact img')).toHaveLength(0);
    expect(w10('.compact').text()).toContain(HOSTILE.script);
  });

  it('give every month a page of its most upvoted papers, linking its weeks and days', async () => {
    const $ = await site.page('/months/2026-03/');
    expect($('h1').text()).toBe('March 2026');
    expect($('.compact > li')).toHaveLength(8);
    expect(hrefs($, '.period-links a')).toEqual(['/weeks/2026-W10/', '/weeks/2026-W11/', '/days/2026-03-05/', '/days/2026-03-06/', '/days/2026-03-09/']);
  });

  it('link each day to its week and month, the archive to every month and week, and show the week’s top on the home page', async () => {
    const day = await site.page('/days/2026-03-06/');
    expect(hrefs(day, '.page-header a')).toEqual(expect.arrayContaining(['/weeks/2026-W10/', '/months/2026-03/']));
    const archive = await site.page('/days/');
    expect(hrefs(archive, '.month h3 a')).toEqual(['/months/2026-03/']);
    expect(hrefs(archive, '.weeks a[href^="/weeks/"]')).toEqual(['/weeks/2026-W10/', '/weeks/2026-W11/']);
    const home = await site.page('/');
    expect(home('#week-top').text()).toBe('The newest week’s top papers');
    expect(hrefs(home, '.week-top .compact > li > div > a:first-child')).toEqual(['/papers/2603.00030/', '/papers/hep-th/9901001/']);
  });

  it('list every organization, and give each a page of its papers linked both ways', async () => {
    const $ = await site.page('/orgs/');
    const rows = $('table.orgs tbody tr')
      .map((_, tr) => [
        $(tr)
          .find('td')
          .map((_, td) => $(td).text())
          .get(),
      ])
      .get();
    expect(rows).toEqual([
      ['Qwen Team', 'Qwen', '3', '9 Mar 2026'],
      ['Example Lab', 'example-lab', '1', '6 Mar 2026'],
      ['qwen', 'qwen', '1', '6 Mar 2026'],
      ['Ünï "Lab" <b>', 'Ünï Lab%', '1', '9 Mar 2026'],
    ]);
    const qwen = await site.page('/orgs/Qwen~c0/');
    expect(hrefs(qwen, '.compact > li > div > a:first-child')).toEqual(['/papers/2603.00030/', '/papers/2603.00010/', '/papers/2603.00012/']);
    // Each with the day it was listed, newest first.
    expect(hrefs(qwen, '.compact .org')).toEqual(['/days/2026-03-09/', '/days/2026-03-05/', '/days/2026-03-05/']);
    const paper = await site.page('/papers/2603.00010/');
    expect(hrefs(paper, '.facts a[href^="/orgs/"]')).toEqual(['/orgs/Qwen~c0/']);
    // The handle differing only in case has its own folder, distinct even on a case-insensitive disk.
    const files = await site.files();
    const folders = files.filter((f) => /^orgs\/[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[1]!);
    expect(folders.sort()).toEqual(['Qwen~c0', 'example-lab', 'qwen~c', '~dc~n~ef~~20~Lab~25~'].sort());
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(folders.length);
    const odd = await site.page('/orgs/~dc~n~ef~~20~Lab~25~/');
    expect(odd('h1').text()).toBe('Ünï "Lab" <b>');
    expect(odd('h1 b')).toHaveLength(0);
    expect(hrefs(await site.page('/papers/hep-th/9901001/'), '.facts a[href^="/orgs/"]')).toEqual(['/orgs/~dc~n~ef~~20~Lab~25~/']);
  });

  it('give feeds to organizations with 3 or more papers, advertised on their page, and list them in /orgs.opml', async () => {
    const files = await site.files();
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect(files).toContain(`orgs/Qwen~c0/${file}`);
    expect(files.filter((f) => f.startsWith('orgs/qwen~c/') || f.startsWith('orgs/example-lab/')).sort()).toEqual([
      'orgs/example-lab/index.html',
      'orgs/qwen~c/index.html',
    ]);
    const qwen = await site.page('/orgs/Qwen~c0/');
    expect(hrefs(qwen, 'link[rel="alternate"]')).toContain('https://papers.example.org/orgs/Qwen~c0/rss.xml');
    expect((await site.page('/orgs/qwen~c/'))('link[rel="alternate"]')).toHaveLength(0);
    const opml = await site.read('orgs.opml');
    expect(opml.match(/xmlUrl="[^"]+"/g)).toEqual([
      'xmlUrl="https://papers.example.org/orgs/Qwen~c0/rss.xml"',
      'xmlUrl="https://papers.example.org/orgs/Qwen~c0/atom.xml"',
      'xmlUrl="https://papers.example.org/orgs/Qwen~c0/feed.json"',
    ]);
    const feed = JSON.parse(await site.read('orgs/Qwen~c0/feed.json')) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toEqual(['2603.00030', '2603.00010', '2603.00012'].map((id) => `https://papers.example.org/papers/${id}/`));
  });

  it('chart papers per month on topic and organization pages, with the numbers as text', async () => {
    for (const url of ['/topics/agents/', '/orgs/Qwen~c0/']) {
      const $ = await site.page(url);
      expect($('.chart svg[role="img"]').attr('aria-label'), url).toMatch(
        /^\d+ papers? (on|from) .+, per month from Mar 2026 to Mar 2026; the busiest month was Mar 2026 with \d+\.$/,
      );
      expect($('.chart svg rect').length, url).toBe(1);
      expect($('.chart details table tbody tr td').first().text(), url).toBe('Mar 2026');
    }
  });

  it('publish a weekly digest item once the week is over, with the counts known at its end', async () => {
    const weekly = JSON.parse(await site.read('weekly/feed.json')) as { items: { id: string; title: string; content_html: string; date_published: string }[] };
    // Week 10 was first captured on 9 March (after it ended): it is frozen a day after that capture,
    // and dated at its end, so a reader orders it among the weeks around it.
    expect(weekly.items.map((i) => i.id)).toEqual(['https://papers.example.org/weeks/2026-W10/']);
    expect(weekly.items[0]!.date_published).toBe('2026-03-09T00:00:00.000Z');
    expect(weekly.items[0]!.title).toBe('Week 2026-W10 (from 2 March 2026): the top 6 papers');
    // 2603.00020 had 99 then; its 120 came at 13:00, after the item was published.
    expect(weekly.items[0]!.content_html).toMatch(/2603\.00020\/">&lt;script&gt;alert\(1\)&lt;\/script&gt; Hostile Titles Are Text<\/a> · ▲ 99</);
    // Week 11 and March are not over: no item yet, and the monthly feed is valid and empty.
    expect(JSON.parse(await site.read('monthly/feed.json')).items).toEqual([]);
  });
});

describe('what came of each paper on the hub', () => {
  it('shows the counts, the five most used of each kind linking to Hugging Face, the rest as one link, and when it was checked', async () => {
    const $ = await site.page('/papers/2603.00011/');
    const hub = $('section.hub');
    expect(hub.find('h2').text()).toBe('On the Hub as of 11 Mar 2026');
    expect(
      hub
        .find('h3')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['7 models', '1 dataset', '1 Space']);
    const links = hub
      .find('ul.hub-repos a')
      .map((_, a) => [[$(a).text(), $(a).attr('href')]])
      .get();
    expect(links.slice(0, 2)).toEqual([
      ['example/mapreduce-7b', 'https://huggingface.co/example/mapreduce-7b'],
      ['example/mapreduce-1b', 'https://huggingface.co/example/mapreduce-1b'],
    ]);
    expect(links).toContainEqual(['example/long-docs', 'https://huggingface.co/datasets/example/long-docs']);
    expect(hub.find('li').first().find('.muted').text()).toBe('text-generation · 12,345 downloads · 67 likes');
    expect(
      hub
        .find('p a')
        .map((_, a) => [[$(a).text(), $(a).attr('href')]])
        .get(),
    ).toEqual([['All 7 on Hugging Face', 'https://huggingface.co/models?other=arxiv:2603.00011']]);
    // The GitHub stars are the newest known: the links check (999) came after the listing's capture (400).
    expect($('.links a[href="https://github.com/example/mapreduce"]').text()).toBe('GitHub ★ 999');
  });

  it('shows a Space’s hostile title and emoji as text', async () => {
    const $ = await site.page('/papers/2603.00011/');
    const space = $('section.hub a[href="https://huggingface.co/spaces/example/demo"]');
    expect(space.text()).toBe(`${HOSTILE_SPACE.emoji} ${HOSTILE_SPACE.title}`);
    expect($('section.hub script, section.hub img')).toHaveLength(0);
  });

  it('says nothing on a paper nothing cites, or never asked about', async () => {
    expect((await site.page('/papers/2603.00020/'))('section.hub')).toHaveLength(0);
    expect((await site.page('/papers/2603.00012/'))('section.hub')).toHaveLength(0);
  });

  it('lists papers whose weights came out, with a feed of one item each, in every format and in the OPML', async () => {
    const $ = await site.page('/released/');
    $('annotation').remove();
    expect(
      $('.compact > li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['8 Mar 2026LLM×MapReduce: Long-Context Agents · 7 models: example/mapreduce-7b']);
    const json = JSON.parse(await site.read('released/feed.json'));
    expect(json.items.map((i: { id: string; date_published: string }) => [i.id, i.date_published])).toEqual([
      ['https://papers.example.org/papers/2603.00011/', '2026-03-08T06:00:00.000Z'],
    ]);
    expect(json.items[0].content_html).toContain(
      '<p>A model citing it appeared on Hugging Face on Sunday, 8 March 2026: <a href="https://huggingface.co/models?other=arxiv:2603.00011">the models citing it</a>.</p>',
    );
    expect(await site.read('released/rss.xml')).toContain('<guid isPermaLink="true">https://papers.example.org/papers/2603.00011/</guid>');
    expect(await site.read('released/atom.xml')).toContain('<id>https://papers.example.org/papers/2603.00011/</id>');
    expect(await site.read('feeds.opml')).toContain('xmlUrl="https://papers.example.org/released/rss.xml"');
    expect((await site.page('/'))('a[href="/released/"]')).toHaveLength(1);
  });
});

describe('trending, kept day by day', () => {
  const rows = ($: Awaited<ReturnType<BuiltSite['page']>>) => {
    $('annotation').remove();
    return $('ol.trending > li')
      .map((_, li) => [
        [
          $(li).find('.place').text(),
          $(li).find('.move [aria-hidden]').text(),
          $(li).find('.move .visually-hidden').text(),
          $(li).find('div > a').first().text(),
        ],
      ])
      .get();
  };

  it('shows the newest list with rank, movement against the day before, upvotes and the day each was listed', async () => {
    const $ = await site.page('/trending/');
    expect($('h1').text()).toBe('Trending on Hugging Face');
    expect(rows($)).toEqual([
      ['1', '▲ 1', 'up 1 place since the day before', HOSTILE.script],
      ['2', 'new', 'new on the list', HOSTILE.cdata],
      ['3', '=', 'same place as the day before', '∇2DFT: A Universal Quantum Chemistry Dataset'],
      ['4', '▼ 3', 'down 3 places since the day before', 'LLM×MapReduce: Long-Context Agents'],
    ]);
    const first = $('ol.trending > li').first();
    expect(first.find('div > a').first().attr('href')).toBe('/papers/2603.00020/');
    expect(first.find('div').text()).toContain('▲ 120 · listed 6 Mar 2026');
    expect($('ol.trending script, ol.trending img')).toHaveLength(0);
    expect($('.day-nav a[rel="prev"]').attr('href')).toBe('/trending/2026-03-09/');
  });

  it('keeps each day’s list at its own address, linked from its day page and the archive', async () => {
    const monday = await site.page('/trending/2026-03-09/');
    expect(monday('h1').text()).toBe('Trending on Monday, 9 March 2026');
    expect(rows(monday).map((r) => r[1])).toEqual(['new', 'new', 'new']);
    expect((await site.page('/days/2026-03-09/'))('a[href="/trending/2026-03-09/"]').text()).toBe('Trending that day');
    expect((await site.page('/days/2026-03-06/'))('a[href^="/trending/"]')).toHaveLength(0);
    const archive = await site.page('/days/');
    expect(archive('a[href="/trending/2026-03-10/"]').text()).toBe('10 Mar');
  });

  it('says on a paper’s page when it was trending and its best rank', async () => {
    const $ = await site.page('/papers/2603.00011/');
    const fact = $('.facts div').filter((_, d) => $(d).find('dt').text() === 'Trending');
    expect(fact.find('dd').text()).toBe('best #1 on 9 Mar 2026, 2 days on the list');
    expect(fact.find('a').attr('href')).toBe('/trending/2026-03-09/');
    expect(
      (await site.page('/papers/2603.00012/'))('.facts dt')
        .map((_, d) => $(d).text())
        .get(),
    ).not.toContain('Trending');
  });

  it('has a feed of one item per paper entering the top ten, dated by the capture that saw it', async () => {
    const json = JSON.parse(await site.read('trending/feed.json'));
    expect(json.items.map((i: { id: string; date_published: string }) => [i.id, i.date_published])).toEqual([
      ['https://papers.example.org/papers/2603.00030/', '2026-03-10T19:00:00.000Z'],
      ['https://papers.example.org/papers/2603.00010/', '2026-03-09T19:00:00.000Z'],
      ['https://papers.example.org/papers/2603.00011/', '2026-03-09T19:00:00.000Z'],
      ['https://papers.example.org/papers/2603.00020/', '2026-03-09T19:00:00.000Z'],
    ]);
    expect(json.items[3].title).toBe(HOSTILE.script);
    expect(json.items[3].content_html).not.toContain('<script>');
    const rss = await site.read('trending/rss.xml');
    expect(rss).not.toContain('<script>');
    expect(await site.read('feeds.opml')).toContain('xmlUrl="https://papers.example.org/trending/atom.xml"');
  });
});

describe('following', () => {
  const gz = async (file: string) => JSON.parse((await import('node:zlib')).gunzipSync(await readFile(path.join(site.dist, file))).toString('utf8'));

  it('is linked from every page’s navigation, and its controls cost the pages one attribute', async () => {
    for (const url of ['/', '/days/2026-03-06/', '/papers/2603.00012/'])
      expect((await site.page(url))('nav a[href="/following/"]').text(), url).toBe('Following');
    expect((await site.page('/orgs/Qwen~c0/'))('header[data-follow="org"] code').text()).toBe('Qwen');
    expect((await site.page('/topics/agents/'))('header[data-follow="topic"] h1').text()).toBe('Agents and tool use');
    const $ = await site.page('/following/');
    expect($('h1').text()).toBe('Following');
    expect($('#following-app').attr('data-recent')).toBe('/following/recent.json.gz');
  });

  it('writes the recent papers with keys of their authors’ names, and the names to suggest apart', async () => {
    const recent = await gz('following/recent.json.gz');
    expect(recent.days).toEqual(['2026-03-09', '2026-03-06', '2026-03-05']);
    expect(recent.papers.map((p: unknown[]) => p[0])).toEqual([
      '2603.00030',
      'hep-th/9901001',
      '2603.00020',
      '2603.00011',
      '2603.00021',
      '2603.00022',
      '2603.00010',
      '2603.00012',
    ]);
    // Titles as text; names only as keys.
    expect(recent.papers[3][1]).toBe('LLM×MapReduce: Long-Context Agents');
    expect(JSON.stringify(recent)).not.toContain('Kai Chen');
    expect(recent.orgs[0]).toEqual(['Qwen', 'Qwen Team', 'Qwen~c0', 1]);
    expect(await gz('following/names.json.gz')).toEqual([
      ['Ada Lovelace', 3],
      ['Alan Turing', 3],
      ['Kai Chen', 3],
      ['Ziwei Liu', 2],
    ]);
  });

  it('keeps each author’s hub account in the day files it publishes', async () => {
    const day = JSON.parse(await site.read('days/2026-03-05.json'));
    expect(day.papers.find((p: { id: string }) => p.id === '2603.00012').authorAccounts).toEqual({ 'Kai Chen': 'kaichen' });
  });
});

describe('/data/', () => {
  it('describes every table and column, with the files’ rows and sizes as of the build', async () => {
    const { TABLES } = await import('../../src/lib/dataset.ts');
    const $ = await site.page('/data/');
    expect($('h1').text()).toBe('The history as data');
    for (const table of TABLES) {
      const section = $(`h3#${table.name}`).closest('.data-table');
      expect(
        section
          .find('td:first-child code')
          .map((_, c) => $(c).text())
          .get(),
        table.name,
      ).toEqual(table.columns.map((c) => c.name));
    }
    expect($('h3#papers').text()).toBe('papers.parquet · 8 rows, 12.3 KB');
    expect($('h3#links').text()).toBe('links.parquet · 3 rows, 2.1 MB');
    expect($('header').text()).toContain('As of 10 Mar 2026');
  });

  it('gives the addresses of the release and the Hugging Face dataset, and queries over the release', async () => {
    const $ = await site.page('/data/');
    expect($('a[href="https://github.com/someone/broadsheet/releases/tag/data"]')).toHaveLength(1);
    expect($('a[href="https://huggingface.co/datasets/someone/papers"]')).toHaveLength(1);
    const queries = $('pre.query')
      .map((_, p) => $(p).text())
      .get();
    expect(queries.length).toBeGreaterThanOrEqual(3);
    expect(queries[0]).toContain("FROM 'https://github.com/someone/broadsheet/releases/download/data/papers.parquet'");
    // Linked from the archive.
    expect((await site.page('/days/'))('a[href="/data/"]')).toHaveLength(1);
  });
});
