// What the captures keep on disk: JSON files checked against a schema when read, written
// atomically and only when their bytes change. Days, links and trending lists are each a folder
// of dated files (YYYY-MM-DD.json) kept by one `DatedFiles`.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'astro/zod';
import { describeIssues } from '../../../src/lib/schema.ts';

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

export interface WriteHooks {
  /** Test seam: runs after the temporary file is complete and before it replaces the real one. */
  beforeRename?: (tempFile: string) => Promise<void> | void;
}

/** Write to a temporary file in the same folder, flush it, then rename: a crash leaves the old file whole. */
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

/** The dates of a folder's YYYY-MM-DD.json files, oldest first; none when the folder does not exist. */
export async function listDates(dir: string): Promise<string[]> {
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

/** A folder of dated files, one value of a schema each, named by the value's own date. */
export interface DatedFiles<T extends { date: string }> {
  file(dir: string, date: string): string;
  /** The exact bytes of a file. */
  serialize(value: T): string;
  /** One date's value: undefined when there is no file; an error naming the file when it is broken or holds another date. */
  read(dir: string, date: string): Promise<T | undefined>;
  /** Every value of the folder, oldest first. */
  readAll(dir: string): Promise<T[]>;
  /** Write a value unless `current` (what the file holds) has the same bytes. Returns whether it wrote. */
  write(dir: string, value: T, current?: T, hooks?: WriteHooks): Promise<boolean>;
}

export function datedFiles<T extends { date: string }>(schema: z.ZodType<T>, serialize: (value: T) => string): DatedFiles<T> {
  const file = (dir: string, date: string) => path.join(dir, `${date}.json`);
  const read = async (dir: string, date: string) => {
    const value = await readJsonFile(file(dir, date), schema);
    if (value && value.date !== date) throw new Error(`${file(dir, date)}: date is ${value.date}, expected ${date}`);
    return value;
  };
  return {
    file,
    serialize,
    read,
    readAll: async (dir) => Promise.all((await listDates(dir)).map(async (date) => (await read(dir, date))!)),
    async write(dir, value, current, hooks) {
      const bytes = serialize(value);
      if (current && serialize(current) === bytes) return false;
      await writeAtomic(file(dir, value.date), bytes, hooks);
      return true;
    },
  };
}
