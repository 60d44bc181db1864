// What every command shares: options with negative numbers, --help, and one line per usage error.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseOptions, positiveNumber, UsageError, wholeNumber } from '../scripts/lib/cli.ts';
import { cleanEnv } from './helpers/build.ts';

const run = promisify(execFile);
const options = { budget: { type: 'string' }, force: { type: 'boolean', default: false } } as const;

async function command(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { env: cleanEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe('parseOptions', () => {
  it('hands a negative number to the checks instead of calling it ambiguous', () => {
    expect(parseOptions(['--budget', '-5'], options)).toMatchObject({ budget: '-5' });
    expect(() => wholeNumber('--budget', '-5')).toThrow(new UsageError('--budget -5: expected a whole number of 0 or more'));
    expect(() => positiveNumber('--days', '0')).toThrow('--days 0: expected a whole number of 1 or more');
    expect(wholeNumber('--budget', '0')).toBe(0);
  });
  it('treats an empty value as none, as the workflow passes its empty inputs', () => {
    expect(parseOptions(['--budget', ''], options)).toEqual({ force: false });
  });
  it('names an unknown option in one sentence', () => {
    expect(() => parseOptions(['--nope'], options)).toThrow(new UsageError("Unknown option '--nope'"));
    // A flag does not swallow a following negative-looking value.
    expect(() => parseOptions(['--force', '-5'], options)).toThrow(UsageError);
  });
});

describe.each([
  ['bench', 'scripts/bench.ts', ['--papers', '-4'], 'bench: --papers -4: expected a whole number of 0 or more'],
  ['build', 'scripts/build.ts', ['--nope'], "build: Unknown option '--nope'"],
  ['snapshot', 'scripts/snapshot.ts', ['--refresh', '-1'], 'snapshot: --refresh -1: expected a whole number of 0 or more'],
])('npm run %s', (name, script, bad, message) => {
  it('answers --help with its usage', async () => {
    const result = await command(script, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: npm run ${name}`);
  });
  it('answers bad input with one line of its own and exit code 2', async () => {
    const result = await command(script, ...bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message} (npm run ${name} -- --help lists the options)\n`);
  });
});
