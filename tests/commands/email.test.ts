// npm run email against a real SMTP server on 127.0.0.1 (smtp-server, from nodemailer's authors),
// each message read back with mailparser: content, both parts, links, topics, no double send,
// a failed send retried by the next run, hostile text, and configuration errors.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputSources, runCapture } from '../../scripts/lib/capture/days/capture.ts';
import { apiItem } from '../helpers/items.ts';

const run = promisify(execFile);
let server: SMTPServer;
let port: number;
let received: ParsedMail[];
let refuse: string | undefined;
let dir: string;
let record: string;

const HOSTILE = {
  title: '<script>alert(1)</script> Agents & "Quotes"',
  author: '<b onmouseover="alert(1)">Mallory</b>',
  org: '<img src=x onerror=alert(1)> Lab',
  abstract: 'An agent abstract <iframe src="javascript:alert(1)"></iframe> that goes on.',
};

/** Three listed days, the middle one with 17 papers (a robot paper, a hostile one, a formula). */
async function archive(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'email-'));
  const input = path.join(root, 'input');
  const days = path.join(root, 'days');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(input);
  const day = [
    apiItem({ id: '2608.00001', upvotes: 90, title: '$\\nabla^2$DFT: Quantum Chemistry Data', date: '2026-08-21', githubRepo: 'https://github.com/a/dft' }),
    apiItem({ id: '2608.00002', upvotes: 70, title: 'Robot Arms That Learn to Fold', date: '2026-08-21', keywords: ['robot manipulation'] }),
    apiItem({
      id: '2608.00003',
      upvotes: 50,
      title: HOSTILE.title,
      abstract: HOSTILE.abstract,
      authors: [HOSTILE.author],
      organization: { name: 'evil', fullname: HOSTILE.org },
      date: '2026-08-21',
      aiSummary: HOSTILE.abstract,
    }),
    ...Array.from({ length: 14 }, (_, i) => apiItem({ id: `2608.${String(100 + i).padStart(5, '0')}`, upvotes: 20 - i, date: '2026-08-21' })),
  ];
  await writeFile(path.join(input, '2026-08-20.json'), JSON.stringify([apiItem({ id: '2608.00900', upvotes: 3, date: '2026-08-20' })]));
  await writeFile(path.join(input, '2026-08-21.json'), JSON.stringify(day));
  await runCapture(await inputSources({ input }), days, { now: () => new Date('2026-08-22T01:00:00Z') });
  return days;
}

