// npm run bench -- --papers 44000 [--per-day 40] [--runs 3] [--no-search-probe]
// The scale benchmark: generate a synthetic archive in the hub's API format with the sample
// generator, import it with `snapshot --input`, run the complete `npm run build` (pages, feeds,
// search index) from a cold cache, and report medians over the runs with their spread.
import { readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { buildCounts, feedSeconds, periodOrgSeconds, relatedSeconds } from './lib/build-log.ts';
import { commandOptions, positiveNumber, wholeNumber } from './lib/cli.ts';
import { measure, type Measured } from './lib/measure.ts';
import { generateSample } from './lib/sample.ts';
import { serveStatic } from './lib/static-server.ts';

const USAGE = `Usage: npm run bench -- [--papers N] [--per-day N] [--runs N] [--no-search-probe]

Generate a synthetic archive shaped like the real listings, import it, run the whole
npm run build from a cold cache, and report times, memory and sizes (medians over the runs).

  --papers N          papers in the archive (default 2000; docs/performance.md uses
                      2000, 10000 and 44000)
  --per-day N         average papers per listed weekday (default 40)
  --runs N            builds to measure (default 3); 0 re-measures the last build's
                      output of this size (sizes, first search) without building
  --no-search-probe   skip the first-search byte counts in headless Chromium
  -h, --help          show this help

Work files go to .bench/<papers>/; results to .bench/results-<papers>.json.`;

const { papers, perDay, runs, searchProbe } = commandOptions(
  'bench',
  USAGE,
  {
    papers: { type: 'string', default: '2000' },
    'per-day': { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    'no-search-probe': { type: 'boolean', default: false },
  },
  (values) => ({
    papers: positiveNumber('--papers', values.papers)!,
    perDay: positiveNumber('--per-day', values['per-day'])!,
    runs: wholeNumber('--runs', values.runs)!,
    searchProbe: !values['no-search-probe'],
  }),
);

const root = path.resolve('.bench', String(papers));
const input = path.join(root, 'input');
const days = path.join(root, 'days');
const dist = path.join(root, 'dist');
const cache = path.join(root, 'cache');
const MB = 1e6;

interface Run {
  importS: number;
  importPeak: number;
  buildS: number;
  astroS: number;
  feedsS: number;
  relatedS: number;
  periodOrgS: number;
  searchS: number;
  pages: number;
  msPerPage: number;
  generateMsPerPage: number;
  astroPeak: number;
  searchPeak: number;
  treePeak: number;
}

function parseBuild(result: Measured): Omit<Run, 'importS' | 'importPeak'> {
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  const { pages, astroSeconds: astroS, generateSeconds, searchSeconds: searchS } = buildCounts(result.output);
  return {
    buildS: result.seconds,
    astroS,
    feedsS: feedSeconds(result.output),
    relatedS: relatedSeconds(result.output),
    periodOrgS: periodOrgSeconds(result.output),
    searchS,
    pages,
    msPerPage: (astroS * 1000) / pages,
    generateMsPerPage: (generateSeconds * 1000) / pages,
    astroPeak: result.peakByName.node ?? 0,
    searchPeak: result.peakByName.pagefind ?? 0,
    treePeak: result.peakTreeRss,
  };
}

async function walk(dir: string): Promise<{ file: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file: path.relative(dir, file), size: (await stat(file)).size };
      }),
  );
}

interface SearchBytes {
  /** Everything received when the first result appears. */
  visible: number;
  /** Everything received once every year is searched and the network is idle. */
  total: number;
  /** Of `total`, the files below /pagefind/. */
  pagefind: number;
  requests: number;
}

/**
 * Bytes the browser downloads for a first search from a cold cache, in headless Chromium: at the
 * moment the first result is in the page, and for the whole search (every year merged in).
 */
async function firstSearchBytes(term: string, sort = 'relevance'): Promise<SearchBytes | undefined> {
  const { existsSync } = await import('node:fs');
  const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(chrome)) return undefined;
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: chrome,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const spread = (xs: number[], digits: number) => (xs.length > 1 ? ` (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})` : '');
const stat3 = (xs: number[], digits = 1) => `${median(xs).toFixed(digits)}${spread(xs, digits)}`;
const gb = (bytes: number[]) =>
  stat3(
    bytes.map((b) => b / 1e9),
    2,
  );

// --- Generate once, then measure each run from a cold cache.
if (runs > 0) await rm(root, { recursive: true, force: true });
await mkdir(input, { recursive: true });
const sample = generateSample({ days: 10 * Math.ceil(papers / perDay), papers, papersPerDay: perDay, start: '2022-01-03' });
for (const day of sample) await writeFile(path.join(input, `${day.date}.json`), JSON.stringify(day.items));
const generated = sample.reduce((sum, day) => sum + day.items.length, 0);
const unique = new Set(sample.flatMap((day) => (day.items as { paper: { id: string } }[]).map((item) => item.paper.id))).size;
console.log(`Generated ${sample.length} listed days, ${generated} papers (${sample[0]!.date} to ${sample.at(-1)!.date}).`);

