// The benchmark's table: medians (min–max) of the runs, sizes by section, what each paper adds,
// the first searches and the deploys, as `| metric | value |` rows for docs/performance.md.
import { isPaperPage, SECTIONS, type SectionSize, type SiteFile } from '../../build/site-size.ts';
import type { DailyBench } from './daily.ts';
import type { DatasetBench } from './dataset.ts';
import type { DeployRun } from './deploy.ts';
import type { HugoBench } from './hugo.ts';
import type { Run } from './run.ts';
import type { PageBytes } from './probes.ts';

const MB = 1e6;

export const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const spread = (xs: readonly number[], digits: number) => (xs.length > 1 ? ` (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})` : '');
/** `12.3 (11.9–13.0)`: the median and the range. */
export const stat3 = (xs: readonly number[], digits = 1) => `${median(xs).toFixed(digits)}${spread(xs, digits)}`;
const gb = (bytes: readonly number[]) =>
  stat3(
    bytes.map((b) => b / 1e9),
    2,
  );
const kb = (bytes: number, count: number) => (count ? (bytes / 1e3 / count).toFixed(2) : '–');

type Row = [metric: string, value: string];

function timingRows(results: readonly Run[]): Row[] {
  if (results.length === 0) return [];
  const col = (pick: (r: Run) => number, digits = 1) => stat3(results.map(pick), digits);
  return [
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
}

export interface Built {
  files: SiteFile[];
  papers: number;
  sections: SectionSize[];
  /** Bytes of Astro's content store. */
  storeBytes: number;
  listedDays: number;
}

function sizeRows(built: Built, older: { papers: number; sections: SectionSize[] } | undefined): Row[] {
  const { files, papers, sections } = built;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const paperPages = files
    .filter((f) => isPaperPage(f.file))
    .map((f) => f.size)
    .sort((a, b) => a - b);
  const pct = (q: number) => paperPages[Math.min(paperPages.length - 1, Math.floor(paperPages.length * q))]!;
  const html = files.filter((f) => f.file.endsWith('.html')).sort((a, b) => b.size - a.size);
  const feeds = files.filter((f) => /(rss\.xml|atom\.xml|feed\.json)$/.test(f.file)).sort((a, b) => b.size - a.size);
  const sectionRows: Row[] = SECTIONS.map((section, i) => {
    const all = sections[i]!.bytes;
    const added = older ? `; each paper adds ${kb(all - older.sections[i]!.bytes, papers - older.papers)}` : '';
    return [`  ${section} MB (KB a paper${older ? '; KB each paper adds' : ''})`, `${(all / MB).toFixed(1)} (${kb(all, papers)}${added})`];
  });
  const olderTotal = older?.sections.reduce((n, s) => n + s.bytes, 0);
  return [
    ['dist MB (sum of files)', (total / MB).toFixed(1)],
    ['dist KB a paper', kb(total, papers)],
    ...(older ? ([[`KB each paper adds (${older.papers} → ${papers} papers)`, kb(total - olderTotal!, papers - older.papers)]] as Row[]) : []),
    ...sectionRows,
    ['dist files', String(files.length)],
    ['content store MB (data-store/)', (built.storeBytes / MB).toFixed(1)],
    ['paper page KB median / p95 / p99', `${(pct(0.5) / 1e3).toFixed(1)} / ${(pct(0.95) / 1e3).toFixed(1)} / ${(pct(0.99) / 1e3).toFixed(1)}`],
    ['largest page', `${html[0]!.file} ${(html[0]!.size / 1e3).toFixed(1)} KB`],
    ['largest feed', `${feeds[0]!.file} ${(feeds[0]!.size / 1e3).toFixed(1)} KB`],
  ];
}

function searchRows(searches: readonly [string, PageBytes | undefined][], following: BenchResults['following']): Row[] {
  const rows = searches.map(([label, search]): Row => [
    `first search for ${label}: KB at first result / whole search`,
    search
      ? `${(search.visible / 1e3).toFixed(0)} / ${(search.total / 1e3).toFixed(0)} (of which Pagefind files ${(search.pagefind / 1e3).toFixed(0)}; ${search.requests} requests)`
      : 'not measured (no Chromium)',
  ]);
  if (!following) return rows;
  const { follows, bytes } = following;
  return [
    ...rows,
    [
      `/following/, first visit (${follows}): KB received / as a gzipping host sends it`,
      bytes ? `${(bytes.total / 1e3).toFixed(0)} / ${(bytes.compressed / 1e3).toFixed(0)} (${bytes.requests} requests)` : 'not measured (no Chromium)',
    ],
  ];
}

function deployRows(deploys: readonly DeployRun[]): Row[] {
  return deploys.map((run): Row => [
    `deploy to a local S3 server, ${run.label}: files uploaded (bytes) / deleted / unchanged; requests; s; peak RSS`,
    `${run.uploaded} (${run.sent}) / ${run.deleted} / ${run.unchanged}; ${run.requests}; ${run.seconds.toFixed(1)} s; ${(run.peakRss / 1e6).toFixed(0)} MB`,
  ]);
}

export interface BenchResults {
  runs: Run[];
  built: Built;
  older?: { papers: number; sections: SectionSize[] } | undefined;
  searches: [string, PageBytes | undefined][];
  following?: { follows: string; bytes: PageBytes | undefined } | undefined;
  dataset?: DatasetBench | undefined;
  daily?: DailyBench | undefined;
  hugo?: HugoBench | undefined;
  deploys: DeployRun[];
}

function dailyRows(daily: DailyBench | undefined): Row[] {
  if (!daily) return [];
  const build = (run: DailyBench['daily']) => `${run.buildS.toFixed(1)} (astro ${run.astroS.toFixed(1)}, search index ${run.searchS.toFixed(1)})`;
  return [
    ['build filling empty caches s', build(daily.filled)],
    [
      `daily build after the newest day's refresh s (${daily.restored} pages copied, ${daily.reused} of ${daily.years} years' indexes reused)`,
      build(daily.daily),
    ],
    ['peak RSS daily build tree GB', (daily.daily.treePeak / 1e9).toFixed(2)],
  ];
}

function hugoRows(hugo: HugoBench | undefined, runs: readonly Run[]): Row[] {
  if (!hugo) return [];
  const rows: Row[] = [
    [`plain Hugo site of the same papers (Hugo ${hugo.version}, ${hugo.pages} pages) s`, stat3(hugo.seconds)],
    ['peak RSS Hugo GB', gb(hugo.peakRss)],
  ];
  if (runs.length === 0) return rows;
  const ratio = (pick: (r: Run) => number) => (median(runs.map(pick)) / median(hugo.seconds)).toFixed(1);
  return [...rows, ['complete npm run build / astro build alone, ÷ Hugo', `${ratio((r) => r.buildS)}× / ${ratio((r) => r.astroS)}×`]];
}

function datasetRows(dataset: DatasetBench | undefined): Row[] {
  if (!dataset) return [];
  return [
    ['npm run dataset s', stat3(dataset.seconds)],
    ['peak RSS npm run dataset GB', gb(dataset.peakRss)],
    ...dataset.manifest.files.map((file): Row => [`  ${file.file}: rows / MB`, `${file.rows} / ${(file.bytes / MB).toFixed(2)}`]),
    ['dataset MB (sum of files)', (dataset.manifest.files.reduce((sum, file) => sum + file.bytes, 0) / MB).toFixed(1)],
    ["DuckDB: /data/'s first query (papers per organization per month) s", stat3(dataset.querySeconds, 2)],
  ];
}

export function benchRows({ runs, built, older, searches, following, dataset, daily, hugo, deploys }: BenchResults): Row[] {
  return [
    ['papers (listed days)', `${built.papers} (${built.listedDays})`],
    ...timingRows(runs),
    ...hugoRows(hugo, runs),
    ...sizeRows(built, older),
    ...searchRows(searches, following),
    ...datasetRows(dataset),
    ...dailyRows(daily),
    ...deployRows(deploys),
  ];
}
