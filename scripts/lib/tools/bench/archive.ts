// The benchmark's archive: recorded API responses as they are, or a sample generated once (like
// the recorded days, or of N papers) with the links and trending lists a daily run would keep.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays, FIRST_LISTED_DAY, isIsoDate } from '../../../../src/lib/dates.ts';
import { generateSample } from '../sample/generate.ts';
import { writeSampleLinks, writeSampleTrending } from '../sample/hub.ts';

/** A listed day of the benchmark's archive: its papers' titles (the search probe picks words from them). */
export interface ListedDay {
  date: string;
  titles: string[];
}

/** Recorded API responses in a folder (YYYY-MM-DD.json): each day's paper titles, oldest first. */
export async function recordedDays(dir: string): Promise<ListedDay[]> {
  const names = (await readdir(dir)).filter((file) => /^\d{4}-\d{2}-\d{2}\.json$/.test(file) && isIsoDate(file.slice(0, 10))).sort();
  if (!names.length) throw new Error(`${dir}: no YYYY-MM-DD.json files`);
  return Promise.all(
    names.map(async (file) => {
      const items = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as { paper: { title: string } }[];
      return { date: file.slice(0, 10), titles: items.map((item) => item.paper.title) };
    }),
  );
}

export type ArchiveSource = { input: string } | { like: string } | { papers: number; perDay: number; start: string };

/** The folders of a benchmark's work below its root. */
export function benchDirs(root: string, input?: string) {
  return {
    root,
    input: input ?? path.join(root, 'input'),
    days: path.join(root, 'days'),
    links: path.join(root, 'links'),
    trending: path.join(root, 'trending'),
    dist: path.join(root, 'dist'),
    cache: path.join(root, 'cache'),
  };
}

/** The benchmark's name: the folder under .bench/ and its results file. */
export function benchName(source: ArchiveSource): string {
  if ('input' in source) return `input-${path.basename(path.resolve(source.input))}`;
  if ('like' in source) return `like-${path.basename(path.resolve(source.like))}`;
  return `${source.papers}${source.start === FIRST_LISTED_DAY ? '' : `-from-${source.start}`}`;
}

/**
 * The archive's listed days, writing a generated one's API responses to `dirs.input` with the
 * links a capture a month after its last day would keep and a year of trending lists.
 */
export async function prepareArchive(source: ArchiveSource, dirs: ReturnType<typeof benchDirs>): Promise<ListedDay[]> {
  await mkdir(dirs.links, { recursive: true });
  await mkdir(dirs.trending, { recursive: true });
  if ('input' in source) return recordedDays(dirs.input);
  const sample =
    'like' in source
      ? generateSample({
          like: (await recordedDays(path.resolve(source.like))).map((day) => ({ date: day.date, papers: day.titles.length })),
          days: 0,
          papersPerDay: 1,
          start: FIRST_LISTED_DAY,
        })
      : generateSample({ days: 10 * Math.ceil(source.papers / source.perDay), papers: source.papers, papersPerDay: source.perDay, start: source.start });
  await mkdir(dirs.input, { recursive: true });
  for (const day of sample) await writeFile(path.join(dirs.input, `${day.date}.json`), JSON.stringify(day.items));
  await writeSampleLinks(sample, dirs.links, addDays(sample.at(-1)!.date, 30));
  await writeSampleTrending(sample, dirs.trending, 365);
  return sample.map((day) => ({ date: day.date, titles: day.items.map((item) => item.paper.title) }));
}
