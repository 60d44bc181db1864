// The day files: one validated, pretty-printed JSON file per listed day (src/content/days/), and
// the days the hub confirmed empty, so a backfill never asks for them again.
import path from 'node:path';
import { z } from 'astro/zod';
import { Day, IsoDate } from '../../../../src/lib/schema.ts';
import { datedFiles, readJsonFile, writeAtomic } from '../store.ts';

export const DEFAULT_DAYS_DIR = 'src/content/days';

export function daysDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DAYS_DIR || DEFAULT_DAYS_DIR);
}

/** The exact bytes of a day file: schema key order, two-space indent, trailing newline, one upvote observation a line. */
export function serializeDay(day: Day): string {
  return JSON.stringify(Day.parse(day), null, 2).replace(/\{\n\s+"at": ("[^"]+"),\n\s+"upvotes": (\d+)\n\s+\}/g, '{ "at": $1, "upvotes": $2 }') + '\n';
}

export const dayFiles = datedFiles(Day, serializeDay);

// --- Days the hub confirmed empty (weekends, holidays).

export const EMPTY_DAYS_FILE = 'empty-days.json';
const EmptyDays = z.object({ days: z.array(IsoDate) });

export async function readEmptyDays(dir: string): Promise<Set<string>> {
  return new Set((await readJsonFile(path.join(dir, EMPTY_DAYS_FILE), EmptyDays))?.days ?? []);
}

/** One date a line, sorted, so the file's history reads like a list in git. */
export async function writeEmptyDays(dir: string, days: Iterable<string>): Promise<void> {
  const sorted = [...new Set(days)].sort();
  await writeAtomic(path.join(dir, EMPTY_DAYS_FILE), `{\n  "days": [${sorted.map((d) => `\n    "${d}"`).join(',')}${sorted.length ? '\n  ' : ''}]\n}\n`);
}
