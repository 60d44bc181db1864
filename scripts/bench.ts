// npm run bench -- [--papers N | --like DIR | --input DIR] [--runs N] [--marginal] [--no-search-probe]
// The scale benchmark: an archive (generated in the hub's API format, shaped like real listings;
// or real recorded responses), imported with `snapshot --input`, built with the complete `npm run
// build` (pages, feeds, search index) from a cold cache, with medians over the runs. --marginal
// also builds the older half of the days: the bytes each paper adds, by section.
import { readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { buildCounts, feedSeconds, periodOrgSeconds, relatedSeconds } from './lib/build-log.ts';
import { commandOptions, positiveNumber, UsageError, wholeNumber } from './lib/cli.ts';
import { measure, type Measured } from './lib/measure.ts';
import { generateSample } from './lib/sample.ts';
import { writeSampleLinks, writeSampleTrending } from './lib/sample-hub.ts';
import { benchDeploys, refreshNewestDay } from './lib/bench-deploy.ts';
import { bySection, isPaperPage, SECTIONS, siteFiles, type SectionSize, type SiteFile } from './lib/site-size.ts';
import { serveStatic } from './lib/static-server.ts';
import { addDays, FIRST_LISTED_DAY, isIsoDate } from '../src/lib/dates.ts';

const USAGE = `Usage: npm run bench -- [--papers N | --like DIR | --input DIR] [options]

Build an archive with the complete npm run build from a cold cache, and report times, memory
(every process, Pagefind's included, sampled from /proc) and sizes, as medians over the runs.

The archive (one of):
  --papers N          a generated one of N papers (default 2000), shaped like the real
                      listings: 40 papers every calendar day (56 a weekday) from Daily
                      Papers' first day, ${FIRST_LISTED_DAY}, with the hub's summaries,
                      keywords and organizations from the days they appeared upstream
  --per-day N         with --papers: papers per listed weekday (default 56)
  --start D           with --papers: the first day (default ${FIRST_LISTED_DAY}); a later
                      one, such as 2025-10-01, gives a sample in today's format throughout
  --like DIR          a generated one with the same listed days and paper counts as the
                      recorded API responses (YYYY-MM-DD.json) in DIR; nothing else is read
  --input DIR         the recorded API responses in DIR themselves

Options:
  --runs N            builds to measure (default 3); 0 re-measures the last build's output
                      (sizes, first search) without building
  --marginal          also build the older half of the days, and report the bytes each
                      paper adds: (all - half) / (papers of all - papers of half), by section
  --no-search-probe   skip the first-search byte counts in headless Chromium
  --deploy            last, deploy the site to a local S3 API server (s3rver): every file,
                      then after the newest day is refreshed and rebuilt, then unchanged
  -h, --help          show this help

Work files go to .bench/<name>/; results to .bench/results-<name>.json.`;

const options = commandOptions(
  'bench',
  USAGE,
  {
    papers: { type: 'string' },
    'per-day': { type: 'string', default: '56' },
    start: { type: 'string', default: FIRST_LISTED_DAY },
    like: { type: 'string' },
    input: { type: 'string' },
    runs: { type: 'string', default: '3' },
    marginal: { type: 'boolean', default: false },
    'no-search-probe': { type: 'boolean', default: false },
    deploy: { type: 'boolean', default: false },
  },
  (values) => {
    const sources = [values.papers, values.like, values.input].filter((v) => v !== undefined).length;
    if (sources > 1) throw new UsageError('use one of --papers, --like and --input');
    if (!isIsoDate(values.start)) throw new UsageError(`--start ${values.start}: not a real date in YYYY-MM-DD form`);
    return {
      start: values.start,
      papers: positiveNumber('--papers', values.papers ?? '2000')!,
      perDay: positiveNumber('--per-day', values['per-day'])!,
      like: values.like,
      input: values.input,
      runs: wholeNumber('--runs', values.runs)!,
      marginal: values.marginal,
      searchProbe: !values['no-search-probe'],
      deploy: values.deploy,
    };
  },
);

const MB = 1e6;
const name = options.input
  ? `input-${path.basename(path.resolve(options.input))}`
  : options.like
    ? `like-${path.basename(path.resolve(options.like))}`
    : `${options.papers}${options.start === FIRST_LISTED_DAY ? '' : `-from-${options.start}`}`;
const root = path.resolve('.bench', name);
const input = options.input ? path.resolve(options.input) : path.join(root, 'input');
const days = path.join(root, 'days');
const links = path.join(root, 'links');
const trending = path.join(root, 'trending');
const dist = path.join(root, 'dist');
const cache = path.join(root, 'cache');

/** Recorded API responses in a folder: their dates and paper counts, oldest first. */
async function recordedDays(dir: string): Promise<{ date: string; papers: number }[]> {
  const names = (await readdir(dir)).filter((file) => /^\d{4}-\d{2}-\d{2}\.json$/.test(file) && isIsoDate(file.slice(0, 10))).sort();
  if (!names.length) throw new Error(`${dir}: no YYYY-MM-DD.json files`);
  return Promise.all(
    names.map(async (file) => ({ date: file.slice(0, 10), papers: (JSON.parse(await readFile(path.join(dir, file), 'utf8')) as unknown[]).length })),
  );
}

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

const env = { ...process.env, SITE_URL: 'https://bench.example.org' };
/** Import the recorded or generated responses (those up to `to`, if given) into `into`, and build it into `out`. */
async function importAndBuild(into: string, out: string, cacheDir: string, to?: string): Promise<{ imported: Measured; built: Measured }> {
  for (const dir of [into, out, cacheDir]) await rm(dir, { recursive: true, force: true });
  const dirs = { ...env, DAYS_DIR: into, LINKS_DIR: links, TRENDING_DIR: trending, OUT_DIR: out, CACHE_DIR: cacheDir };
  const window = to ? ['--from', '1990-01-01', '--to', to] : [];
  const imported = await measure(process.execPath, ['scripts/snapshot.ts', '--input', input, ...window], dirs);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.output.slice(-2000)}`);
  return { imported, built: await measure('npm', ['run', 'build'], dirs) };
}

// --- The archive: recorded, or generated once (like the recorded days, or of N papers).
if (options.runs > 0 && !options.input) await rm(root, { recursive: true, force: true });
await mkdir(links, { recursive: true });
await mkdir(trending, { recursive: true });
let listed: { date: string; papers: number; titles: string[] }[];
if (options.input) {
  const recorded = await recordedDays(input);
  listed = await Promise.all(
    recorded.map(async ({ date, papers }) => ({
      date,
      papers,
      titles: (JSON.parse(await readFile(path.join(input, `${date}.json`), 'utf8')) as { paper: { title: string } }[]).map((item) => item.paper.title),
    })),
  );
  console.log(`Recorded: ${listed.length} listed days, ${listed.reduce((n, d) => n + d.papers, 0)} papers, in ${input}.`);
} else {
  const sample = options.like
    ? generateSample({ like: await recordedDays(path.resolve(options.like)), days: 0, papersPerDay: 1, start: FIRST_LISTED_DAY })
    : generateSample({ days: 10 * Math.ceil(options.papers / options.perDay), papers: options.papers, papersPerDay: options.perDay, start: options.start });
  await mkdir(input, { recursive: true });
  for (const day of sample) await writeFile(path.join(input, `${day.date}.json`), JSON.stringify(day.items));
  // What the hub links to each paper, as the links capture would have recorded it a month after the last day.
  await writeSampleLinks(sample, links, addDays(sample.at(-1)!.date, 30));
  // A year of the hub's trending lists, as the daily run keeps them from the day it starts.
  await writeSampleTrending(sample, trending, 365);
  listed = sample.map((day) => ({
    date: day.date,
    papers: day.items.length,
    titles: (day.items as { paper: { title: string } }[]).map((item) => item.paper.title),
  }));
  console.log(`Generated ${listed.length} listed days, ${listed.reduce((n, d) => n + d.papers, 0)} papers (${listed[0]!.date} to ${listed.at(-1)!.date}).`);
}

const results: Run[] = [];
for (let run = 1; run <= options.runs; run++) {
  const { imported, built } = await importAndBuild(days, dist, cache);
  const result = { importS: imported.seconds, importPeak: imported.peakTreeRss, ...parseBuild(built) };
  results.push(result);
  console.log(
    `run ${run}/${options.runs}: import ${result.importS.toFixed(1)} s, build ${result.buildS.toFixed(1)} s (astro ${result.astroS.toFixed(1)} s, search index ${result.searchS.toFixed(1)} s), ${result.pages} pages, peak ${(result.treePeak / 1e9).toFixed(2)} GB`,
  );
}

// --- Output, from the last run (it is deterministic).
const files = await siteFiles(dist);
const papers = files.filter((f) => isPaperPage(f.file)).length;
const total = files.reduce((sum, f) => sum + f.size, 0);
const sections = bySection(files);

/** The bytes each paper adds: the older half of the days built on its own, against the whole. */
async function marginal(): Promise<{ papers: number; sections: SectionSize[] }> {
  const half = listed[Math.floor(listed.length / 2) - 1]!.date;
  const { built } = await importAndBuild(path.join(root, 'days-half'), path.join(root, 'dist-half'), path.join(root, 'cache-half'), half);
  if (built.code !== 0) throw new Error(`build of the older half failed:\n${built.output.slice(-4000)}`);
  const halfFiles: SiteFile[] = await siteFiles(path.join(root, 'dist-half'));
  console.log(`Older half: the days up to ${half}.`);
  return { papers: halfFiles.filter((f) => isPaperPage(f.file)).length, sections: bySection(halfFiles) };
}
const older = options.marginal ? await marginal() : undefined;

const paperPages = files
  .filter((f) => isPaperPage(f.file))
  .map((f) => f.size)
  .sort((a, b) => a - b);
const html = files.filter((f) => f.file.endsWith('.html')).sort((a, b) => b.size - a.size);
const feeds = files.filter((f) => /(rss\.xml|atom\.xml|feed\.json)$/.test(f.file)).sort((a, b) => b.size - a.size);
const storeBytes = (await stat(path.join(cache, 'data-store.json')).catch(() => ({ size: 0 }))).size;

// A paper's distinctive name (the usual search: a paper half remembered) and a word in most titles or abstracts.
const titles = listed.flatMap((day) => day.titles).join('\n');
const uses = (word: string) => titles.split(word).length - 1;
const middleDay = listed[Math.floor(listed.length / 2)]!.titles;
const distinctive = middleDay.map((title) => title.split(/[:\s-]/)[0]!).sort((a, b) => uses(a) - uses(b))[0]!;
const STOP = new Set(['with', 'from', 'large', 'model', 'models', 'language', 'learning', 'towards', 'using', 'through', 'their', 'based']);
const common = options.input
  ? ([...new Set(titles.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? [])].filter((w) => !STOP.has(w)).sort((a, b) => uses(b) - uses(a))[0] ?? 'reasoning')
  : 'verifier';
const probes: [string, string, string][] = [
  [`a paper's name ("${distinctive}")`, distinctive, 'relevance'],
  [`a common word ("${common}")`, common, 'relevance'],
  [`a common word ("${common}"), by date`, common, 'date'],
  [`a common word ("${common}"), by upvotes`, common, 'upvotes'],
];
// One after another, each in a fresh browser: a cold cache every time.
const searches: [string, SearchBytes | undefined][] = [];
if (options.searchProbe) for (const [label, term, sort] of probes) searches.push([label, await firstSearchBytes(term, sort)]);
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
const kb = (bytes: number, count: number) => (count ? (bytes / 1e3 / count).toFixed(2) : '–');
const sectionRows: [string, string][] = SECTIONS.map((section, i) => {
  const all = sections[i]!.bytes;
  const added = older ? `; each paper adds ${kb(all - older.sections[i]!.bytes, papers - older.papers)}` : '';
  return [`  ${section} MB (KB a paper${older ? '; KB each paper adds' : ''})`, `${(all / MB).toFixed(1)} (${kb(all, papers)}${added})`];
});
const rows: [string, string][] = [
  ['papers (listed days)', `${papers} (${listed.length})`],
  ...timings,
  ['dist MB (sum of files)', (total / MB).toFixed(1)],
  ['dist KB a paper', kb(total, papers)],
  ...(older
    ? ([[`KB each paper adds (${older.papers} → ${papers} papers)`, kb(total - older.sections.reduce((n, s) => n + s.bytes, 0), papers - older.papers)]] as [
        string,
        string,
      ][])
    : []),
  ...sectionRows,
  ['dist files', String(files.length)],
  ['content store MB (data-store.json)', (storeBytes / MB).toFixed(1)],
  ['paper page KB median / p95 / p99', `${(pct(0.5) / 1e3).toFixed(1)} / ${(pct(0.95) / 1e3).toFixed(1)} / ${(pct(0.99) / 1e3).toFixed(1)}`],
  ['largest page', `${html[0]!.file} ${(html[0]!.size / 1e3).toFixed(1)} KB`],
  ['largest feed', `${feeds[0]!.file} ${(feeds[0]!.size / 1e3).toFixed(1)} KB`],
  ...searches.map(([label, search]): [string, string] => [
    `first search for ${label}: KB at first result / whole search`,
    search
      ? `${(search.visible / 1e3).toFixed(0)} / ${(search.total / 1e3).toFixed(0)} (of which Pagefind files ${(search.pagefind / 1e3).toFixed(0)}; ${search.requests} requests)`
      : 'not measured (no Chromium)',
  ]),
];

// Last, as it changes the archive: what deploying this site to object storage costs.
if (options.deploy) {
  const dirs = { ...env, DAYS_DIR: days, LINKS_DIR: links, TRENDING_DIR: trending, OUT_DIR: dist, CACHE_DIR: cache };
  const deploys = await benchDeploys({
    dist,
    work: root,
    refresh: () => refreshNewestDay(days, listed.at(-1)!.date),
    rebuild: () => measure('npm', ['run', 'build'], dirs),
  });
  for (const run of deploys)
    rows.push([
      `deploy to a local S3 server, ${run.label}: files uploaded (bytes) / deleted / unchanged; requests; s; peak RSS`,
      `${run.uploaded} (${run.sent}) / ${run.deleted} / ${run.unchanged}; ${run.requests}; ${run.seconds.toFixed(1)} s; ${(run.peakRss / 1e6).toFixed(0)} MB`,
    ]);
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`\n${machine}; ${options.runs} run(s), median (min–max)\n`);
console.log('| metric | value |\n|---|---|');
for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
await writeFile(path.join('.bench', `results-${name}.json`), JSON.stringify({ machine, runs: results, rows }, null, 2) + '\n');
