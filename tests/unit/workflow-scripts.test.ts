// The logic the daily workflow calls: commit message, job summary, staleness, and the commit step
// run against a real temporary git repository with a remote.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DayOutcome, RunSummary } from '../../scripts/lib/capture/days/capture.ts';
import { commitDays } from '../../scripts/lib/publish/commit.ts';
import { freshness } from '../../scripts/lib/capture/freshness.ts';
import { commitMessage, jobSummary, stopLine } from '../../scripts/lib/capture/report.ts';

const exec = promisify(execFile);
const day = (date: string, status: DayOutcome['status'], papers = 0, added = 0, extra: Partial<DayOutcome> = {}): DayOutcome => ({
  date,
  status,
  papers,
  added,
  updated: 0,
  ...extra,
});
const summary = (days: DayOutcome[]): RunSummary => ({
  days,
  written: days.filter((d) => d.status === 'written').length,
  added: days.reduce((n, d) => n + d.added, 0),
  failed: days.filter((d) => d.status === 'failed').length,
  remaining: [],
});

describe('commitMessage', () => {
  it('says what the day holds and how many earlier days were refreshed', () => {
    const run = summary([day('2026-11-25', 'written', 20, 0), day('2026-11-26', 'written', 25, 1), day('2026-11-27', 'written', 31, 4)]);
    expect(commitMessage(run)).toBe('2026-11-27: 31 papers (+4), 2 days refreshed');
  });
  it('says one paper and one day in the singular', () => {
    expect(commitMessage(summary([day('2026-11-26', 'written', 7, 0), day('2026-11-27', 'written', 1, 1)]))).toBe('2026-11-27: 1 paper (+1), 1 day refreshed');
  });
  it('is undefined when nothing was written', () => {
    expect(commitMessage(summary([day('2026-11-27', 'unchanged', 31), day('2026-11-28', 'empty')]))).toBeUndefined();
  });
  it('names a weekend run that only refreshed earlier days', () => {
    expect(commitMessage(summary([day('2026-11-27', 'written', 33, 2), day('2026-11-28', 'empty')]))).toBe('2026-11-28: no new listing, 1 day refreshed');
  });
  it('summarises a backfill: its range, days and papers captured, and the days left', () => {
    const date = (i: number) => `2024-05-${String(i + 1).padStart(2, '0')}`;
    const filled = Array.from({ length: 12 }, (_, i) =>
      i % 7 < 5 ? day(date(i), 'written', 192, 192, { backfill: true }) : day(date(i), 'empty', 0, 0, { backfill: true }),
    );
    const run = { ...summary(filled), remaining: Array.from({ length: 1211 }, () => '2024-06-01') };
    expect(commitMessage(run)).toBe('backfill: 2024-05-01..2024-05-12, 10 days, 1,920 papers; 1,211 days left');
  });
  it('puts the daily line under a backfill, and says when the history is complete', () => {
    const run = summary([day('2023-05-05', 'written', 3, 3, { backfill: true }), day('2026-11-26', 'written', 25, 1), day('2026-11-27', 'written', 31, 4)]);
    expect(commitMessage(run)).toBe('backfill: 2023-05-05..2023-05-05, 1 day, 3 papers; history complete\n\n2026-11-27: 31 papers (+4), 1 day refreshed');
  });
  it('records a backfill that found only empty days, so the empty-days file is committed with a message', () => {
    const run = {
      ...summary([day('2023-05-06', 'empty', 0, 0, { backfill: true }), day('2023-05-07', 'empty', 0, 0, { backfill: true })]),
      remaining: ['2023-05-08'],
    };
    expect(commitMessage(run)).toBe('backfill: 2023-05-06..2023-05-07, 0 days, 0 papers; 1 day left');
  });
});

