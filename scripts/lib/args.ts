// The snapshot command's arguments: parsed with node:util, checked, and turned into a plan.
import { parseArgs } from 'node:util';
import { addDays, dateRange, isIsoDate, todayUtc } from './dates.ts';

export const USAGE = `Usage: npm run snapshot -- [options]

Capture Hugging Face Daily Papers listings into dated day files.

  --date YYYY-MM-DD   the day to capture (default: today, UTC)
  --from D --to D     a range of days, oldest first (a backfill; safe to rerun)
  --refresh N         also re-fetch the N days before (late papers, settled upvotes)
  --input PATH        import recorded API responses instead of the network: a file
                      (date from --date or from YYYY-MM-DD in its name) or a folder
                      of YYYY-MM-DD.json files
  --force             replace day files with the fetched listing (deliberate overwrite)
  --pace-ms N         pause between requests (default 1000; 0 in tests)
  --summary PATH      also write a JSON summary of the run (for the scheduled workflow)
  -h, --help          show this help

Environment: DAYS_DIR (default src/content/days), HF_ENDPOINT (default
https://huggingface.co), HF_TOKEN (sent as a bearer token when set).`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface SnapshotArgs {
  help: boolean;
  /** Dates to capture from the network, oldest first; empty with --input of a folder. */
  dates: string[];
  input?: string;
  /** With --input: the date given explicitly, if any. */
  inputDate?: string;
  /** With --input of a folder: an optional window of dates to import. */
  window?: { from: string; to: string };
  force: boolean;
  paceMs?: number;
  summary?: string;
}

function checkDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} ${value}: not a real date in YYYY-MM-DD form`);
  return value;
}

function checkCount(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} ${value}: expected a whole number of 0 or more`);
  return Number(value);
}

export function parseSnapshotArgs(argv: string[], now = new Date()): SnapshotArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        refresh: { type: 'string' },
        input: { type: 'string' },
        force: { type: 'boolean', default: false },
        'pace-ms': { type: 'string' },
        summary: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // An empty value is no value: the scheduled workflow passes its optional inputs through as they are.
  for (const key of Object.keys(values) as (keyof typeof values)[]) if (values[key] === '') delete values[key];
  const today = todayUtc(now);
  const date = checkDate('--date', values.date);
  const from = checkDate('--from', values.from);
  const to = checkDate('--to', values.to);
  const refresh = checkCount('--refresh', values.refresh) ?? 0;
  const paceMs = checkCount('--pace-ms', values['pace-ms']);
  const base = { help: values.help, force: values.force, ...(paceMs !== undefined ? { paceMs } : {}), ...(values.summary ? { summary: values.summary } : {}) };

  if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  if (date && from) throw new UsageError('use either --date or --from/--to, not both');
  for (const [flag, value] of [
    ['--date', date],
    ['--to', to],
  ] as const) {
    if (value && value > today && !values.input) throw new UsageError(`${flag} ${value} is in the future (today is ${today} UTC)`);
  }

  if (values.input) {
    if (refresh) throw new UsageError('--refresh fetches from the network; it does not combine with --input');
    return { ...base, dates: [], input: values.input, ...(date ? { inputDate: date } : {}), ...(from && to ? { window: { from, to } } : {}) };
  }
  const last = to ?? date ?? today;
  const first = from ?? last;
  return { ...base, dates: dateRange(addDays(first, -refresh), last) };
}
