import { describe, expect, it } from 'vitest';
import { parseSnapshotArgs, SNAPSHOT } from '../../scripts/lib/capture/options.ts';
import { parseOptions, UsageError } from '../../scripts/lib/cli.ts';

const now = new Date('2026-11-27T12:00:00Z');
const parse = (...argv: string[]) => parseSnapshotArgs(argv, now);

describe('parseSnapshotArgs', () => {
  it('defaults to today in UTC', () => {
    expect(parse().dates).toEqual(['2026-11-27']);
  });
  it('adds the previous N days for --refresh, oldest first', () => {
    expect(parse('--date', '2026-03-02', '--refresh', '2').dates).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
  it('expands a backfill range oldest first', () => {
    expect(parse('--from', '2024-02-27', '--to', '2024-03-01').dates).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
  });
  it('takes --to as today when only --from is given', () => {
    expect(parse('--from', '2026-11-25').dates).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
  });
  it('makes the refresh window the last day and the N days before it, within any range', () => {
    expect(parse('--from', '2026-11-01', '--refresh', '2')).toMatchObject({ refresh: ['2026-11-25', '2026-11-26', '2026-11-27'], missing: false });
    expect(parse('--from', '2026-11-01', '--refresh', '2').dates).toHaveLength(27);
    expect(parse('--refresh', '1').refresh).toEqual(['2026-11-26', '2026-11-27']);
  });
  it('fills history from --backfill-from with --missing, unless a date or range is given by hand', () => {
    const scheduled = parse('--backfill-from', '2023-05-05', '--refresh', '14', '--budget', '1200');
    expect(scheduled).toMatchObject({ missing: true, budgetSeconds: 1200 });
    expect(scheduled.dates[0]).toBe('2023-05-05');
    expect(scheduled.dates.at(-1)).toBe('2026-11-27');
    expect(scheduled.refresh).toHaveLength(15);
    expect(parse('--backfill-from', '2023-05-05', '--from', '2024-01-01', '--to', '2024-01-31').dates[0]).toBe('2024-01-01');
    expect(parse('--backfill-from', '2023-05-05', '--date', '2026-11-20').dates).toEqual(['2026-11-20']);
  });
  it('starts a range that begins before Daily Papers at its first day, and says so', () => {
    const args = parse('--from', '2020-01-01', '--to', '2023-05-08');
    expect(args.dates).toEqual(['2023-05-05', '2023-05-06', '2023-05-07', '2023-05-08']);
    expect(args.notes).toEqual(['--from 2020-01-01: Daily Papers began on 2023-05-05, so the range starts there']);
    expect(parse('--date', '2023-05-06', '--refresh', '5').dates).toEqual(['2023-05-05', '2023-05-06']);
    expect(parse('--from', '2024-01-01', '--to', '2024-01-02').notes).toEqual([]);
  });
  it('captures days unless only links or trending were asked for', () => {
    expect(parse()).toMatchObject({ days: true, links: false, trending: false, linksBudget: 300 });
    expect(parse('--links')).toMatchObject({ days: false, links: true });
    expect(parse('--trending', '--links-budget', '20')).toMatchObject({ days: false, trending: true, linksBudget: 20 });
    expect(parse('--links', '--backfill-from', '2023-05-05', '--refresh', '14')).toMatchObject({ days: true, links: true, missing: true });
    expect(parseSnapshotArgs(['--links'], now, { LINKS_BUDGET: '50' }).linksBudget).toBe(50);
    expect(() => parse('--links-budget', '-1')).toThrow('--links-budget -1: expected a whole number of 0 or more');
  });
  it('answers --help whatever else is on the line', () => {
    expect(parseOptions(['--help', '--budget', '-5'], SNAPSHOT.options).help).toBe(true);
  });
  it.each([
    [['--date', '2024-02-30'], '--date 2024-02-30: not a real date in YYYY-MM-DD form'],
    [['--date', '27/11/2026'], '--date 27/11/2026: not a real date in YYYY-MM-DD form'],
    [['--from', '2024-05-03', '--to', '2024-05-01'], '--from 2024-05-03 is after --to 2024-05-01'],
    [['--to', '2024-05-03'], '--to needs --from'],
    [['--budget', '1.5'], '--budget 1.5: expected a whole number of 0 or more'],
    [['--missing', '--force'], '--force replaces days; it does not combine with --missing or --backfill-from'],
    [['--input', 'x', '--budget', '60'], '--missing, --backfill-from and --budget plan network captures; they do not combine with --input'],
    [['--backfill-from', '2023-02-30'], '--backfill-from 2023-02-30: not a real date in YYYY-MM-DD form'],
    [['--date', '2026-12-01'], '--date 2026-12-01 is in the future (today is 2026-11-27 UTC)'],
    [['--refresh=-1'], '--refresh -1: expected a whole number of 0 or more'],
    [['--budget', '-5'], '--budget -5: expected a whole number of 0 or more'],
    [['--refresh', '-1'], '--refresh -1: expected a whole number of 0 or more'],
    [['--pace-ms', '-100'], '--pace-ms -100: expected a whole number of 0 or more'],
    [['--date', '2020-01-01'], "--date 2020-01-01 is before Daily Papers' first day, 2023-05-05"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--input', 'x', '--refresh', '3'], '--refresh fetches from the network; it does not combine with --input'],
  ])('rejects %j with a usage error', (argv, message) => {
    // The whole message, so two checks' messages cannot be swapped unnoticed.
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });
});
