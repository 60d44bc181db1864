// The links files: what the hub links to each paper, one validated JSON file per listing day
// (src/content/links/YYYY-MM-DD.json), written atomically and only when it changed.
import path from 'node:path';
import { LinksDay, type PaperLinks } from '../../../src/lib/schema.ts';
import { listDays, readJsonFile, writeAtomic } from '../store.ts';

export const DEFAULT_LINKS_DIR = 'src/content/links';

export function linksDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.LINKS_DIR || DEFAULT_LINKS_DIR);
}

const linksFile = (dir: string, date: string) => path.join(dir, `${date}.json`);

/** The exact bytes of a links file: papers by id, two-space indent, trailing newline. */
export function serializeLinksDay(day: LinksDay): string {
  const parsed = LinksDay.parse(day);
  const papers = Object.fromEntries(Object.entries(parsed.papers).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ date: parsed.date, papers }, null, 2) + '\n';
}

export async function readLinksDay(dir: string, date: string): Promise<LinksDay | undefined> {
  const file = linksFile(dir, date);
  const day = await readJsonFile(file, LinksDay);
  if (day && day.date !== date) throw new Error(`${file}: date is ${day.date}, expected ${date}`);
  return day;
}

/** Every paper's links, by arXiv id, with the day file it lives in. */
export async function readAllLinks(dir: string): Promise<Map<string, { date: string; links: PaperLinks }>> {
  const all = new Map<string, { date: string; links: PaperLinks }>();
  for (const date of await listDays(dir)) {
    const day = (await readLinksDay(dir, date))!;
    for (const [id, links] of Object.entries(day.papers)) all.set(id, { date, links });
  }
  return all;
}

/** Write a day's links unless the file already holds exactly these bytes. Returns whether it wrote. */
export async function writeLinksDay(dir: string, day: LinksDay, current?: LinksDay): Promise<boolean> {
  const bytes = serializeLinksDay(day);
  if (current && serializeLinksDay(current) === bytes) return false;
  await writeAtomic(linksFile(dir, day.date), bytes);
  return true;
}
