// Every command answers --help from its own table (the one pattern of scripts/lib/cli.ts), and a
// mistake on its command line with one line of its own and exit code 2.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/build.ts';

const run = promisify(execFile);

async function command(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { env: cleanEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe.each([
  ['bench', 'npm run bench --', ['--papers', '-4'], 'bench: --papers -4: expected a whole number of 0 or more'],
  ['build', 'npm run build --', ['--nope'], "build: Unknown option '--nope'"],
  ['snapshot', 'npm run snapshot --', ['--refresh', '-1'], 'snapshot: --refresh -1: expected a whole number of 0 or more'],
  ['demo', 'npm run demo --', ['--days', '-3'], 'demo: --days -3: expected a whole number of 0 or more'],
  ['deploy', 'npm run deploy --', ['--concurrency', '0'], 'deploy: --concurrency 0: expected a whole number of 1 or more'],
  ['email', 'npm run email --', ['--week', '2026-34'], 'email: --week 2026-34: not an ISO week in YYYY-Www form'],
  ['commit-days', 'npm run commit-days --', ['--pushh'], "commit-days: Unknown option '--pushh'"],
  ['check-fresh', 'npm run check-fresh --', ['--stale'], "check-fresh: Unknown option '--stale'"],
  ['search-index', 'node scripts/search-index.ts', ['--year', '2025'], "search-index: Unknown option '--year'"],
  ['site-size', 'node scripts/site-size.ts', ['--max'], "site-size: Unknown option '--max'"],
  ['same-site', 'npm run same-site --', ['--against', 'main'], "same-site: Unknown option '--against'"],
  ['dataset', 'npm run dataset --', ['--format', 'csv'], "dataset: Unknown option '--format'"],
])('%s', (name, invocation, bad, message) => {
  const script = `scripts/${name}.ts`;
  it('answers --help with the usage written from its options', async () => {
    const result = await command(script, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: ${invocation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[options\\]\n`));
    expect(result.stdout).toContain('\nOptions:\n');
    expect(result.stdout).toMatch(/\n {2}-h, --help +show this help\n/);
  });
  it('answers bad input with one line of its own and exit code 2', async () => {
    const result = await command(script, ...bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message} (npm run ${name} -- --help lists the options)\n`);
  });
});
