// Which digests were sent: a small file the workflow commits, so a rerun never sends one twice.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { describeIssues, IsoDate, IsoDateTime } from '../../../src/lib/schema.ts';

export const DEFAULT_RECORD = 'src/content/email-sent.json';

const Record = z.object({ sent: z.array(z.object({ day: IsoDate, at: IsoDateTime, papers: z.number().int().nonnegative() })) });
export type SentRecord = z.infer<typeof Record>;

export async function readRecord(file: string): Promise<SentRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sent: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not valid JSON`);
  }
  const parsed = Record.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export const wasSent = (record: SentRecord, day: string) => record.sent.some((entry) => entry.day === day);

/** Add a sent day, oldest first, written atomically. */
export async function recordSent(file: string, record: SentRecord, entry: SentRecord['sent'][number]): Promise<void> {
  const sent = [...record.sent.filter((e) => e.day !== entry.day), entry].sort((a, b) => (a.day < b.day ? -1 : 1));
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `{\n  "sent": [${sent.map((e) => `\n    ${JSON.stringify(e)}`).join(',')}${sent.length ? '\n  ' : ''}]\n}\n`);
  await rename(temp, file);
}
