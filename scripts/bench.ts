// npm run bench: the scale benchmark. An archive (generated in the hub's API format, shaped like
// real listings; or real recorded responses), imported with `snapshot --input`, built with the
// complete `npm run build` from a cold cache, with medians over the runs. Its parts are in
// scripts/lib/tools/bench/.
import { rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { FIRST_LISTED_DAY, isIsoDate } from '../src/lib/dates.ts';
import { bySection, isPaperPage, siteFiles } from './lib/build/site-size.ts';
import { defineCommand, positiveNumber, runCommand, UsageError, wholeNumber, type Values } from './lib/cli.ts';
import { benchDirs, benchName, prepareArchive, type ArchiveSource, type ListedDay } from './lib/tools/bench/archive.ts';
import { benchDaily } from './lib/tools/bench/daily.ts';
import { benchDataset } from './lib/tools/bench/dataset.ts';
import { benchDeploys, refreshNewestDay } from './lib/tools/bench/deploy.ts';
import { benchHugo } from './lib/tools/bench/hugo.ts';
import { measure } from './lib/tools/bench/measure.ts';
import { benchRows, type Built } from './lib/tools/bench/report.ts';
import { benchRun, buildEnv, importAndBuild, type Run } from './lib/tools/bench/run.ts';
import { firstPageBytes, followingBytes, searchProbes, type PageBytes } from './lib/tools/bench/probes.ts';

const BENCH = defineCommand({
  name: 'bench',
  summary: `Build an archive with the complete npm run build from a cold cache, and report times, memory
(every process, Pagefind's included, sampled from /proc) and sizes, as medians over the runs.
The archive is one of --papers (the default), --like and --input. Work files go to
.bench/<name>/; results to .bench/results-<name>.json.`,
  options: {
    papers: {
      type: 'string',
      value: 'N',
      help: `a generated archive of N papers (default 2000), shaped like the real\nlistings: 40 papers every calendar day (56 a weekday) from Daily\nPapers' first day, ${FIRST_LISTED_DAY}, with the hub's summaries,\nkeywords and organizations from the days they appeared upstream`,
    },
    'per-day': { type: 'string', value: 'N', help: 'with --papers: papers per listed weekday (default 56)' },
    start: {
      type: 'string',
      value: 'D',
      help: `with --papers: the first day (default ${FIRST_LISTED_DAY}); a later\none, such as 2025-10-01, gives a sample in today's format throughout`,
    },
    like: {
      type: 'string',
      value: 'DIR',
      help: 'a generated archive with the same listed days and paper counts as the\nrecorded API responses (YYYY-MM-DD.json) in DIR; nothing else is read',
    },
    input: { type: 'string', value: 'DIR', help: 'the recorded API responses in DIR themselves' },
    runs: {
      type: 'string',
      value: 'N',
      help: "builds to measure (default 3); 0 re-measures the last build's output\n(sizes, first search) without building",
    },
    marginal: {
      type: 'boolean',
      help: 'also build the older half of the days, and report the bytes each\npaper adds: (all - half) / (papers of all - papers of half), by section',
    },
    hugo: {
      type: 'boolean',
      help: 'also build a plain Hugo site of the same papers (as many runs), the\nyardstick for build time; needs Hugo (apt-get install hugo)',
    },
    dataset: { type: 'boolean', help: 'also time npm run dataset (as many runs) and a DuckDB query over its files' },
    daily: {
      type: 'boolean',
      help: "then a daily run's build: one that fills empty caches (Astro's CACHE_DIR and\nSEARCH_CACHE_DIR), the newest day refreshed, and the build again with them",
    },
    'no-search-probe': { type: 'boolean', help: 'skip the first-visit byte counts (search, /following/) in headless Chromium' },
    deploy: {
      type: 'boolean',
      help: 'last, deploy the site to a local S3 API server (s3rver): every file,\nthen after the newest day is refreshed and rebuilt, then unchanged',
    },
  },
});

function archiveSource(values: Values<typeof BENCH.options>): ArchiveSource {
  if ([values.papers, values.like, values.input].filter((v) => v !== undefined).length > 1) throw new UsageError('use one of --papers, --like and --input');
  const start = values.start ?? FIRST_LISTED_DAY;
  if (!isIsoDate(start)) throw new UsageError(`--start ${start}: not a real date in YYYY-MM-DD form`);
  if (values.input) return { input: values.input };
  if (values.like) return { like: values.like };
  return { papers: positiveNumber('--papers', values.papers ?? '2000')!, perDay: positiveNumber('--per-day', values['per-day'] ?? '56')!, start };
}

/** The site in `dist` as the table reports it. */
async function builtSite(dist: string, cache: string, listedDays: number): Promise<Built> {
  const files = await siteFiles(dist);
  // The content store is a folder of chunks (astro.config.mjs).
  const storeBytes = (await siteFiles(path.join(cache, 'data-store')).catch(() => [])).reduce((sum, f) => sum + f.size, 0);
  return { files, papers: files.filter((f) => isPaperPage(f.file)).length, sections: bySection(files), storeBytes, listedDays };
}

/** The bytes each paper adds: the older half of the days built on its own, against the whole. */
async function olderHalf(dirs: ReturnType<typeof benchDirs>, listed: readonly ListedDay[]) {
  const half = listed[Math.floor(listed.length / 2) - 1]!.date;
  const into = { days: path.join(dirs.root, 'days-half'), dist: path.join(dirs.root, 'dist-half'), cache: path.join(dirs.root, 'cache-half') };
  const { built } = await importAndBuild(dirs, into, half);
  if (built.code !== 0) throw new Error(`build of the older half failed:\n${built.output.slice(-4000)}`);
  console.log(`Older half: the days up to ${half}.`);
  const files = await siteFiles(into.dist);
  return { papers: files.filter((f) => isPaperPage(f.file)).length, sections: bySection(files) };
}

runCommand(BENCH, async (values) => {
  const source = archiveSource(values);
  const runs = wholeNumber('--runs', values.runs ?? '3')!;
  const name = benchName(source);
  const dirs = benchDirs(path.resolve('.bench', name), 'input' in source ? path.resolve(source.input) : undefined);
  if (runs > 0 && !('input' in source)) await rm(dirs.root, { recursive: true, force: true });
  const listed = await prepareArchive(source, dirs);
  const papers = listed.reduce((n, d) => n + d.titles.length, 0);
  console.log(
    `${'input' in source ? 'Recorded' : 'Generated'}: ${listed.length} listed days, ${papers} papers (${listed[0]!.date} to ${listed.at(-1)!.date}).`,
  );

  const results: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await benchRun(dirs);
    results.push(result);
    console.log(
      `run ${run}/${runs}: import ${result.importS.toFixed(1)} s, build ${result.buildS.toFixed(1)} s (astro ${result.astroS.toFixed(1)} s, search index ${result.searchS.toFixed(1)} s), ${result.pages} pages, peak ${(result.treePeak / 1e9).toFixed(2)} GB`,
    );
  }
  // The output of the last run: it is deterministic.
  const built = await builtSite(dirs.dist, dirs.cache, listed.length);
  const older = values.marginal ? await olderHalf(dirs, listed) : undefined;
  // One after another, each in a fresh browser: a cold cache every time.
  const searches: [string, PageBytes | undefined][] = [];
  let following: Awaited<ReturnType<typeof followingBytes>> | undefined;
  if (!values['no-search-probe']) {
    for (const [label, query] of await searchProbes(dirs.dist, listed)) searches.push([label, await firstPageBytes(dirs.dist, query)]);
    following = await followingBytes(dirs.dist);
  }
  const hugo = values.hugo ? await benchHugo(dirs, Math.max(runs, 1)) : undefined;
  const dataset = values.dataset ? await benchDataset(dirs, Math.max(runs, 1)) : undefined;
  // It changes the archive: after everything that measures it as built.
  const daily = values.daily ? await benchDaily(dirs, listed.at(-1)!.date) : undefined;
  // Last, as it changes the archive: what deploying this site to object storage costs.
  const deploys = values.deploy
    ? await benchDeploys({
        dist: dirs.dist,
        work: dirs.root,
        refresh: () => refreshNewestDay(dirs.days, listed.at(-1)!.date),
        rebuild: () => measure('npm', ['run', 'build'], buildEnv(dirs)),
      })
    : [];
  const rows = benchRows({ runs: results, built, older, searches, following, dataset, daily, hugo, deploys });
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`\n${machine}; ${runs} run(s), median (min–max)\n`);
  console.log('| metric | value |\n|---|---|');
  for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
  await writeFile(path.join('.bench', `results-${name}.json`), JSON.stringify({ machine, runs: results, rows }, null, 2) + '\n');
  return 0;
});
