// The demo's steps: generate the invented sample in the hub's API format and import it with the
// snapshot command's code, each day captured twice as the scheduled run would (on the day, and
// again the next morning with more upvotes), so weeks and months close and paper pages have an
// upvote history; ask a stand-in hub for links and trending lists; build; serve.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays } from '../../../src/lib/dates.ts';
import { formatSummary, inputSources, runCapture, type RunSummary } from '../capture/days/capture.ts';
import { HttpClient } from '../capture/http.ts';
import { CapturePolicy } from '../capture/policy.ts';
import { captureLinks, formatLinks } from '../capture/links/capture.ts';
import { EMPTY_RUN, joined } from '../capture/run.ts';
import { captureTrending } from '../capture/trending/capture.ts';
import { loadArchive } from '../load-archive.ts';
import { generateSample, type SampleDay } from './sample/generate.ts';
import { startSampleHub } from './sample/hub.ts';

/** The folders of a demo below its root. */
function demoDirs(root: string) {
  return {
    input: path.join(root, 'input'),
    days: path.join(root, 'days'),
    links: path.join(root, 'links'),
    trending: path.join(root, 'trending'),
  };
}

/** The environment the build and preview run in: the demo's folders, and a banner saying it is invented. */
function demoEnv(root: string): NodeJS.ProcessEnv {
  const dirs = demoDirs(root);
  return {
    ...process.env,
    DAYS_DIR: dirs.days,
    LINKS_DIR: dirs.links,
    TRENDING_DIR: dirs.trending,
    OUT_DIR: path.join(root, 'dist'),
    CACHE_DIR: path.join(root, 'cache'),
    SITE_NOTICE: process.env.SITE_NOTICE ?? 'Demo: an invented sample archive. Every paper here is made up.',
  };
}

/** The first capture of a day sees about half the upvotes it ends with. */
const early = (day: SampleDay): SampleDay['items'] =>
  day.items.map((item) => ({ ...item, paper: { ...item.paper, upvotes: Math.floor(item.paper.upvotes / 2) } }));

/** Each day imported on the day and again the next morning; the line the first captures add up to. */
async function importDays(sample: readonly SampleDay[], input: string, days: string): Promise<void> {
  let first: RunSummary = EMPTY_RUN;
  for (const day of sample) {
    for (const [file, at] of [
      [path.join(input, 'early', `${day.date}.json`), `${day.date}T09:17:00Z`],
      [path.join(input, `${day.date}.json`), `${addDays(day.date, 1)}T07:17:00Z`],
    ] as const) {
      const run = await runCapture(await inputSources({ input: file }), days, { now: () => new Date(at) });
      const failed = run.days.filter((d) => d.status === 'failed');
      if (failed.length) throw new Error(`import failed: ${failed.map((d) => `${d.date}: ${d.error}`).join('; ')}`);
      if (at.startsWith(day.date)) first = joined(first, run);
    }
  }
  console.log(formatSummary(first));
}

/** Links asked week by week as the sample ages, then the trending list each evening of the last two weeks. */
async function askSampleHub(sample: readonly SampleDay[], dirs: ReturnType<typeof demoDirs>): Promise<void> {
  await mkdir(dirs.trending, { recursive: true });
  const archive = await loadArchive(dirs.days, dirs.links);
  const hub = await startSampleHub(sample, sample[0]!.date);
  const client = new HttpClient({ paceMs: 0 });
  // No budgets: the stand-in hub answers everything asked.
  const step = new CapturePolicy().step(client);
  const held = (id: string) => archive.papers.get(id)?.days;
  try {
    const last = addDays(sample.at(-1)!.date, 1);
    for (let today = addDays(sample[0]!.date, 1); ; today = today < last && addDays(today, 7) > last ? last : addDays(today, 7)) {
      hub.setToday(today);
      const found = await captureLinks({
        archive,
        dir: dirs.links,
        step,
        endpoint: hub.endpoint,
        now: () => new Date(`${today}T08:17:00Z`),
      });
      if (today >= last) {
        console.log(formatLinks(found));
        break;
      }
    }
    console.log('\n▶ Record its trending list each evening of the last two weeks, with the snapshot command’s trending capture');
    for (const day of sample.slice(-10)) {
      hub.setToday(day.date);
      const now = () => new Date(`${day.date}T19:17:00Z`);
      await captureTrending({ daysDir: dirs.days, dir: dirs.trending, step, endpoint: hub.endpoint, held, now, log: (line) => console.log(line) });
    }
  } finally {
    await client.close();
    await hub.close();
  }
}

/** Generate `count` listed days into `root` and capture them as the scheduled run would. */
export async function captureDemo(root: string, count: number): Promise<void> {
  const dirs = demoDirs(root);
  await rm(root, { recursive: true, force: true });
  await mkdir(path.join(dirs.input, 'early'), { recursive: true });
  const sample = generateSample({ days: count, papersPerDay: 18, start: '2026-09-01' });
  for (const day of sample) {
    await writeFile(path.join(dirs.input, 'early', `${day.date}.json`), JSON.stringify(early(day), null, 1));
    await writeFile(path.join(dirs.input, `${day.date}.json`), JSON.stringify(day.items, null, 1));
  }
  console.log(`▶ Generated ${sample.length} listed days, ${sample.reduce((n, d) => n + d.items.length, 0)} papers, in ${path.relative('.', dirs.input)}/`);
  console.log('\n▶ Import with the snapshot command, each day captured on the day and again the next morning');
  await importDays(sample, dirs.input, dirs.days);
  console.log('\n▶ Ask a stand-in hub on 127.0.0.1 what cites each paper, week by week, with the snapshot command’s links capture');
  await askSampleHub(sample, dirs);
}

function runStep(title: string, root: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync('npm', args, { stdio: 'inherit', env: demoEnv(root) });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

export const buildDemo = (root: string) => runStep('Build the site', root, ['run', 'build']);
export const serveDemo = (root: string) => runStep('Serve it (Ctrl-C to stop)', root, ['run', 'preview']);
