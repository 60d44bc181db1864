// npm run check-fresh as the workflow's verdict job runs it: a real process, exit code and summary.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

describe('npm run check-fresh', () => {
  const run = async (dates: string[], limit = '4') => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fresh-'));
    for (const date of dates) await writeFile(path.join(dir, `${date}.json`), '{}');
    const summaryFile = path.join(dir, 'summary.md');
    return exec(process.execPath, ['scripts/check-fresh.ts'], {
      env: { ...process.env, DAYS_DIR: dir, STALE_AFTER_DAYS: limit, GITHUB_STEP_SUMMARY: summaryFile },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
  };
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  it('passes when the newest listed day is recent', async () => {
    expect(await run([daysAgo(9), today])).toMatchObject({ code: 0 });
  });
  it('fails the job when it is older than STALE_AFTER_DAYS', async () => {
    const result = await run([daysAgo(6)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`The newest listed day, ${daysAgo(6)}, is 6 days old (limit 4)`);
  });
});
