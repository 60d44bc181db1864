// Day files on disk: one validated, pretty-printed JSON file per listed day, written atomically.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { Day, describeIssues, IsoDate } from '../../src/lib/schema.ts';

export const DEFAULT_DAYS_DIR = 'src/content/days';

export function daysDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DAYS_DIR || DEFAULT_DAYS_DIR);
}

export function dayFile(dir: string, date: string): string {
  return path.join(dir, `${date}.json`);
}

/** The exact bytes of a day file: schema key order, two-space indent, trailing newline, one upvote observation a line. */
export function serializeDay(day: Day): string {
  return JSON.stringify(Day.parse(day), null, 2).replace(/\{\n\s+"at": ("[^"]+"),\n\s+"upvotes": (\d+)\n\s+\}/g, '{ "at": $1, "upvotes": $2 }') + '\n';
}

/**
 * A JSON file checked against a schema: undefined when it does not exist, and an error naming the
 * file and the field for anything else wrong with it.
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${file}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export async function readDay(dir: string, date: string): Promise<Day | undefined> {
  const file = dayFile(dir, date);
  const day = await readJsonFile(file, Day);
  if (day && day.date !== date) throw new Error(`${file}: date is ${day.date}, expected ${date}`);
  return day;
}

export interface WriteHooks {
  /** Test seam: runs after the temporary file is complete and before it replaces the real one. */
  beforeRename?: (tempFile: string) => Promise<void> | void;
}

/** Write to a temporary file in the same folder, flush it, then rename: a crash leaves the old file whole. */
export async function writeDay(dir: string, day: Day, hooks: WriteHooks = {}): Promise<string> {
  return writeAtomic(dayFile(dir, day.date), serializeDay(day), hooks);
}

export async function writeAtomic(file: string, bytes: string, hooks: WriteHooks = {}): Promise<string> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await hooks.beforeRename?.(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return file;
}

// --- Days the hub confirmed empty (weekends, holidays), so a backfill never asks for them again.

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

/** Listed days present in a folder, oldest first. */
export async function listDays(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name))
    .map((name) => name.slice(0, 10))
    .sort();
}

/** Every day file of a folder, oldest first, each validated: the one way the commands read the archive. */
export async function readDays(dir: string): Promise<Day[]> {
  return Promise.all((await listDays(dir)).map(async (date) => (await readDay(dir, date))!));
}