describe('jobSummary', () => {
  it('lists the days written and papers added, and puts a failure’s error line first', () => {
    const text = jobSummary(
      summary([
        day('2026-11-26', 'written', 25, 3),
        day('2026-11-27', 'failed', 0, 0, { error: 'https://hub/api/daily_papers?date=2026-11-27 HTTP 502 after 5 attempts' }),
      ]),
    );
    expect(text).toContain('### Snapshot: 1 day written, 3 papers added, 1 day failed');
    expect(text).toContain('> **Error** 2026-11-27: https://hub/api/daily_papers?date=2026-11-27 HTTP 502 after 5 attempts');
    expect(text).toContain('| 2026-11-26 | 25 | 3 |  | written |');
  });
  it('says how many days are left when the run stopped at its budget', () => {
    const run = {
      ...summary([day('2023-05-05', 'written', 3, 3, { backfill: true })]),
      remaining: ['2023-05-08', '2023-05-09'],
      stop: { reason: 'time' as const, detail: 'the run’s time budget is spent' },
    };
    expect(jobSummary(run)).toContain('**2 days left** (from 2023-05-08): the run stopped at its time budget; the next runs go on.');
    expect(stopLine(run)).toBe('stopped: budget reached, 2 days left');
    expect(jobSummary(summary([day('2023-05-05', 'written', 3, 3, { backfill: true })]))).toContain('**History complete**');
  });
  it('says the hub stopped the run, what it saw, and what is left of the days and the links', () => {
    const stop = {
      reason: 'failing' as const,
      detail: 'the hub answered 3 requests in a row with a server error (https://hub/api/papers/2603.00001 HTTP 503 after 5 attempts)',
    };
    const links = { due: 300, asked: 3, answered: 0, missing: 0, failed: 3, remaining: 297, released: [], errors: [], stopped: stop };
    const run = { ...summary([day('2026-11-27', 'written', 30, 2)]), remaining: ['2023-05-08'], links, stop };
    expect(jobSummary(run)).toContain(
      '> **Stopped**: the hub answered 3 requests in a row with a server error (https://hub/api/papers/2603.00001 HTTP 503 after 5 attempts). Everything captured is kept; 1 day left for the next run.',
    );
    expect(stopLine(run)).toBe(
      'stopped: the hub answered 3 requests in a row with a server error (https://hub/api/papers/2603.00001 HTTP 503 after 5 attempts); everything captured is kept, 1 day, 297 papers to ask the hub about left for the next run',
    );
    expect(jobSummary(run)).toContain('**Links**: 3 papers asked (0 answered, 0 answered 404, 3 failed) of 300 papers due; 297 papers left for the next runs.');
  });
});

describe('freshness', () => {
  it('counts weekends: Friday is 3 days old on Monday, within the default limit of 4', () => {
    expect(freshness(['2026-11-20', '2026-11-27'], '2026-11-30', 4)).toMatchObject({ stale: false, newest: '2026-11-27', age: 3 });
  });
  it('is stale past the limit, with a message naming the day', () => {
    const result = freshness(['2026-11-20'], '2026-11-27', 4);
    expect(result).toMatchObject({ stale: true, age: 7 });
    expect(result.message).toContain('2026-11-20, is 7 days old (limit 4)');
  });
  it('is fresh exactly at the limit and stale one day past it', () => {
    expect(freshness(['2026-11-26'], '2026-11-30', 4)).toMatchObject({ stale: false, age: 4 });
    expect(freshness(['2026-11-26'], '2026-11-30', 4).message).toBe('The newest listed day is 2026-11-26 (4 days old; limit 4).');
    expect(freshness(['2026-11-25'], '2026-11-30', 4)).toMatchObject({ stale: true, age: 5 });
    expect(freshness(['2026-11-29'], '2026-11-30', 4).message).toBe('The newest listed day is 2026-11-29 (1 day old; limit 4).');
    // The newest of unordered days counts.
    expect(freshness(['2026-11-29', '2026-01-01'], '2026-11-30', 4).newest).toBe('2026-11-29');
  });
  it('is stale when nothing was ever captured', () => {
    expect(freshness([], '2026-11-27', 4).stale).toBe(true);
  });
});

async function repoWithRemote(): Promise<{ work: string; remote: string; git: (cwd: string, ...args: string[]) => Promise<string> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'commit-'));
  const remote = path.join(root, 'remote.git');
  const work = path.join(root, 'work');
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
  const git = async (cwd: string, ...args: string[]) => (await exec('git', args, { cwd, env })).stdout.trim();
  await git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  await git(root, 'clone', '--quiet', remote, work);
  await mkdir(path.join(work, 'days'));
  await writeFile(path.join(work, 'days', '2026-11-26.json'), '{"date":"2026-11-26","papers":[]}\n');
  await writeFile(path.join(work, 'README.md'), 'hello\n');
  await git(work, 'add', '.');
  await git(work, 'commit', '--quiet', '-m', 'start');
  await git(work, 'push', '--quiet', 'origin', 'main');
  process.env.GIT_AUTHOR_NAME = env.GIT_AUTHOR_NAME;
  process.env.GIT_AUTHOR_EMAIL = env.GIT_AUTHOR_EMAIL;
  process.env.GIT_COMMITTER_NAME = env.GIT_COMMITTER_NAME;
  process.env.GIT_COMMITTER_EMAIL = env.GIT_COMMITTER_EMAIL;
  return { work, remote, git };
}

