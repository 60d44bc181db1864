// npm run email -- [--day YYYY-MM-DD | --week YYYY-Www] [--dry-run FILE.eml] [--resend]: mail the
// digest of one listed day (default: the newest finished day not yet sent) or one finished week
// to EMAIL_TO through SMTP_URL.
// Exit codes: 0 sent or nothing to send, 1 nothing listed or sending failed (nothing recorded), 2 bad usage.
import { writeFile } from 'node:fs/promises';
import { loadArchive } from './lib/archive.ts';
import { parseOptions, runCommand, UsageError } from './lib/cli.ts';
import { emailConfig } from './lib/email/config.ts';
import { DEFAULT_RECORD, readRecord, recordSent, sentEntry } from './lib/email/record.ts';
import { digestSubject, renderDigest, trendingSubject, weekSubject } from './lib/email/render.ts';
import { composeRaw, SendError, sendDigest } from './lib/email/send.ts';
import { daysDir, listDays, readDay } from './lib/store.ts';
import { readTrendingDay, trendingDir } from './lib/trending/store.ts';
import { isIsoDate, isIsoWeek, ISO_WEEK, todayUtc } from '../src/lib/dates.ts';
import { dayPath, trendingPath, weekPath } from '../src/lib/paths.ts';
import { buildPeriods, frozenDigest } from '../src/lib/periods.ts';
import type { Paper } from '../src/lib/schema.ts';
import { compileTopics, topicsOf } from '../src/lib/topics.ts';
import { siteConfig } from '../src/site.config.ts';
import { topics } from '../src/topics.config.ts';

/** A week's digest lists its most upvoted papers, as they stood when it ended. */
const WEEK_TOP = 10;

const USAGE = `Usage: npm run email -- [--day YYYY-MM-DD | --week YYYY-Www | --trending] [--dry-run FILE.eml] [--resend] [--if-configured]

Mail the digest of one listed day: its papers by upvotes, with links to the site.

  --day D           the day (default: the newest listed day before today, UTC,
                    that was not sent yet)
  --week W          a finished ISO week's ${WEEK_TOP} most upvoted papers instead
  --trending        the newest trending list (once a day), as the hub ranked it
  --dry-run FILE    write the message to FILE (.eml) and send nothing
  --resend          send even if the day was sent before
  --if-configured   exit quietly when SMTP_URL is not set (the daily workflow)
  -h, --help        show this help

Environment (the first four are needed; see "Papers by email" in the README):
  SMTP_URL      the mail server, smtp://user:pass@host:587 or smtps://…:465
  EMAIL_FROM    the sender, e.g. "Broadsheet <you@example.org>"
  EMAIL_TO      one address or several, separated by commas
  SITE_URL      the site's address, for the links, e.g. https://you.github.io
  BASE_PATH     the site's base path, e.g. /broadsheet/ (default /)
  EMAIL_TOPICS  only papers of these topic slugs, e.g. agents,robotics
  EMAIL_DIGEST  what the daily workflow sends: daily (the default) or trending
  DAYS_DIR      the day files (default src/content/days)
  EMAIL_RECORD  the record of digests sent (default ${DEFAULT_RECORD})
  TRENDING_DIR  the trending lists (default src/content/trending)

Exit codes: 0 sent (or nothing new to send), 1 nothing listed then or sending
failed, 2 bad arguments or configuration.`;

/** What one message covers: its key in the record, its papers, and the page it links to. */
interface Choice {
  key: string;
  papers: Paper[];
  subject: (count: number) => string;
  page: string;
  pageLabel: string;
  ranked?: boolean;
}

