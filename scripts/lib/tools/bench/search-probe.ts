// What a first search costs a reader: the bytes a cold browser downloads, in headless Chromium,
// when the first result appears and once every year is searched.
import { hasChromium, launchChromium } from '../chromium.ts';
import { serveStatic } from '../static-server.ts';
import type { ListedDay } from './archive.ts';

export interface SearchBytes {
  /** Everything received when the first result appears. */
  visible: number;
  /** Everything received once every year is searched and the network is idle. */
  total: number;
  /** Of `total`, the files below /pagefind/. */
  pagefind: number;
  requests: number;
}

/** One first search for `term` on the site in `dist`, sorted as asked; undefined without Chromium. */
export async function firstSearchBytes(dist: string, term: string, sort = 'relevance'): Promise<SearchBytes | undefined> {
  if (!hasChromium()) return undefined;
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bytes = new Map<string, number>();
    page.on('response', async (response) => {
      const body = await response.body().catch(() => undefined);
      if (body) bytes.set(response.url(), body.length);
    });
    const sum = () => [...bytes.values()].reduce((total, size) => total + size, 0);
    let visible = 0;
    await page.exposeFunction('firstResultShown', () => (visible = sum()));
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.search-result')) return;
        observer.disconnect();
        (window as unknown as { firstResultShown: () => void }).firstResultShown();
      }).observe(document, { childList: true, subtree: true });
    });
    const query = new URLSearchParams({ q: term, ...(sort === 'relevance' ? {} : { sort }) });
    await page.goto(`${server.origin}/search/?${query}`);
    await page.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false', null, { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const pagefind = [...bytes].filter(([url]) => url.includes('/pagefind/')).reduce((total, [, size]) => total + size, 0);
    return { visible, total: sum(), pagefind, requests: bytes.size };
  } finally {
    await browser.close();
    await server.close();
  }
}

const STOP = new Set(['with', 'from', 'large', 'model', 'models', 'language', 'learning', 'towards', 'using', 'through', 'their', 'based']);

/**
 * The searches to probe: a paper's distinctive name (the usual search: a paper half remembered)
 * and a word in most titles, by relevance, date and upvotes.
 */
export function searchProbes(listed: readonly ListedDay[], recorded: boolean): [label: string, term: string, sort: string][] {
  const titles = listed.flatMap((day) => day.titles).join('\n');
  const uses = (word: string) => titles.split(word).length - 1;
  const middleDay = listed[Math.floor(listed.length / 2)]!.titles;
  const distinctive = middleDay.map((title) => title.split(/[:\s-]/)[0]!).sort((a, b) => uses(a) - uses(b))[0]!;
  const common = recorded
    ? ([...new Set(titles.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? [])].filter((w) => !STOP.has(w)).sort((a, b) => uses(b) - uses(a))[0] ?? 'reasoning')
    : 'verifier';
  return [
    [`a paper's name ("${distinctive}")`, distinctive, 'relevance'],
    [`a common word ("${common}")`, common, 'relevance'],
    [`a common word ("${common}"), by date`, common, 'date'],
    [`a common word ("${common}"), by upvotes`, common, 'upvotes'],
  ];
}
