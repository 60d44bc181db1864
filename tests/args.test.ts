import { describe, expect, it } from 'vitest';
import { parseSnapshotArgs, UsageError } from '../scripts/lib/args.ts';

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
  it.each([
    [['--date', '2024-02-30'], '--date 2024-02-30: not a real date'],
    [['--date', '27/11/2026'], 'not a real date'],
    [['--from', '2024-05-03', '--to', '2024-05-01'], '--from 2024-05-03 is after --to 2024-05-01'],
    [['--from', '2024-05-03'], '--from and --to go together'],
    [['--date', '2026-12-01'], 'is in the future'],
    [['--refresh=-1'], 'expected a whole number'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--input', 'x', '--refresh', '3'], 'does not combine with --input'],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});
