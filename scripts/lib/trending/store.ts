// The trending lists: one validated JSON file per UTC day (src/content/trending/YYYY-MM-DD.json),
// the day's last capture of the hub's list, written atomically and only when it changed.
import path from 'node:path';
import { TrendingDay } from '../../../src/lib/schema.ts';
import { listDays, readJsonFile, writeAtomic } from '../store.ts';

export const DEFAULT_TRENDING_DIR = 'src/content/trending';

export function trendingDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.TRENDING_DIR || DEFAULT_TRENDING_DIR);
}

const trendingFile = (dir: string, date: string) => path.join(dir, `${date}.json`);

/** The exact bytes of a trending file: two-space indent, one entry a line, trailing newline. */
export function serializeTrendingDay(day: TrendingDay): string {
  const parsed = TrendingDay.parse(day);
  const entries = parsed.papers.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return `{\n  "date": ${JSON.stringify(parsed.date)},\n  "capturedAt": ${JSON.stringify(parsed.capturedAt)},\n  "papers": [\n${entries}\n  ]\n}\n`;
}

export async function readTrendingDay(dir: string, date: string): Promise<TrendingDay | undefined> {
  const file = trendingFile(dir, date);
  const day = await readJsonFile(file, TrendingDay);
  if (day && day.date !== date) throw new Error(`${file}: date is ${day.date}, expected ${date}`);
  return day;
}

/** Every trending day before `date`, newest first. */
export async function trendingDaysBefore(dir: string, date: string): Promise<string[]> {
  return (await listDays(dir)).filter((d) => d < date).reverse();
}

/** Write a day's list unless the file already holds exactly these bytes. Returns whether it wrote. */
export async function writeTrendingDay(dir: string, day: TrendingDay, current?: TrendingDay): Promise<boolean> {
  const bytes = serializeTrendingDay(day);
  if (current && serializeTrendingDay(current) === bytes) return false;
  await writeAtomic(trendingFile(dir, day.date), bytes);
  return true;
}
