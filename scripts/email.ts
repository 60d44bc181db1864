// npm run email -- [--day YYYY-MM-DD] [--dry-run FILE.eml] [--resend]: mail the digest of one
// listed day (default: the newest finished day not yet sent) to EMAIL_TO through SMTP_URL.
// Exit codes: 0 sent or nothing to send, 1 sending failed (nothing recorded), 2 bad usage.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError } from './lib/args.ts';
import { isIsoDate, todayUtc } from './lib/dates.ts';
import { emailConfig } from './lib/email/config.ts';
import { DEFAULT_RECORD, readRecord, recordSent, wasSent } from './lib/email/record.ts';
import { renderDigest } from './lib/email/render.ts';
import { composeRaw, SendError, sendDigest } from './lib/email/send.ts';
import { daysDir, listDays, readDay } from './lib/store.ts';
import { compileTopics, topicsOf } from '../src/lib/topics.ts';
import { siteConfig } from '../src/site.config.ts';
import { topics } from '../src/topics.config.ts';

const USAGE = `Usage: npm run email -- [--day YYYY-MM-DD] [--dry-run FILE.eml] [--resend] [--if-configured]

Mail the digest of one listed day: its papers by upvotes, with links to the site.

  --day D           the day (default: the newest listed day before today, UTC,
                    that was not sent yet)
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

  let date = values.day;
  if (date === undefined) {
    // A day is finished once the UTC day is over: the hub adds papers all day.
    const finished = (await listDays(dir)).filter((d) => d < todayUtc());
    date = finished.at(-1);
    if (!date) {
      console.log('email: no finished listed day yet: nothing to send');
      return 0;
    }
  }
  if (wasSent(record, date) && !values.resend && !dryRun) {
    const at = record.sent.find((e) => e.day === date)!.at;
    console.log(`email: the digest of ${date} was sent at ${at}: nothing sent (--resend to send it again)`);
    return 0;
  }
  const day = await readDay(dir, date);
  if (!day) throw new UsageError(`--day ${date}: no listing for that day in ${dir}`);

  const compiled = compileTopics(topics);
  const papers = config.topics.length ? day.papers.filter((paper) => topicsOf(paper, compiled).some((slug) => config.topics.includes(slug))) : day.papers;
  if (papers.length === 0) {
    console.log(`email: no papers of EMAIL_TOPICS (${config.topics.join(', ')}) on ${date}: nothing sent`);
    return 0;
  }
  const digest = renderDigest({
    day,
    papers,
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
  await recordSent(recordFile, record, { day: date, at: new Date().toISOString(), papers: papers.length });
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
