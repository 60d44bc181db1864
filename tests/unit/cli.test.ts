// The one command-line pattern: a table of options parses the command line and writes --help.
import { describe, expect, it } from 'vitest';
import { defineCommand, parseOptions, positiveNumber, usage, usageLine, UsageError, wholeNumber } from '../../scripts/lib/cli.ts';

const options = {
  budget: { type: 'string', value: 'SECONDS', help: 'start nothing new after this long' },
  force: { type: 'boolean', help: 'replace what is there\nwithout asking' },
} as const;

describe('parseOptions', () => {
  it('hands a negative number to the checks instead of calling it ambiguous', () => {
    expect(parseOptions(['--budget', '-5'], options)).toMatchObject({ budget: '-5' });
    expect(() => wholeNumber('--budget', '-5')).toThrow(new UsageError('--budget -5: expected a whole number of 0 or more'));
    expect(() => positiveNumber('--days', '0')).toThrow(new UsageError('--days 0: expected a whole number of 1 or more'));
    expect(wholeNumber('--budget', '0')).toBe(0);
    expect(wholeNumber('--budget', undefined)).toBeUndefined();
  });
  it('treats an empty value as none, as the workflow passes its empty inputs, and a boolean not given as false', () => {
    expect(parseOptions(['--budget', ''], options)).toEqual({ force: false, help: false });
    expect(parseOptions(['--force', '-h'], options)).toEqual({ force: true, help: true });
  });
  it('names an unknown option in one sentence', () => {
    expect(() => parseOptions(['--nope'], options)).toThrow(new UsageError("Unknown option '--nope'"));
    // A flag does not swallow a following negative-looking value.
    expect(() => parseOptions(['--force', '-5'], options)).toThrow(UsageError);
  });
});

describe('usage', () => {
  const command = defineCommand({ name: 'thing', summary: 'Do the thing.', options, more: 'Exit codes: 0 done.' });
  it('writes --help from the table that parses the options, one aligned line an option', () => {
    expect(usage(command)).toBe(
      [
        'Usage: npm run thing -- [options]',
        '',
        'Do the thing.',
        '',
        'Options:',
        '  --budget SECONDS  start nothing new after this long',
        '  --force           replace what is there',
        '                    without asking',
        '  -h, --help        show this help',
        '',
        'Exit codes: 0 done.',
      ].join('\n'),
    );
  });
  it('says how a command that is a build step is started', () => {
    expect(usage(defineCommand({ name: 'step', run: 'node scripts/step.ts', summary: 'S.', options: {} }))).toMatch(
      /^Usage: node scripts\/step.ts \[options\]\n/,
    );
  });
  it('ends a usage error with where the options are listed', () => {
    expect(usageLine('thing', new UsageError('--budget -5: expected a whole number of 0 or more'))).toBe(
      'thing: --budget -5: expected a whole number of 0 or more (npm run thing -- --help lists the options)',
    );
  });
});