const env = { ...process.env, DAYS_DIR: days, OUT_DIR: dist, CACHE_DIR: cache, SITE_URL: 'https://bench.example.org' };
const results: Run[] = [];
for (let run = 1; run <= runs; run++) {
  await rm(days, { recursive: true, force: true });
  await rm(dist, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
  const imported = await measure(process.execPath, ['scripts/snapshot.ts', '--input', input], env);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.output.slice(-2000)}`);
  const built = parseBuild(await measure('npm', ['run', 'build'], env));
  const result = { importS: imported.seconds, importPeak: imported.peakTreeRss, ...built };
  results.push(result);
  console.log(
    `run ${run}/${runs}: import ${result.importS.toFixed(1)} s, build ${result.buildS.toFixed(1)} s (astro ${result.astroS.toFixed(1)} s, search index ${result.searchS.toFixed(1)} s), ${result.pages} pages, peak ${(result.treePeak / 1e9).toFixed(2)} GB`,
  );
}

// --- Output, from the last run (it is deterministic).
const files = await walk(dist);
const total = files.reduce((sum, f) => sum + f.size, 0);
const paperPages = files
  .filter((f) => f.file.startsWith('papers/') && f.file.endsWith('.html'))
  .map((f) => f.size)
  .sort((a, b) => a - b);
const html = files.filter((f) => f.file.endsWith('.html')).sort((a, b) => b.size - a.size);
const feeds = files.filter((f) => /(rss\.xml|atom\.xml|feed\.json)$/.test(f.file)).sort((a, b) => b.size - a.size);
const pagefindBytes = files.filter((f) => f.file.startsWith('pagefind/')).reduce((sum, f) => sum + f.size, 0);
const storeBytes = (await stat(path.join(cache, 'data-store.json')).catch(() => ({ size: 0 }))).size;
// A paper's distinctive name (the usual search: a paper half remembered) and a word in most abstracts.
const titles = sample.flatMap((day) => (day.items as { paper: { title: string } }[]).map((item) => item.paper.title)).join('\n');
const middleDay = sample[Math.floor(sample.length / 2)]!.items as { paper: { title: string } }[];
// The rarest first word of that day's titles: a paper's own name, not one shared by thousands.
const uses = (word: string) => titles.split(word).length - 1;
const distinctive = middleDay.map((item) => item.paper.title.split(/[:\s-]/)[0]!).sort((a, b) => uses(a) - uses(b))[0]!;
const common = 'verifier';
const probes: [string, string, string][] = [
  [`a paper's name ("${distinctive}")`, distinctive, 'relevance'],
  [`a common word ("${common}")`, common, 'relevance'],
  [`a common word ("${common}"), by date`, common, 'date'],
  [`a common word ("${common}"), by upvotes`, common, 'upvotes'],
];
// One after another, each in a fresh browser: a cold cache every time.
const searches: [string, SearchBytes | undefined][] = [];
if (searchProbe) for (const [label, term, sort] of probes) searches.push([label, await firstSearchBytes(term, sort)]);
const pct = (q: number) => paperPages[Math.min(paperPages.length - 1, Math.floor(paperPages.length * q))]!;

const col = (pick: (r: Run) => number, digits = 1) => stat3(results.map(pick), digits);
const timings: [string, string][] =
  results.length === 0
    ? []
    : [
        ['pages built', String(results[0]!.pages)],
        ['import s', col((r) => r.importS)],
        ['astro build s (pages + feeds)', col((r) => r.astroS)],
        ['feeds s (inside astro build)', col((r) => r.feedsS, 2)],
        ['related papers s (inside astro build)', col((r) => r.relatedS, 2)],
        ['weeks, months, organizations s (pages and feeds)', col((r) => r.periodOrgS, 2)],
        ['search index s (beside astro build)', col((r) => r.searchS)],
        ['total npm run build s', col((r) => r.buildS)],
        ['ms per page (all of astro build)', col((r) => r.msPerPage, 2)],
        ['ms per page (page generation only)', col((r) => r.generateMsPerPage, 2)],
        ['peak RSS import GB', gb(results.map((r) => r.importPeak))],
        ['peak RSS astro (node) GB', gb(results.map((r) => r.astroPeak))],
        ['peak RSS search index (pagefind) GB', gb(results.map((r) => r.searchPeak))],
        ['peak RSS whole build tree GB', gb(results.map((r) => r.treePeak))],
      ];
const rows: [string, string][] = [
  ['papers (listings)', `${unique} (${generated})`],
  ...timings,
  ['dist MB (sum of files)', (total / MB).toFixed(0)],
  ['dist files', String(files.length)],
  ['search index MB', (pagefindBytes / MB).toFixed(1)],
  [
    'weeks, months, organizations MB (files)',
    (() => {
      const extra = files.filter((f) => /^(weeks|months|weekly|monthly|orgs)[/.]/.test(f.file));
      return `${(extra.reduce((sum, f) => sum + f.size, 0) / MB).toFixed(1)} (${extra.length})`;
    })(),
  ],
  ['content store MB (data-store.json)', (storeBytes / MB).toFixed(1)],
  ['paper page KB median / p95 / p99', `${(pct(0.5) / 1e3).toFixed(1)} / ${(pct(0.95) / 1e3).toFixed(1)} / ${(pct(0.99) / 1e3).toFixed(1)}`],
  [
    'paper pages over 10 KB',
    `${paperPages.filter((size) => size > 10_000).length} (${((100 * paperPages.filter((size) => size > 10_000).length) / paperPages.length).toFixed(2)}%)`,
  ],
  ['largest page', `${html[0]!.file} ${(html[0]!.size / 1e3).toFixed(1)} KB`],
  ['largest feed', `${feeds[0]!.file} ${(feeds[0]!.size / 1e3).toFixed(1)} KB`],
  ...searches.map(([label, search]): [string, string] => [
    `first search for ${label}: KB at first result / whole search`,
    search
      ? `${(search.visible / 1e3).toFixed(0)} / ${(search.total / 1e3).toFixed(0)} (of which Pagefind files ${(search.pagefind / 1e3).toFixed(0)}; ${search.requests} requests)`
      : 'not measured (no Chromium)',
  ]),
];

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`\n${machine}; ${runs} run(s), median (min–max)\n`);
console.log('| metric | value |\n|---|---|');
for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
await writeFile(path.join('.bench', `results-${papers}.json`), JSON.stringify({ machine, runs: results, rows }, null, 2) + '\n');
