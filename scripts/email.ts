// npm run email: mail the digest of one listed day (default: the newest finished day not yet
// sent), a finished week or the day's trending list to EMAIL_TO through SMTP_URL. What a digest
// covers is chosen in scripts/lib/publish/email/digests.ts.
import { writeFile } from 'node:fs/promises';
import { siteConfig } from '../src/site.config.ts';
import { topics } from '../src/topics.config.ts';
import { plural } from '../src/lib/text.ts';
import { daysDir } from './lib/capture/days/store.ts';
import { trendingDir } from './lib/capture/trending/store.ts';
import { defineCommand, runCommand } from './lib/cli.ts';
import { emailConfig } from './lib/publish/email/config.ts';
import { chooseDigest, digestRequest, papersOfTopics } from './lib/publish/email/digests.ts';
import { DEFAULT_RECORD, readRecord, recordSent, sentEntry } from './lib/publish/email/record.ts';
import { renderDigest } from './lib/publish/email/render.ts';
import { composeRaw, SendError, sendDigest } from './lib/publish/email/send.ts';

const EMAIL = defineCommand({
  name: 'email',
  summary: 'Mail the digest of one listed day: its papers by upvotes, with links to the site.',
  options: {
    day: { type: 'string', value: 'D', help: 'the day (default: the newest listed day before today, UTC,\nthat was not sent yet)' },
    week: { type: 'string', value: 'W', help: `a finished ISO week's ${siteConfig.weeklyFeed.top} most upvoted papers instead` },
    trending: { type: 'boolean', help: 'the newest trending list (once a day), as the hub ranked it' },
    'dry-run': { type: 'string', value: 'FILE', help: 'write the message to FILE (.eml) and send nothing' },
    resend: { type: 'boolean', help: 'send even if the day was sent before' },
    'if-configured': { type: 'boolean', help: 'exit quietly when SMTP_URL is not set (the daily workflow)' },
  },
  more: `Environment (the first four are needed; see "Papers by email" in the README):
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
failed, 2 bad arguments or configuration.`,
  describe: (error) => (error instanceof SendError ? `sending failed: ${error.message}` : error.message),
});

runCommand(EMAIL, async (values) => {
  // The command line first: a mistyped option is said before anything about the environment.
  const request = digestRequest(values, process.env.EMAIL_DIGEST);
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
  const recordFile = process.env.EMAIL_RECORD || DEFAULT_RECORD;
  const record = await readRecord(recordFile);
  const choice = await chooseDigest(request, daysDir(), trendingDir());
  if (!choice) {
    console.log(request.kind === 'trending' ? 'email: no trending list captured yet: nothing to send' : 'email: no finished listed day yet: nothing to send');
    return 0;
  }
  const sent = sentEntry(record, choice.key);
  if (sent && !values.resend && !dryRun) {
    console.log(`email: the digest of ${choice.key} was sent at ${sent.at}: nothing sent (--resend to send it again)`);
    return 0;
  }
  const papers = papersOfTopics(choice.papers, topics, config.topics);
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
  console.log(`email: sent "${digest.subject}" to ${plural(config.to.length, 'address', 'addresses')}`);
  return 0;
});