/** A finished week's top papers, as they stood when it ended. Nothing listed is a failure (exit 1), not a usage error. */
async function weekDigest(dir: string, week: string): Promise<Choice> {
  const archive = await loadArchive(dir);
  const period = buildPeriods(archive).weeks.find((w) => w.key === week);
  if (!period) throw new Error(`--week ${week}: nothing was listed that week in ${dir}`);
  const frozen = frozenDigest(period, archive.updatedAt, WEEK_TOP);
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
async function trendingDigest(dir: string): Promise<Choice | undefined> {
  const trending = trendingDir();
  const date = (await listDays(trending)).at(-1);
  if (!date) return undefined;
  const day = (await readTrendingDay(trending, date))!;
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
  const date = given ?? (await listDays(dir)).filter((d) => d < todayUtc()).at(-1);
  if (!date) return undefined;
  const day = await readDay(dir, date);
  if (!day) throw new Error(`--day ${date}: nothing was listed that day in ${dir}`);
  return { key: date, papers: day.papers, subject: (count) => digestSubject(date, count), page: dayPath(date), pageLabel: "the day's page" };
}

async function main(): Promise<number> {
  const values = parseOptions(process.argv.slice(2), {
    day: { type: 'string' },
    week: { type: 'string' },
    'dry-run': { type: 'string' },
    resend: { type: 'boolean', default: false },
    'if-configured': { type: 'boolean', default: false },
    trending: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // The command line first: a mistyped option is said before anything about the environment.
  const { day, week } = values;
  const digestKind = process.env.EMAIL_DIGEST?.trim() || 'daily';
  if (!['daily', 'trending'].includes(digestKind)) throw new UsageError(`EMAIL_DIGEST=${digestKind}: expected daily or trending`);
  // The scheduled run says which digest by EMAIL_DIGEST; by hand, --trending.
  const trending = values.trending || (values['if-configured'] && digestKind === 'trending' && day === undefined && week === undefined);
  if ([day !== undefined, week !== undefined, values.trending].filter(Boolean).length > 1) throw new UsageError('use one of --day, --week and --trending');
  if (day !== undefined && !isIsoDate(day)) throw new UsageError(`--day ${day}: not a real date in YYYY-MM-DD form`);
  if (week !== undefined && !ISO_WEEK.test(week)) throw new UsageError(`--week ${week}: not an ISO week in YYYY-Www form`);
  if (week !== undefined && !isIsoWeek(week)) throw new UsageError(`--week ${week}: ${week.slice(0, 4)} has no week ${week.slice(6)}`);
  if (values['if-configured'] && !process.env.SMTP_URL?.trim()) {
    console.log('email: SMTP_URL is not set: no email (see "Papers by email" in the README)');
    return 0;
  }
  const dryRun = values['dry-run'];
  // A dry run sends nothing, so it needs no server.
  const env = dryRun ? { ...process.env, SMTP_URL: process.env.SMTP_URL || 'smtp://dry-run.invalid' } : process.env;
  const config = emailConfig(
    env,
    topics.map((t) => t.slug),
  );
  const dir = daysDir();
  const recordFile = process.env.EMAIL_RECORD || DEFAULT_RECORD;
  const record = await readRecord(recordFile);

  const choice = trending ? await trendingDigest(dir) : week !== undefined ? await weekDigest(dir, week) : await dayDigest(dir, day);
  if (!choice) {
    console.log(trending ? 'email: no trending list captured yet: nothing to send' : 'email: no finished listed day yet: nothing to send');
    return 0;
  }
  const sent = sentEntry(record, choice.key);
  if (sent && !values.resend && !dryRun) {
    console.log(`email: the digest of ${choice.key} was sent at ${sent.at}: nothing sent (--resend to send it again)`);
    return 0;
  }
  const compiled = compileTopics(topics);
  const papers = config.topics.length ? choice.papers.filter((paper) => topicsOf(paper, compiled).some((slug) => config.topics.includes(slug))) : choice.papers;
  if (papers.length === 0) {
    console.log(`email: no papers of EMAIL_TOPICS (${config.topics.join(', ')}) in ${choice.key}: nothing sent`);
    return 0;
  }
  const digest = renderDigest({
    subject: choice.subject(papers.length),
    page: choice.page,
    pageLabel: choice.pageLabel,
    papers,
    ...(choice.ranked ? { ranked: true } : {}),
    topicNames: topics.filter((t) => config.topics.includes(t.slug)).map((t) => t.name),
    site: config.site,
    base: config.base,
    siteTitle: siteConfig.title,
  });
  const envelope = { from: config.from, to: config.to };
  if (dryRun) {
    await writeFile(dryRun, await composeRaw(digest, envelope));
    console.log(`email: wrote "${digest.subject}" to ${dryRun}; nothing sent`);
    return 0;
  }
  await sendDigest(config.smtpUrl, digest, envelope);
  await recordSent(recordFile, record, { digest: choice.key, at: new Date().toISOString(), papers: papers.length });
  console.log(`email: sent "${digest.subject}" to ${config.to.length} ${config.to.length === 1 ? 'address' : 'addresses'}`);
  return 0;
}

runCommand('email', main, (error) => (error instanceof SendError ? `sending failed: ${error.message}` : error.message));