async function email(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    DAYS_DIR: dir,
    TRENDING_DIR: path.join(path.dirname(dir), 'trending'),
    LINKS_DIR: path.join(path.dirname(dir), 'links'),
    EMAIL_RECORD: record,
    EMAIL_DIGEST: '',
    SMTP_URL: `smtp://reader:secret@127.0.0.1:${port}`,
    EMAIL_FROM: 'Broadsheet <papers@example.org>',
    EMAIL_TO: 'ada@example.org, alan@example.org',
    SITE_URL: 'https://you.github.io',
    BASE_PATH: '/broadsheet/',
    EMAIL_TOPICS: '',
  };
  for (const arg of args.filter((a) => a.includes('=') && !a.startsWith('--'))) {
    const [key, ...value] = arg.split('=');
    (env as Record<string, string>)[key!] = value.join('=');
  }
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/email.ts', ...args.filter((a) => a.startsWith('--') || !a.includes('='))], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeEach(async () => {
  received = [];
  refuse = undefined;
  server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth: (auth, _session, callback) =>
      auth.username === 'reader' && auth.password === 'secret' && !refuse ? callback(null, { user: 'reader' }) : callback(new Error(refuse ?? 'Invalid login')),
    onData: (stream, _session, callback) => {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  dir = await archive();
  record = path.join(path.dirname(dir), 'email-sent.json');
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run email', () => {
  it('sends the newest finished day: subject, both parts, ranked papers, absolute links', async () => {
    const result = await email('--day', '2026-08-21');
    expect(result.stdout).toContain('email: sent "Daily Papers, 21 Aug 2026: 17 papers" to 2 addresses');
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.subject).toBe('Daily Papers, 21 Aug 2026: 17 papers');
    expect(mail.to).toMatchObject({ value: [{ address: 'ada@example.org' }, { address: 'alan@example.org' }] });
    expect(mail.from?.value[0]).toMatchObject({ name: 'Broadsheet', address: 'papers@example.org' });
    // The plain-text part: ranks, formulas as readable text, every link absolute.
    expect(mail.text).toMatch(/^Daily Papers, 21 Aug 2026: 17 papers\n\n1\. ∇2DFT: Quantum Chemistry Data\n {3}Ada Lovelace and Alan Turing · ▲ 90\n/);
    expect(mail.text).toContain(
      '   Read: https://you.github.io/broadsheet/papers/2608.00001/\n   arXiv: https://arxiv.org/abs/2608.00001\n   Code: https://github.com/a/dft',
    );
    expect(mail.text).toContain("And 2 more papers on the day's page.");
    expect(mail.text).toContain("The day's page: https://you.github.io/broadsheet/days/2026-08-21/");
    // The HTML part: the same papers in the same order, safe to render.
    const $ = cheerio.load(mail.html as string);
    const titles = $('a[href*="/papers/"]')
      .map((_, a) => $(a).text())
      .get()
      .filter((text) => text !== 'Read');
    expect(titles.slice(0, 3)).toEqual(['∇2DFT: Quantum Chemistry Data', 'Robot Arms That Learn to Fold', HOSTILE.title]);
    expect(titles).toHaveLength(15);
    $('a').each((_, a) => expect($(a).attr('href')).toMatch(/^https:\/\//));
    expect($('script, iframe, img, style, link, math')).toHaveLength(0);
    expect($('[onerror], [onmouseover], [onload]')).toHaveLength(0);
    expect($('body').text()).toContain(HOSTILE.org);
    expect($('body').text()).toContain(HOSTILE.abstract);
    expect(JSON.parse(await readFile(record, 'utf8')).sent).toEqual([expect.objectContaining({ digest: '2026-08-21', papers: 17 })]);
  });

  it('never sends a day twice: a rerun says so and exits 0, --resend sends again', async () => {
    await email('--day', '2026-08-21');
    const again = await email('--day', '2026-08-21');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/the digest of 2026-08-21 was sent at .*: nothing sent/);
    expect(received).toHaveLength(1);
    // With no --day, the newest finished day is the one just sent: nothing more to send.
    expect((await email()).stdout).toContain('was sent at');
    expect(received).toHaveLength(1);
    await email('--day', '2026-08-21', '--resend');
    expect(received).toHaveLength(2);
  });

  it('when sending fails, exits 1 naming the server and the problem, records nothing, and the next run sends it', async () => {
    refuse = 'Authentication refused for this account';
    const failed = await email('--day', '2026-08-21');
    expect(failed.code).toBe(1);
    const lines = failed.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^email: sending failed: smtp://127.0.0.1:${port}: 535 .*Authentication refused`));
    expect(failed.stderr).not.toContain('secret');
    await expect(readFile(record, 'utf8')).rejects.toThrow();
    refuse = undefined;
    const next = await email('--day', '2026-08-21');
    expect(next.code).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('fails fast on a server that is not there', async () => {
    const result = await email('--day', '2026-08-21', 'SMTP_URL=smtp://127.0.0.1:9');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^email: sending failed: smtp:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/);
  });

  it('sends only the papers of EMAIL_TOPICS', async () => {
    const result = await email('--day', '2026-08-21', 'EMAIL_TOPICS=robotics');
    expect(result.code).toBe(0);
    expect(received[0]!.subject).toBe('Daily Papers, 21 Aug 2026: 1 paper');
    expect(received[0]!.text).toContain('Robot Arms That Learn to Fold');
    expect(received[0]!.text).not.toContain('DFT');
    expect(received[0]!.text).toMatch(/^Daily Papers, 21 Aug 2026: 1 paper in Robotics and embodied agents/);
  });

  it('sends a finished week’s top papers once, with the counts it had when it ended', async () => {
    // The archive's newest capture (22 August) is from before week 34 (17 to 23 August) ended.
    const open = await email('--week', '2026-W34');
    expect(open.code).toBe(1);
    expect(open.stderr.trim()).toBe('email: --week 2026-W34: the week is not over yet (the archive has no capture since it ended)');
    // A capture after the week ended closes it.
    const { writeFile: write } = await import('node:fs/promises');
    const file = path.join(dir, '2026-08-21.json');
    const later = JSON.parse(await readFile(file, 'utf8'));
    later.papers[0].lastSeenAt = '2026-08-25T06:00:00.000Z';
    await write(file, JSON.stringify(later));
    const sent = await email('--week', '2026-W34');
    expect(sent.stdout).toContain('email: sent "Weekly Papers, 2026-W34: the top 10 papers" to 2 addresses');
    const mail = received[0]!;
    expect(mail.text).toMatch(/^Weekly Papers, 2026-W34: the top 10 papers\n\n1\. ∇2DFT/);
    expect(mail.text).toContain("The week's page: https://you.github.io/broadsheet/weeks/2026-W34/");
    expect((await email('--week', '2026-W34')).stdout).toContain('the digest of 2026-W34 was sent at');
    expect(received).toHaveLength(1);
    expect(JSON.parse(await readFile(record, 'utf8')).sent).toEqual([expect.objectContaining({ digest: '2026-W34', papers: 10 })]);
  });

  it('sends the day’s trending list once, as the hub ranked it, by hand or as the scheduled run’s EMAIL_DIGEST', async () => {
    const { trendingFiles } = await import('../../scripts/lib/capture/trending/store.ts');
    const entry = (rank: number, id: string, upvotes: number) => ({ rank, id, upvotes, listed: '2026-08-21', firstSeenAt: '2026-08-22T07:00:00.000Z' });
    await trendingFiles.write(path.join(path.dirname(dir), 'trending'), {
      date: '2026-08-22',
      capturedAt: '2026-08-22T19:17:00.000Z',
      papers: [entry(1, '2608.00003', 75), entry(2, '2608.00001', 120), entry(3, '2608.00100', 30)],
    });
    const sent = await email('--if-configured', 'EMAIL_DIGEST=trending');
    expect(sent.stdout).toContain('email: sent "Trending on Hugging Face, 22 Aug 2026: 3 papers" to 2 addresses');
    const mail = received[0]!;
    // The hub's order, not upvotes: the hostile paper first, as text.
    expect(mail.text).toMatch(/^Trending on Hugging Face, 22 Aug 2026: 3 papers\n\n1\. <script>alert\(1\)<\/script> Agents & "Quotes"\n {3}.* · ▲ 75\n/);
    expect(mail.text).toMatch(/\n2\. ∇2DFT: Quantum Chemistry Data\n {3}.* · ▲ 120\n/);
    expect(mail.text).toContain("The day's trending list: https://you.github.io/broadsheet/trending/2026-08-22/");
    const $ = cheerio.load(mail.html as string);
    expect($('script, iframe, img')).toHaveLength(0);
    // Once a day: a rerun (by hand, too) sends nothing.
    expect((await email('--trending')).stdout).toContain('the digest of trending/2026-08-22 was sent at');
    expect(received).toHaveLength(1);
    expect(JSON.parse(await readFile(record, 'utf8')).sent).toEqual([expect.objectContaining({ digest: 'trending/2026-08-22', papers: 3 })]);
    expect((await email('--if-configured', 'EMAIL_DIGEST=weekly')).stderr).toContain('email: EMAIL_DIGEST=weekly: expected daily or trending');
    expect((await email('--trending', '--day', '2026-08-21')).stderr).toContain('use one of --day, --week and --trending');
  });

  it('with --if-configured, does nothing quietly when SMTP_URL is not set', async () => {
    const result = await email('--if-configured', 'SMTP_URL=');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toContain('SMTP_URL is not set: no email');
    expect(received).toHaveLength(0);
  });

  it('writes the message with --dry-run and sends nothing', async () => {
    const file = path.join(path.dirname(dir), 'digest.eml');
    const result = await email('--day', '2026-08-21', '--dry-run', file, 'SMTP_URL=');
    expect(result.code).toBe(0);
    const mail = await simpleParser(await readFile(file));
    expect(mail.subject).toBe('Daily Papers, 21 Aug 2026: 17 papers');
    expect(mail.html).toBeTruthy();
    expect(mail.text).toContain('∇2DFT');
    expect(received).toHaveLength(0);
    await expect(readFile(record, 'utf8')).rejects.toThrow();
  });

  it.each([
    [['SMTP_URL='], 'SMTP_URL is not set'],
    [['SMTP_URL=http://mail.example.org'], 'SMTP_URL: expected smtp://user:pass@host:port'],
    [['SMTP_URL=not a url'], 'SMTP_URL is not a URL'],
    [['EMAIL_FROM=nobody'], 'EMAIL_FROM: "nobody" is not an email address'],
    [['EMAIL_TO=ada@example.org, bad'], 'EMAIL_TO: "bad" is not an email address'],
    [['EMAIL_TO='], 'EMAIL_TO is not set'],
    [['EMAIL_TOPICS=robotics,knitting'], 'EMAIL_TOPICS: no topic "knitting"'],
    [['SITE_URL='], 'SITE_URL is not set'],
    [['--day', '2026-02-30'], '--day 2026-02-30: not a real date'],
    [['--week', '2026-34'], '--week 2026-34: not an ISO week'],
    [['--week', '2025-W53'], '--week 2025-W53: 2025 has no week 53'],
    [['--week', '2026-W00'], '--week 2026-W00: 2026 has no week 00'],
    [['--budget', '-5'], "Unknown option '--budget'"],
  ])('answers bad configuration %j with exit 2 and one line naming it', async (args, message) => {
    const result = await email(...args, ...(args[0]!.startsWith('--') ? [] : ['--day', '2026-08-21']));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`email: ${message}`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(received).toHaveLength(0);
  });

  it('names every missing variable in one message, and checks its arguments before them', async () => {
    const missing = await email('--day', '2026-08-21', 'SMTP_URL=', 'EMAIL_FROM=', 'EMAIL_TO=', 'SITE_URL=');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('email: SMTP_URL, EMAIL_FROM, EMAIL_TO and SITE_URL are not set (see "Papers by email" in the README)');
    const both = await email('--day', '2026-08-21', 'EMAIL_FROM=', 'EMAIL_TO=ada@example.org, bad');
    expect(both.stderr).toContain('email: EMAIL_FROM is not set (see "Papers by email" in the README); EMAIL_TO: "bad" is not an email address');
    const week = await email('--week', 'nonsense', 'SMTP_URL=', 'EMAIL_FROM=');
    expect(week.code).toBe(2);
    expect(week.stderr).toContain('email: --week nonsense: not an ISO week');
    expect(week.stderr).not.toContain('EMAIL_FROM');
  });

  it.each([
    [['--day', '2026-08-19'], 'email: --day 2026-08-19: nothing was listed that day in'],
    [['--week', '2026-W30'], 'email: --week 2026-W30: nothing was listed that week in'],
  ])('says in one line, exiting 1, that nothing was listed for %j', async (args, message) => {
    const result = await email(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(received).toHaveLength(0);
  });

  it('answers --help with its usage, naming every variable it reads', async () => {
    const result = await email('--help', 'SMTP_URL=');
    expect(result.code).toBe(0);
    for (const name of ['SMTP_URL', 'EMAIL_FROM', 'EMAIL_TO', 'SITE_URL', 'BASE_PATH', 'EMAIL_TOPICS']) expect(result.stdout).toContain(name);
  });
});
