// npm run email -- [--day YYYY-MM-DD] [--dry-run FILE.eml] [--resend]: mail the digest of one
// listed day (default: the newest finished day not yet sent) to EMAIL_TO through SMTP_URL.
// Exit codes: 0 sent or nothing to send, 1 sending failed (nothing recorded), 2 bad usage.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError } from './lib/args.ts';
import { isIsoDate, todayUtc } from './lib/dates.ts';
import { emailConfig } from './lib/email/config.ts';
import { DEFAULT_RECORD, readRecord, recordSent, sentEntry } from './lib/email/record.ts';
import { digestSubject, renderDigest, weekSubject } from './lib/email/render.ts';
import { composeRaw, SendError, sendDigest } from './lib/email/send.ts';
import { daysDir, listDays, readDay } from './lib/store.ts';
import { buildArchive } from '../src/lib/archive.ts';
import { dayPath, weekPath } from '../src/lib/paths.ts';
import { buildPeriods, frozenDigest } from '../src/lib/periods.ts';
import type { Paper } from '../src/lib/schema.ts';
import { compileTopics, topicsOf } from '../src/lib/topics.ts';
import { siteConfig } from '../src/site.config.ts';
import { topics } from '../src/topics.config.ts';

/** A week's digest lists its most upvoted papers, as they stood when it ended. */
const WEEK_TOP = 10;

const USAGE = `Usage: npm run email -- [--day YYYY-MM-DD | --week YYYY-Www] [--dry-run FILE.eml] [--resend] [--if-configured]

Mail the digest of one listed day: its papers by upvotes, with links to the site.

  --day D           the day (default: the newest listed day before today, UTC,
                    that was not sent yet)
  --week W          a finished ISO week's ${WEEK_TOP} most upvoted papers instead
  --dry-run FILE    write the message to FILE (.eml) and send nothing
  --resend          send even if the day was sent before
  --if-configured   exit quietly when SMTP_URL is not set (the daily workflow)

Environment: SMTP_URL (smtp://user:pass@host:port or smtps://…), EMAIL_FROM,
EMAIL_TO (comma-separated), EMAIL_TOPICS (optional topic slugs), SITE_URL,
BASE_PATH, DAYS_DIR, EMAIL_RECORD (default ${DEFAULT_RECORD}).`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        day: { type: 'string' },
        week: { type: 'string' },
        'dry-run': { type: 'string' },
        resend: { type: 'boolean', default: false },
        'if-configured': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['if-configured'] && !process.env.SMTP_URL?.trim()) {
    console.log('email: SMTP_URL is not set: no email (see "Papers by email" in the README)');
    return 0;
  }
  if (values.day !== undefined && values.week !== undefined) throw new UsageError('use either --day or --week, not both');
  if (values.day !== undefined && !isIsoDate(values.day)) throw new UsageError(`--day ${values.day}: not a real date in YYYY-MM-DD form`);
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

  const compiled = compileTopics(topics);
  const inTopics = (paper: Paper) => !config.topics.length || topicsOf(paper, compiled).some((slug) => config.topics.includes(slug));
  const topicNames = topics.filter((t) => config.topics.includes(t.slug)).map((t) => t.name);

  // What to send: a week's top papers as they stood when it ended, or a day's papers.
  let digestKey: string;
  let papers: Paper[];
  let subject: (count: number) => string;
  let page: string;
  let pageLabel: string;
  if (values.week !== undefined) {
    if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(values.week)) throw new UsageError(`--week ${values.week}: not an ISO week in YYYY-Www form`);
    const days = await Promise.all((await listDays(dir)).map(async (date) => (await readDay(dir, date))!));
    const archive = buildArchive(days, topics);
    const period = buildPeriods(archive).weeks.find((w) => w.key === values.week);
    if (!period) throw new UsageError(`--week ${values.week}: no listing that week in ${dir}`);
    const frozen = frozenDigest(period, archive.updatedAt, WEEK_TOP);
    if (!frozen) throw new UsageError(`--week ${values.week}: the week is not over yet (the archive has no capture since it ended)`);
    digestKey = values.week;
    papers = frozen.papers.map(({ paper, upvotes }) => ({ ...paper, upvotes })).filter(inTopics);
    subject = (count) => weekSubject(values.week!, count);
    page = weekPath(values.week);
    pageLabel = "the week's page";
  } else {
    let date = values.day;
    if (date === undefined) {
      // A day is finished once the UTC day is over: the hub adds papers all day.
      date = (await listDays(dir)).filter((d) => d < todayUtc()).at(-1);
      if (!date) {
        console.log('email: no finished listed day yet: nothing to send');
        return 0;
      }
    }
    const day = await readDay(dir, date);
    if (!day) throw new UsageError(`--day ${date}: no listing for that day in ${dir}`);
    digestKey = date;
    papers = day.papers.filter(inTopics);
    subject = (count) => digestSubject(day.date, count);
    page = dayPath(date);
    pageLabel = "the day's page";
  }

  const sent = sentEntry(record, digestKey);
  if (sent && !values.resend && !dryRun) {
    console.log(`email: the digest of ${digestKey} was sent at ${sent.at}: nothing sent (--resend to send it again)`);
    return 0;
  }
  if (papers.length === 0) {
    console.log(`email: no papers of EMAIL_TOPICS (${config.topics.join(', ')}) in ${digestKey}: nothing sent`);
    return 0;
  }
  const digest = renderDigest({
    subject: subject(papers.length),
    page,
    pageLabel,
    papers,
    topicNames,
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
  await recordSent(recordFile, record, { digest: digestKey, at: new Date().toISOString(), papers: papers.length });
  console.log(`email: sent "${digest.subject}" to ${config.to.length} ${config.to.length === 1 ? 'address' : 'addresses'}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`email: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof SendError ? `email: sending failed: ${error.message}` : `email: ${(error as Error).message}`);
    process.exit(1);
  },
);
