// Day files on disk: one validated, pretty-printed JSON file per listed day, written atomically.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Day, describeIssues } from '../../src/lib/schema.ts';

export const DEFAULT_DAYS_DIR = 'src/content/days';

export function daysDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DAYS_DIR || DEFAULT_DAYS_DIR);
}

export function dayFile(dir: string, date: string): string {
  return path.join(dir, `${date}.json`);
}

/** The exact bytes of a day file: schema key order, two-space indent, trailing newline. */
export function serializeDay(day: Day): string {
  return JSON.stringify(Day.parse(day), null, 2) + '\n';
}

export async function readDay(dir: string, date: string): Promise<Day | undefined> {
  const file = dayFile(dir, date);
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
  const parsed = Day.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error)}`);
  if (parsed.data.date !== date) throw new Error(`${file}: date is ${parsed.data.date}, expected ${date}`);
  return parsed.data;
}

export interface WriteHooks {
  /** Test seam: runs after the temporary file is complete and before it replaces the real one. */
  beforeRename?: (tempFile: string) => Promise<void> | void;
}

/** Write to a temporary file in the same folder, flush it, then rename: a crash leaves the old file whole. */
export async function writeDay(dir: string, day: Day, hooks: WriteHooks = {}): Promise<string> {
  const bytes = serializeDay(day);
  await mkdir(dir, { recursive: true });
  const file = dayFile(dir, day.date);
  const temp = path.join(dir, `.${day.date}.json.${process.pid}.tmp`);
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
