// The trending lists: one validated JSON file per UTC day (src/content/trending/YYYY-MM-DD.json),
// the day's last capture of the hub's list.
import path from 'node:path';
import { TrendingDay } from '../../../../src/lib/schema.ts';
import { datedFiles } from '../store.ts';

export const DEFAULT_TRENDING_DIR = 'src/content/trending';

export function trendingDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.TRENDING_DIR || DEFAULT_TRENDING_DIR);
}

/** The exact bytes of a trending file: two-space indent, one entry a line, trailing newline. */
export function serializeTrendingDay(day: TrendingDay): string {
  const parsed = TrendingDay.parse(day);
  const entries = parsed.papers.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return `{\n  "date": ${JSON.stringify(parsed.date)},\n  "capturedAt": ${JSON.stringify(parsed.capturedAt)},\n  "papers": [\n${entries}\n  ]\n}\n`;
}

export const trendingFiles = datedFiles(TrendingDay, serializeTrendingDay);
