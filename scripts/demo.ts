// npm run demo: the offline first look. Generates the invented sample archive in the hub's API
// format and imports it with the snapshot command's code into .demo/days (never the real
// archive), each day captured twice as the scheduled run would (on the day, and again the next
// morning with more upvotes), so weeks and months close and paper pages have an upvote history.
// Then builds the site into .demo/dist and serves it.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatSummary, inputSources, runCapture, type RunSummary } from './lib/capture.ts';
import { loadArchive } from './lib/archive.ts';
import { parseOptions, positiveNumber, runCommand } from './lib/cli.ts';
import { HttpClient } from './lib/http.ts';
import { captureLinks, formatLinks } from './lib/links/capture.ts';
import { startSampleHub } from './lib/sample-hub.ts';
import { captureTrending } from './lib/trending/capture.ts';
import { generateSample, type SampleDay } from './lib/sample.ts';
import { addDays } from '../src/lib/dates.ts';

const USAGE = `Usage: npm run demo -- [--days N] [--dir PATH] [--no-serve]

Build and serve the site on an invented sample archive, offline.

  --days N      listed days to generate (default 45, from 2026-09-01)
  --dir PATH    where the sample, its day files and the site go (default .demo)
  --no-serve    stop after the build (the site is in PATH/dist)
  -h, --help    show this help`;

/** The first capture of a day sees about half the upvotes it ends with. */
const early = (day: SampleDay): unknown[] =>
  (day.items as { paper: { upvotes: number } }[]).map((item) => ({ ...item, paper: { ...item.paper, upvotes: Math.floor(item.paper.upvotes / 2) } }));

async function main(): Promise<number> {
  const values = parseOptions(process.argv.slice(2), {
    'no-serve': { type: 'boolean', default: false },
    days: { type: 'string', default: '45' },
    dir: { type: 'string', default: '.demo' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = positiveNumber('--days', values.days)!;
  const root = path.resolve(values.dir);
  const input = path.join(root, 'input');
  const days = path.join(root, 'days');
  const links = path.join(root, 'links');
  const trending = path.join(root, 'trending');
  const env = {
    ...process.env,
    DAYS_DIR: days,
    LINKS_DIR: links,
    TRENDING_DIR: trending,
    OUT_DIR: path.join(root, 'dist'),
    CACHE_DIR: path.join(root, 'cache'),
    SITE_NOTICE: process.env.SITE_NOTICE ?? 'Demo: an invented sample archive. Every paper here is made up.',
  };
  const step = (title: string, command: string, args: string[]) => {
    console.log(`\n▶ ${title}`);
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
  };

  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(input, 'early'), { recursive: true });
  const sample = generateSample({ days: count, papersPerDay: 18, start: '2026-09-01' });
  for (const day of sample) {
    await writeFile(path.join(input, 'early', `${day.date}.json`), JSON.stringify(early(day), null, 1));
    await writeFile(path.join(input, `${day.date}.json`), JSON.stringify(day.items, null, 1));
  }
  console.log(`▶ Generated ${sample.length} listed days, ${sample.reduce((n, d) => n + d.items.length, 0)} papers, in ${path.relative('.', input)}/`);

  console.log('\n▶ Import with the snapshot command, each day captured on the day and again the next morning');
  const runs: RunSummary[] = [];
  for (const day of sample) {
    for (const [file, at] of [
      [path.join(input, 'early', `${day.date}.json`), `${day.date}T09:17:00Z`],
      [path.join(input, `${day.date}.json`), `${addDays(day.date, 1)}T07:17:00Z`],
    ] as const) {
      runs.push(await runCapture(await inputSources({ input: file }), days, { now: () => new Date(at) }));
    }
  }
  const failed = runs.flatMap((run) => run.days).filter((day) => day.status === 'failed');
  if (failed.length) throw new Error(`import failed: ${failed.map((day) => `${day.date}: ${day.error}`).join('; ')}`);
  const first = runs.filter((_, i) => i % 2 === 0);
  console.log(
    formatSummary({
      days: first.flatMap((run) => run.days),
      written: first.reduce((n, run) => n + run.written, 0),
      added: first.reduce((n, run) => n + run.added, 0),
      failed: 0,
      remaining: [],
    }),
  );

  console.log('\n▶ Ask a stand-in hub on 127.0.0.1 what cites each paper, week by week, with the snapshot command’s links capture');
  await mkdir(trending, { recursive: true });
  const archive = await loadArchive(days, links);
  const hub = await startSampleHub(sample, sample[0]!.date);
  const client = new HttpClient({ paceMs: 0 });
  try {
    const last = addDays(sample.at(-1)!.date, 1);
    for (let today = addDays(sample[0]!.date, 1); ; today = today < last && addDays(today, 7) > last ? last : addDays(today, 7)) {
      hub.setToday(today);
      const found = await captureLinks({ archive, dir: links, client, endpoint: hub.endpoint, budget: Infinity, now: () => new Date(`${today}T08:17:00Z`) });
      if (today >= last) {
        console.log(formatLinks(found));
        break;
      }
    }
    console.log('\n▶ Record its trending list each evening of the last two weeks, with the snapshot command’s trending capture');
    for (const day of sample.slice(-10)) {
      hub.setToday(day.date);
      await captureTrending({
        daysDir: days,
        dir: trending,
        client,
        endpoint: hub.endpoint,
        now: () => new Date(`${day.date}T19:17:00Z`),
        log: (line) => console.log(line),
      });
    }
  } finally {
    await client.close();
    await hub.close();
  }

  step('Build the site', 'npm', ['run', 'build']);
  if (!values['no-serve']) step('Serve it (Ctrl-C to stop)', 'npm', ['run', 'preview']);
  return 0;
}

runCommand('demo', main);
