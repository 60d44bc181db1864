// A shared link as apps show it: the built pages read by open-graph-scraper, a library that
// unfurls links as chat apps and social sites do (Open Graph, Twitter cards, and their fallbacks to
// <title>, the description and the canonical link). And a citation reference managers take whole:
// the arXiv DOI on paper pages and in the BibTeX entry, read back by a BibTeX parser.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import ogs from 'open-graph-scraper';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(await makeFixtureArchive(), { SITE_URL: 'https://papers.example.org', BASE_PATH: '/archive/' });
});

/** What a link preview shows of a built page, as open-graph-scraper reads it. */
async function preview(urlPath: string) {
  const html = await site.read(`${urlPath.replace(/^\//, '')}index.html`);
  const { result, error } = await ogs({ html });
  expect(error).toBe(false);
  return result;
}

describe('a link preview', () => {
  it('of a paper page: its own title, without the site’s name, its summary, its permanent address, and the site', async () => {
    const result = await preview('/papers/2603.00011/');
    expect(result).toMatchObject({
      ogTitle: 'LLM×MapReduce: Long-Context Agents',
      ogDescription: 'A study of things.',
      ogUrl: 'https://papers.example.org/archive/papers/2603.00011/',
      ogSiteName: 'Broadsheet',
      ogType: 'article',
      twitterCard: 'summary',
    });
  });

  it('of a paper whose title is LaTeX: the formula as text, as a person reads it', async () => {
    const result = await preview('/papers/2603.00010/');
    expect(result.ogTitle).toBe('∇2DFT: A Universal Quantum Chemistry Dataset');
    // Reference managers still get the LaTeX.
    const page = await site.page('/papers/2603.00010/');
    expect(page('meta[name="citation_title"]').attr('content')).toBe('$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset');
  });

  it('of a hostile title: the text as written, escaped in the page', async () => {
    const result = await preview('/papers/2603.00020/');
    expect(result.ogTitle).toBe('<script>alert(1)</script> Hostile Titles Are Text');
    // Inside a quoted attribute the text stays text: the page's only script is its own.
    const page = await site.page('/papers/2603.00020/');
    expect(
      page('script')
        .map((_, s) => page(s).attr('src'))
        .get(),
    ).toEqual([expect.stringMatching(/^\/archive\/_astro\/[\w-]+\.js$/)]);
    expect(page('meta[property="og:title"]').attr('content')).toBe('<script>alert(1)</script> Hostile Titles Are Text');
  });

  it.each([
    ['/days/2026-03-06/', 'Daily Papers, Friday, 6 March 2026', '4 papers listed on Hugging Face Daily Papers on Friday, 6 March 2026.'],
    ['/weeks/2026-W10/', 'Week 2026-W10 (from 2 March 2026)', '6 papers listed on Hugging Face Daily Papers in Week 2026-W10 (from 2 March 2026), by upvotes.'],
    ['/months/2026-03/', 'March 2026', 'The most upvoted of the 8 papers listed on Hugging Face Daily Papers in March 2026.'],
    ['/topics/agents/', 'Agents and tool use', undefined],
    ['/orgs/Qwen~c0/', 'Qwen Team', '3 papers from Qwen Team listed on Hugging Face Daily Papers, newest first.'],
  ])('of %s: its title and description, its address, the site, a website', async (urlPath, title, description) => {
    const result = await preview(urlPath);
    expect(result.ogTitle).toBe(title);
    if (description) expect(result.ogDescription).toBe(description);
    else expect(result.ogDescription).toBeTruthy();
    expect(result).toMatchObject({
      ogUrl: `https://papers.example.org/archive${urlPath}`,
      ogSiteName: 'Broadsheet',
      ogType: 'website',
      twitterCard: 'summary',
    });
  });

  it('costs each thing once: the description and citation title are the preview tags too, the canonical link the URL', async () => {
    const page = await site.page('/papers/2603.00022/');
    expect(page('meta[property="og:description"]').attr('name')).toBe('description');
    expect(page('meta[property="og:title"]').attr('name')).toBe('citation_title');
    expect(page('meta[property="og:title"]')).toHaveLength(1);
    expect(page('meta[property="og:url"]')).toHaveLength(0);
    expect(page('link[rel="canonical"]').attr('href')).toBe('https://papers.example.org/archive/papers/2603.00022/');
    // No image: no bytes, and no request a reader's browser would make to draw one.
    expect(page('meta[property^="og:image"], meta[name^="twitter:image"]')).toHaveLength(0);
  });
});

describe('a citation reference managers take whole', () => {
  it('carries the arXiv DOI in the page’s citation tags and its BibTeX entry, which a BibTeX parser reads', async () => {
    const page = await site.page('/papers/hep-th/9901001/');
    expect(page('meta[name="citation_doi"]').attr('content')).toBe('10.48550/arXiv.hep-th/9901001');
    const { entries } = parseBibtex(page('.cite pre').text());
    expect(entries).toHaveLength(1);
    expect(entries[0]!.fields).toMatchObject({ doi: '10.48550/arXiv.hep-th/9901001', eprint: 'hep-th/9901001' });
  });
});
