// Which digests were sent: a small file the workflow commits, so a rerun never sends one twice.
import { z } from 'astro/zod';
import { ISO_WEEK } from '../../../../src/lib/dates.ts';
import { IsoDate, IsoDateTime } from '../../../../src/lib/schema.ts';
import { readJsonFile, writeAtomic } from '../../capture/store.ts';

export const DEFAULT_RECORD = 'src/content/email-sent.json';

/** `digest` is the day (2026-08-21), the ISO week (2026-W34) or the day's trending list (trending/2026-08-21) a message covered. */
const Record = z.object({
  sent: z.array(
    z.object({
      digest: z.union([IsoDate, z.string().regex(ISO_WEEK), z.string().regex(/^trending\/\d{4}-\d{2}-\d{2}$/)]),
      at: IsoDateTime,
      papers: z.number().int().nonnegative(),
    }),
  ),
});
export type SentRecord = z.infer<typeof Record>;

export async function readRecord(file: string): Promise<SentRecord> {
  return (await readJsonFile(file, Record)) ?? { sent: [] };
}

export const sentEntry = (record: SentRecord, digest: string) => record.sent.find((entry) => entry.digest === digest);

/** Add a sent digest, written atomically, days and weeks in the order they were sent. */
export async function recordSent(file: string, record: SentRecord, entry: SentRecord['sent'][number]): Promise<void> {
  const sent = [...record.sent.filter((e) => e.digest !== entry.digest), entry];
  await writeAtomic(file, `{\n  "sent": [${sent.map((e) => `\n    ${JSON.stringify(e)}`).join(',')}${sent.length ? '\n  ' : ''}]\n}\n`);
}
