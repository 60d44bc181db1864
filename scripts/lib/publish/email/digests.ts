// What one email covers: a listed day, a finished week's top papers, or the day's trending list,
// chosen from the archive's files; then narrowed to the topics a reader asked for.
import { isIsoDate, isIsoWeek, ISO_WEEK, todayUtc } from '../../../../src/lib/dates.ts';
import { dayPath, trendingPath, weekPath } from '../../../../src/lib/paths.ts';
import { buildPeriods, frozenDigest } from '../../../../src/lib/periods.ts';
import type { Paper } from '../../../../src/lib/schema.ts';
import { compileTopics, topicsOf, type Topic } from '../../../../src/lib/topics.ts';
import { siteConfig } from '../../../../src/site.config.ts';
import { dayFiles } from '../../capture/days/store.ts';
import { listDates } from '../../capture/store.ts';
import { trendingFiles } from '../../capture/trending/store.ts';
import { UsageError } from '../../cli.ts';
import { loadArchive } from '../../load-archive.ts';
import { digestSubject, trendingSubject, weekSubject } from './render.ts';

/** What one message covers: its key in the record, its papers, and the page it links to. */
export interface Choice {
  key: string;
  papers: Paper[];
  subject: (count: number) => string;
  page: string;
  pageLabel: string;
  ranked?: boolean;
}

export type DigestRequest = { kind: 'day'; day?: string | undefined } | { kind: 'week'; week: string } | { kind: 'trending' };

/**
 * Which digest the command line and EMAIL_DIGEST ask for. The scheduled run says which by
 * EMAIL_DIGEST (daily or trending); by hand, --day, --week or --trending, one of them.
 */
export function digestRequest(
  values: { day?: string | undefined; week?: string | undefined; trending: boolean; 'if-configured': boolean },
  emailDigest: string | undefined,
): DigestRequest {
  const { day, week } = values;
  const kind = emailDigest?.trim() || 'daily';
  if (!['daily', 'trending'].includes(kind)) throw new UsageError(`EMAIL_DIGEST=${kind}: expected daily or trending`);
  if ([day !== undefined, week !== undefined, values.trending].filter(Boolean).length > 1) throw new UsageError('use one of --day, --week and --trending');
  if (day !== undefined && !isIsoDate(day)) throw new UsageError(`--day ${day}: not a real date in YYYY-MM-DD form`);
  if (week !== undefined && !ISO_WEEK.test(week)) throw new UsageError(`--week ${week}: not an ISO week in YYYY-Www form`);
  if (week !== undefined && !isIsoWeek(week)) throw new UsageError(`--week ${week}: ${week.slice(0, 4)} has no week ${week.slice(6)}`);
  if (values.trending || (values['if-configured'] && kind === 'trending' && day === undefined && week === undefined)) return { kind: 'trending' };
  return week !== undefined ? { kind: 'week', week } : { kind: 'day', day };
}

/** A finished week's top papers, as they stood when it ended. Nothing listed is a failure (exit 1), not a usage error. */
async function weekDigest(dir: string, week: string): Promise<Choice> {
  const archive = await loadArchive(dir);
  const period = buildPeriods(archive).weeks.find((w) => w.key === week);
  if (!period) throw new Error(`--week ${week}: nothing was listed that week in ${dir}`);
  const frozen = frozenDigest(period, archive.updatedAt, siteConfig.weeklyFeed.top);
  if (!frozen) throw new Error(`--week ${week}: the week is not over yet (the archive has no capture since it ended)`);
  return {
    key: week,
    papers: frozen.papers.map(({ paper, upvotes }) => ({ ...paper, upvotes })),
    subject: (count) => weekSubject(week, count),
    page: weekPath(week),
    pageLabel: "the week's page",
  };
}

/** The newest trending list, as the hub ranked it, with each paper's upvotes then. */
async function trendingDigest(dir: string, trending: string): Promise<Choice | undefined> {
  const date = (await listDates(trending)).at(-1);
  if (!date) return undefined;
  const day = (await trendingFiles.read(trending, date))!;
  const archive = await loadArchive(dir);
  const papers = day.papers.flatMap((entry) => {
    const record = archive.papers.get(entry.id);
    return record ? [{ ...record.paper, upvotes: entry.upvotes }] : [];
  });
  return {
    key: `trending/${date}`,
    papers,
    subject: (count) => trendingSubject(date, count),
    page: trendingPath(date),
    pageLabel: "the day's trending list",
    ranked: true,
  };
}

/** A day's papers: the day given, or the newest finished one (the hub adds papers all day). */
async function dayDigest(dir: string, given: string | undefined): Promise<Choice | undefined> {
  const date = given ?? (await listDates(dir)).filter((d) => d < todayUtc()).at(-1);
  if (!date) return undefined;
  const day = await dayFiles.read(dir, date);
  if (!day) throw new Error(`--day ${date}: nothing was listed that day in ${dir}`);
  return { key: date, papers: day.papers, subject: (count) => digestSubject(date, count), page: dayPath(date), pageLabel: "the day's page" };
}

/** The digest asked for, from the day files in `dir` (and the trending lists), or undefined when there is nothing yet. */
export function chooseDigest(request: DigestRequest, dir: string, trendingDir: string): Promise<Choice | undefined> {
  if (request.kind === 'trending') return trendingDigest(dir, trendingDir);
  if (request.kind === 'week') return weekDigest(dir, request.week);
  return dayDigest(dir, request.day);
}

/** Only the papers of `slugs` (EMAIL_TOPICS); all of them when none are named. */
export function papersOfTopics(papers: readonly Paper[], topics: readonly Topic[], slugs: readonly string[]): Paper[] {
  if (!slugs.length) return [...papers];
  const compiled = compileTopics(topics);
  return papers.filter((paper) => topicsOf(paper, compiled).some((slug) => slugs.includes(slug)));
}
