// The snapshot command's arguments: parsed, checked, and turned into a plan.
import { addDays, dateRange, FIRST_LISTED_DAY, isIsoDate, todayUtc } from '../../../src/lib/dates.ts';
import { IsoDateTime } from '../../../src/lib/schema.ts';
import { defineCommand, parseOptions, UsageError, wholeNumber, type Values } from '../cli.ts';
import { DEFAULT_LINKS_BUDGET } from './links/schedule.ts';

/** The snapshot command: its options, and the help written from them. */
export const SNAPSHOT = defineCommand({
  name: 'snapshot',
  summary: 'Capture Hugging Face Daily Papers listings into dated day files.',
  options: {
    date: { type: 'string', value: 'YYYY-MM-DD', help: 'the day to capture (default: today, UTC)' },
    from: { type: 'string', value: 'D', help: 'a range of days, oldest first (a backfill; safe to rerun)' },
    to: { type: 'string', value: 'D', help: "the range's last day (default: today)" },
    refresh: {
      type: 'string',
      value: 'N',
      help: 'also re-fetch the N days before the last day (late papers,\nsettled upvotes): the refresh window',
    },
    missing: {
      type: 'boolean',
      help: 'skip days already captured and days already known to be\nempty (empty-days.json), except inside the refresh window;\nthe window comes first, then the rest oldest first',
    },
    'backfill-from': { type: 'string', value: 'D', help: 'without --date or --from: fill missing days from D on\n(implies --missing)' },
    budget: {
      type: 'string',
      value: 'SECONDS',
      help: 'start no new day after this long; the days not reached are\nreported as left, and the run still exits 0',
    },
    input: {
      type: 'string',
      value: 'PATH',
      help: 'import recorded API responses instead of the network: a file\n(date from --date or from YYYY-MM-DD in its name) or a folder\nof YYYY-MM-DD.json files',
    },
    'captured-at': {
      type: 'string',
      value: 'TIME',
      help: 'with --input: when the recording was made (ISO 8601, e.g.\n2024-06-12T17:06:00Z), for first/last seen and the upvote\nhistory; default: now',
    },
    links: {
      type: 'boolean',
      help: 'ask the hub what came of each paper that is due (the models,\ndatasets and Spaces citing it), 1, 3, 7, 14, 30, 60, 120, 240\nand 365 days after it was listed, then yearly; alone, only that',
    },
    'links-budget': { type: 'string', value: 'N', help: `at most N requests for links (default ${DEFAULT_LINKS_BUDGET}, or LINKS_BUDGET)` },
    trending: { type: 'boolean', help: "record the hub's trending list of today; alone, only that" },
    force: { type: 'boolean', help: 'replace day files with the fetched listing (deliberate overwrite)' },
    'pace-ms': { type: 'string', value: 'N', help: 'pause between requests (default 1000; 0 in tests)' },
    summary: { type: 'string', value: 'PATH', help: 'also write a JSON summary of the run (for the scheduled workflow)' },
  },
  more: `Without --links or --trending, or with any of the day options, days are captured:
today's by default. With them, the refresh window comes first, then trending and
links, then the days of history.

Environment: DAYS_DIR (default src/content/days), LINKS_DIR (src/content/links),
TRENDING_DIR (src/content/trending), LINKS_BUDGET, HF_ENDPOINT (default
https://huggingface.co), HF_TOKEN (sent as a bearer token when set).

Exit codes: 0 all fine, 1 a day or a request failed (or the hub could not be
reached), 2 bad arguments.`,
});

export interface SnapshotArgs {
  /** Dates to capture from the network, oldest first; empty with --input of a folder. */
  dates: string[];
  input?: string;
  /** With --input: the date given explicitly, if any. */
  inputDate?: string;
  /** With --input of a folder: an optional window of dates to import. */
  window?: { from: string; to: string };
  /** With --input: when the recording was made. */
  capturedAt?: Date;
  force: boolean;
  /** Skip held and known-empty days outside the refresh window. */
  missing: boolean;
  /** The refresh window, oldest first: the last day and the N before it. Always fetched. */
  refresh: string[];
  /** Seconds after which no new day starts. */
  budgetSeconds?: number;
  paceMs?: number;
  summary?: string;
  /** What the plan changed of what was asked, to be said (a --from before Daily Papers began). */
  notes: string[];
  /** Whether days are captured: unless only --links or --trending was asked for. */
  days: boolean;
  links: boolean;
  linksBudget: number;
  trending: boolean;
}