describe('the commit step', () => {
  it('makes no commit when no day file changed', async () => {
    const { work, git } = await repoWithRemote();
    await writeFile(path.join(work, 'README.md'), 'an unrelated edit\n');
    const result = await commitDays({ cwd: work, paths: ['days'], message: 'x', push: true });
    expect(result).toEqual({ committed: false });
    expect(await git(work, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('makes one commit of the day files only, with the message, and pushes it', async () => {
    const { work, remote, git } = await repoWithRemote();
    await writeFile(path.join(work, 'days', '2026-11-27.json'), '{"date":"2026-11-27","papers":[]}\n');
    await writeFile(path.join(work, 'README.md'), 'an unrelated edit\n');
    const result = await commitDays({ cwd: work, paths: ['days'], message: '2026-11-27: 31 papers (+4), 2 days refreshed', push: true });
    expect(result).toMatchObject({ committed: true, pushed: true });
    expect(await git(work, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(await git(remote, 'log', '-1', '--format=%s', 'main')).toBe('2026-11-27: 31 papers (+4), 2 days refreshed');
    expect(await git(work, 'show', '--name-only', '--format=', 'HEAD')).toBe('days/2026-11-27.json');
  });

  it('rebases onto a commit pushed meanwhile, then pushes', async () => {
    const { work, remote, git } = await repoWithRemote();
    const other = path.join(path.dirname(work), 'other');
    await git(path.dirname(work), 'clone', '--quiet', remote, other);
    await writeFile(path.join(other, 'README.md'), 'pushed by someone else\n');
    await git(other, 'commit', '--quiet', '-am', 'meanwhile');
    await git(other, 'push', '--quiet');
    await writeFile(path.join(work, 'days', '2026-11-27.json'), '{"date":"2026-11-27","papers":[]}\n');
    const result = await commitDays({ cwd: work, paths: ['days'], message: 'day', push: true, sleep: async () => {} });
    expect(result).toMatchObject({ committed: true, pushed: true });
    expect(await git(remote, 'log', '--format=%s', 'main')).toBe('day\nmeanwhile\nstart');
  });

  it('fails clearly after its retries when the push keeps being refused', async () => {
    const { work, git } = await repoWithRemote();
    await git(work, 'remote', 'set-url', 'origin', path.join(path.dirname(work), 'missing.git'));
    await writeFile(path.join(work, 'days', '2026-11-27.json'), '{}\n');
    await expect(commitDays({ cwd: work, paths: ['days'], message: 'day', push: true, attempts: 2, sleep: async () => {} })).rejects.toThrow(
      'push failed after 2 attempts',
    );
  });

  it('counts its push retries by attempts made, waiting longer each time', async () => {
    const { work, git } = await repoWithRemote();
    await git(work, 'remote', 'set-url', 'origin', path.join(path.dirname(work), 'missing.git'));
    await writeFile(path.join(work, 'days', '2026-11-27.json'), '{}\n');
    const waits: number[] = [];
    const log: string[] = [];
    const error = await commitDays({
      cwd: work,
      paths: ['days'],
      message: 'day',
      push: true,
      attempts: 3,
      sleep: async (ms) => void waits.push(ms),
      log: (l) => log.push(l),
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/^push failed after 3 attempts: /);
    expect(waits).toEqual([5000, 10000]);
    expect(log.filter((l) => l.startsWith('Push attempt'))).toEqual(['Push attempt 1 failed; retrying.', 'Push attempt 2 failed; retrying.']);
    // The commit itself was made and is kept for the next run to push.
    expect(await git(work, 'log', '-1', '--format=%s')).toBe('day');
  });
});

describe('the site size guard', () => {
  it('passes at the limit and fails just over it, with the default of 950 MB', async () => {
    const { maxSiteMb, sizeVerdict } = await import('../../scripts/lib/build/site-size.ts');
    expect(maxSiteMb({})).toBe(950);
    expect(maxSiteMb({ MAX_SITE_MB: '900' })).toBe(900);
    expect(() => maxSiteMb({ MAX_SITE_MB: 'lots' })).toThrow('MAX_SITE_MB=lots: expected a positive number');
    // A site published to object storage only has no such limit.
    expect(maxSiteMb({ MAX_SITE_MB: 'none' })).toBe(Infinity);
    expect(sizeVerdict({ bytes: 5e9, files: 3 }, Infinity)).toEqual({ ok: true, message: 'dist: 5000.0 MB in 3 files (no limit, MAX_SITE_MB=none)' });
    expect(sizeVerdict({ bytes: 950e6, files: 3 }, 950)).toEqual({ ok: true, message: 'dist: 950.0 MB in 3 files (limit 950 MB, MAX_SITE_MB)' });
    expect(sizeVerdict({ bytes: 950e6 + 1e5, files: 3 }, 950).ok).toBe(false);
  });
});
