// Upvotes over time: which captures a day file keeps, and imports dated with --captured-at.
import { describe, expect, it } from 'vitest';
import { parseSnapshotArgs } from '../../scripts/lib/capture/options.ts';
import { UsageError } from '../../scripts/lib/cli.ts';
import { mergeDay } from '../../scripts/lib/capture/days/merge.ts';
import { normalizeItem } from '../../scripts/lib/capture/days/normalize.ts';
import { parseApiBody } from '../../scripts/lib/capture/days/hub.ts';
import { serializeDay } from '../../scripts/lib/capture/days/store.ts';
import { bound, HISTORY_LIMIT, observe, type Observation } from '../../src/lib/history.ts';
import { Day } from '../../src/lib/schema.ts';
import { apiItem } from '../helpers/items.ts';

const LISTED = '2026-03-06T00:44:05.364Z';
const hours = (h: number) => new Date(Date.parse(LISTED) + h * 3_600_000).toISOString();
const o = (h: number, upvotes: number): Observation => ({ at: hours(h), upvotes });

describe('observe', () => {
  it('records every change in the first 48 hours, and nothing when the count is the same', () => {
    let history: readonly Observation[] = [o(0, 1)];
    for (const [h, n] of [
      [6, 4],
      [12, 4],
      [18, 9],
      [30, 15],
      [47, 20],
    ] as const)
      history = observe(history, hours(h), n, LISTED);
    expect(history).toEqual([o(0, 1), o(6, 4), o(18, 9), o(30, 15), o(47, 20)]);
    const same = observe(history, hours(47.5), 20, LISTED);
    expect(same).toBe(history);
  });

  it('keeps at most one a UTC day after that, the day’s last', () => {
    let history: readonly Observation[] = [o(0, 1)];
    // Four captures a day for two weeks, each seeing one more upvote.
    for (let h = 6; h <= 14 * 24; h += 6) history = observe(history, hours(h), 1 + h / 6, LISTED);
    const late = history.filter((x) => Date.parse(x.at) >= Date.parse(hours(48)));
    const days = late.map((x) => x.at.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    expect(history.at(-1)).toEqual(o(14 * 24, 57));
    expect(history.filter((x) => Date.parse(x.at) < Date.parse(hours(48)))).toHaveLength(8);
  });

  it('never holds more than 40, and always the newest', () => {
    let history: readonly Observation[] = [];
    for (let h = 0; h < 47; h += 0.5) history = observe(history, hours(h), 1 + h * 2, LISTED);
    expect(history.length).toBe(HISTORY_LIMIT);
    expect(history.at(-1)).toEqual(o(46.5, 94));
    expect(history[0]).toEqual(o(0, 1));
    expect(
      bound(
        [...Array(50)].map((_, i) => o(i / 2, i)),
        LISTED,
      ),
    ).toHaveLength(40);
  });

  it('puts an older recording in its place, and ignores a count lower than one seen before it', () => {
    const history = [o(10, 5), o(20, 9)];
    expect(observe(history, hours(2), 3, LISTED)).toEqual([o(2, 3), o(10, 5), o(20, 9)]);
    expect(observe(history, hours(15), 7, LISTED)).toEqual([o(10, 5), o(15, 7), o(20, 9)]);
    // Lower than a count already seen earlier: an old or broken reading.
    expect(observe(history, hours(30), 8, LISTED)).toBe(history);
    // Higher than one seen later: cannot be, counts only go up.
    expect(observe(history, hours(15), 10, LISTED)).toBe(history);
    // The same count, seen earlier than we knew: the observation moves back.
    expect(observe(history, hours(12), 9, LISTED)).toEqual([o(10, 5), o(12, 9)]);
  });
});

describe('the merge records observations', () => {
  const listed = (upvotes: number) => parseApiBody(JSON.stringify([apiItem({ id: '2603.00001', upvotes })])).map(normalizeItem);
  it('starts a history at the first capture, adds one when the count changes, and writes each on one line', () => {
    const first = mergeDay(undefined, '2026-03-06', listed(3), hours(1));
    const second = mergeDay(first.day, '2026-03-06', listed(3), hours(2));
    expect(second.changed).toBe(false);
    const third = mergeDay(first.day, '2026-03-06', listed(8), hours(3));
    expect(third.day.papers[0]!.upvoteHistory).toEqual([o(1, 3), o(3, 8)]);
    expect(serializeDay(third.day)).toContain(
      `"upvoteHistory": [\n        { "at": "${hours(1)}", "upvotes": 3 },\n        { "at": "${hours(3)}", "upvotes": 8 }\n      ]`,
    );
    expect(Day.parse(JSON.parse(serializeDay(third.day)))).toEqual(third.day);
  });
  it('gives a file written before histories existed one from its last capture, once the count moves', () => {
    const first = mergeDay(undefined, '2026-03-06', listed(3), hours(1));
    const { upvoteHistory: _drop, ...bare } = first.day.papers[0]!;
    const old = { date: '2026-03-06', papers: [bare] };
    expect(mergeDay(old, '2026-03-06', listed(3), hours(5)).changed).toBe(false);
    expect(mergeDay(old, '2026-03-06', listed(6), hours(5)).day.papers[0]!.upvoteHistory).toEqual([o(1, 3), o(5, 6)]);
  });
});

describe('--captured-at', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('dates an import, and must be an ISO time in the past, with --input', () => {
    expect(parseSnapshotArgs(['--input', 'x', '--captured-at', '2024-06-12T17:06:00Z'], now).capturedAt).toEqual(new Date('2024-06-12T17:06:00Z'));
    expect(parseSnapshotArgs(['--input', 'x', '--captured-at', '2024-06-12T19:06:00+02:00'], now).capturedAt).toEqual(new Date('2024-06-12T17:06:00Z'));
    for (const [args, message] of [
      [['--input', 'x', '--captured-at', '2026-11-28T00:00:00Z'], '--captured-at 2026-11-28T00:00:00Z is in the future (now is 2026-11-27T12:00:00.000Z)'],
      [['--input', 'x', '--captured-at', '12 June 2024'], '--captured-at 12 June 2024: not an ISO 8601 time with a zone, e.g. 2024-06-12T17:06:00Z'],
      [['--input', 'x', '--captured-at', '2024-06-12'], '--captured-at 2024-06-12: not an ISO 8601 time with a zone, e.g. 2024-06-12T17:06:00Z'],
      [['--captured-at', '2024-06-12T17:06:00Z'], '--captured-at dates an import; it needs --input'],
    ] as const) {
      expect(() => parseSnapshotArgs([...args], now), message).toThrow(new UsageError(message));
    }
  });
});