function checkDate(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} ${value}: not a real date in YYYY-MM-DD form`);
  return value;
}

/** An ISO 8601 time with a zone (Z or an offset), not in the future. */
function checkTime(flag: string, value: string | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  if (!IsoDateTime.safeParse(value).success) throw new UsageError(`${flag} ${value}: not an ISO 8601 time with a zone, e.g. 2024-06-12T17:06:00Z`);
  const time = new Date(value);
  if (time.getTime() > now.getTime()) throw new UsageError(`${flag} ${value} is in the future (now is ${now.toISOString()})`);
  return time;
}

/** The snapshot command's plan from its command line (as the tests give it). */
export function parseSnapshotArgs(argv: string[], now = new Date(), env: NodeJS.ProcessEnv = process.env): SnapshotArgs {
  return snapshotArgs(parseOptions(argv, SNAPSHOT.options), now, env);
}

/** The plan from parsed options: dates checked and expanded, the refresh window, what is captured. */
export function snapshotArgs(values: Values<typeof SNAPSHOT.options>, now = new Date(), env: NodeJS.ProcessEnv = process.env): SnapshotArgs {
  const linksBudget = wholeNumber('--links-budget', values['links-budget'] ?? env.LINKS_BUDGET?.trim()) ?? DEFAULT_LINKS_BUDGET;
  const extras = { links: values.links, linksBudget, trending: values.trending };
  const dayOptions = ['date', 'from', 'to', 'refresh', 'backfill-from', 'input', 'missing'] as const;
  const days = (!values.links && !values.trending) || dayOptions.some((option) => values[option] !== undefined && values[option] !== false);
  const today = todayUtc(now);
  const date = checkDate('--date', values.date);
  const backfillFrom = checkDate('--backfill-from', values['backfill-from']);
  // --backfill-from is the scheduled run's default range; a --date or --from given by hand wins.
  const from = checkDate('--from', values.from) ?? (date ? undefined : backfillFrom);
  const to = checkDate('--to', values.to) ?? (from ? today : undefined);
  const refresh = wholeNumber('--refresh', values.refresh) ?? 0;
  const paceMs = wholeNumber('--pace-ms', values['pace-ms']);
  const budgetSeconds = wholeNumber('--budget', values.budget);
  const missing = values.missing || backfillFrom !== undefined;
  const base = {
    force: values.force,
    missing,
    refresh: [] as string[],
    ...(budgetSeconds !== undefined ? { budgetSeconds } : {}),
    ...(paceMs !== undefined ? { paceMs } : {}),
    ...(values.summary ? { summary: values.summary } : {}),
    notes: [] as string[],
    days,
    ...extras,
  };

  if (values.to && !values.from) throw new UsageError('--to needs --from');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  if (date && values.from) throw new UsageError('use either --date or --from/--to, not both');
  if (missing && values.force) throw new UsageError('--force replaces days; it does not combine with --missing or --backfill-from');
  for (const [flag, value] of [
    ['--date', date],
    ['--to', to],
  ] as const) {
    if (value && value > today && !values.input) throw new UsageError(`${flag} ${value} is in the future (today is ${today} UTC)`);
  }

  const capturedAt = checkTime('--captured-at', values['captured-at'], now);
  if (capturedAt && !values.input) throw new UsageError('--captured-at dates an import; it needs --input');
  if (values.input) {
    if (refresh) throw new UsageError('--refresh fetches from the network; it does not combine with --input');
    if (missing || budgetSeconds !== undefined)
      throw new UsageError('--missing, --backfill-from and --budget plan network captures; they do not combine with --input');
    return {
      ...base,
      dates: [],
      input: values.input,
      ...(date ? { inputDate: date } : {}),
      ...(values.from && to ? { window: { from: from!, to } } : {}),
      ...(capturedAt ? { capturedAt } : {}),
    };
  }
  const range = networkRange({ from, to, date, refresh, today, fromFlag: values.from ? '--from' : '--backfill-from' });
  return { ...base, ...range, notes: range.notes };
}

/**
 * The days a network run asks for, oldest first, with its refresh window (the last day and the N
 * before it). Nothing was listed before Daily Papers' first day: neither asks for it, and a range
 * that starts earlier says so.
 */
function networkRange(r: { from?: string | undefined; to?: string | undefined; date?: string | undefined; refresh: number; today: string; fromFlag: string }) {
  const last = r.to ?? r.date ?? r.today;
  if (last < FIRST_LISTED_DAY) throw new UsageError(`${r.date ? '--date' : '--to'} ${last} is before Daily Papers' first day, ${FIRST_LISTED_DAY}`);
  const window = dateRange(addDays(last, -r.refresh), last).filter((day) => day >= FIRST_LISTED_DAY);
  let first = r.from !== undefined && r.from < window[0]! ? r.from : window[0]!;
  const notes: string[] = [];
  if (r.from !== undefined && r.from < FIRST_LISTED_DAY) {
    notes.push(`${r.fromFlag} ${r.from}: Daily Papers began on ${FIRST_LISTED_DAY}, so the range starts there`);
    first = FIRST_LISTED_DAY;
  }
  return { dates: dateRange(first, last), refresh: window, notes };
}
