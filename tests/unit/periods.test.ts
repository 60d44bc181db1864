// Weeks, months and organizations as pure functions: ISO weeks at their edges, the papers of a
// period, digests frozen at a period's end, and organization handles as paths.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeItem } from '../../scripts/lib/capture/days/normalize.ts';
import { parseApiBody } from '../../scripts/lib/capture/days/hub.ts';
import { buildArchive } from '../../src/lib/archive.ts';
import { barChart, monthlyCounts } from '../../src/lib/charts.ts';
import { buildOrgs, escapeHandle, orgSegments } from '../../src/lib/orgs.ts';
import { isoWeek, periodEnd, weekDates, weekStart } from '../../src/lib/dates.ts';
import { buildPeriods, frozenDigest, periodNeighbours, upvotesAt } from '../../src/lib/periods.ts';
import type { Day, Paper } from '../../src/lib/schema.ts';
import { describeShared, sharedPath } from '../helpers/shared.ts';
import { paperBuilder } from '../helpers/papers.ts';

const paper = paperBuilder();

describe('ISO weeks', () => {
  it.each([
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-01-04', '2026-W01'],
    ['2026-01-05', '2026-W02'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
    ['2020-12-31', '2020-W53'],
    ['2027-01-01', '2026-W53'],
    ['2026-03-08', '2026-W10'],
    ['2026-03-09', '2026-W11'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
  it('start on Monday and run to Sunday, across a year boundary', () => {
    expect(weekStart('2026-W01')).toBe('2025-12-29');
    expect(weekDates('2026-W01')).toEqual(['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(weekStart('2020-W53')).toBe('2020-12-28');
    expect(periodEnd('week', '2026-W01')).toBe('2026-01-05T00:00:00.000Z');
    expect(periodEnd('month', '2025-12')).toBe('2026-01-01T00:00:00.000Z');
    expect(periodEnd('month', '2026-02')).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('periods of the archive', () => {
  // Week 2025-W52 with a holiday (Thursday 25 December has no listing); 2026-W01 crosses the year.
  const days: Day[] = [
    { date: '2025-12-22', papers: [paper('2512.00001', { upvotes: 5 })] },
    { date: '2025-12-24', papers: [paper('2512.00002', { upvotes: 9 }), paper('2512.00001', { upvotes: 7 })] },
    { date: '2025-12-26', papers: [paper('2512.00003', { upvotes: 2 })] },
    { date: '2025-12-30', papers: [paper('2512.00004', { upvotes: 3 })] },
    { date: '2026-01-02', papers: [paper('2601.00001', { upvotes: 30 })] },
  ];
  const archive = buildArchive(days, []);
  const periods = buildPeriods(archive);

  it('group listed days into ISO weeks and months, newest first, a holiday simply missing', () => {
    expect(periods.weeks.map((w) => [w.key, w.days])).toEqual([
      ['2026-W01', ['2025-12-30', '2026-01-02']],
      ['2025-W52', ['2025-12-22', '2025-12-24', '2025-12-26']],
    ]);
    expect(periods.months.map((m) => [m.key, m.days.length])).toEqual([
      ['2026-01', 1],
      ['2025-12', 4],
    ]);
  });
  it('list a paper listed on two days of one week once, ranked by upvotes', () => {
    const week = periods.weeks[1]!;
    expect(week.papers.map((p) => p.record.paper.id)).toEqual(['2512.00002', '2512.00001', '2512.00003']);
    expect(week.papers[1]!.date).toBe('2025-12-24');
  });
  it('know the weeks before and after one that have listings', () => {
    expect(periodNeighbours(periods.weeks, periods.weekIndex, '2025-W52')).toEqual({ next: '2026-W01' });
    expect(periodNeighbours(periods.weeks, periods.weekIndex, '2026-W01')).toEqual({ previous: '2025-W52' });
    expect(periodNeighbours(periods.weeks, periods.weekIndex, '2024-W01')).toEqual({});
  });
});

describe('weekly digests', () => {
  // Week 2026-W10 (2 to 8 March) captured as it happened: listed Friday, counts rising.
  const friday = (upvotes: number, extra: Partial<Paper> = {}) =>
    paper('2603.00001', {
      upvotes,
      firstSeenAt: '2026-03-06T02:00:00.000Z',
      lastSeenAt: '2026-03-09T06:00:00.000Z',
      upvoteHistory: [
        { at: '2026-03-06T02:00:00.000Z', upvotes: 4 },
        { at: '2026-03-08T20:00:00.000Z', upvotes: 20 },
        { at: '2026-03-09T06:00:00.000Z', upvotes: 35 },
      ],
      ...extra,
    });
  const week = (papers: Paper[]) => buildPeriods(buildArchive([{ date: '2026-03-06', papers }], [])).weeks[0]!;

  it('wait until the archive holds a capture after Sunday ends (UTC), then publish', () => {
    const period = week([friday(35)]);
    expect(frozenDigest(period, '2026-03-08T23:59:59.999Z', 10)).toBeUndefined();
    expect(frozenDigest(period, '2026-03-09T00:00:00.000Z', 10)).toMatchObject({ asOf: '2026-03-09T00:00:00.000Z', date: '2026-03-09T00:00:00.000Z' });
  });

  it('say what was known when the week ended, so later captures never change the item', () => {
    const atClose = frozenDigest(week([friday(35)]), '2026-03-09T06:00:00.000Z', 10)!;
    expect(atClose.papers.map((p) => [p.paper.id, p.upvotes])).toEqual([['2603.00001', 20]]);
    // A week later: more upvotes, and a paper added to Friday's list after the week ended.
    const later = week([
      friday(80, { upvoteHistory: [...friday(0).upvoteHistory!, { at: '2026-03-15T06:00:00.000Z', upvotes: 80 }] }),
      paper('2603.00009', { upvotes: 500, firstSeenAt: '2026-03-09T06:00:00.000Z', upvoteHistory: [{ at: '2026-03-09T06:00:00.000Z', upvotes: 500 }] }),
    ]);
    const again = frozenDigest(later, '2026-03-16T06:00:00.000Z', 10)!;
    expect(again.asOf).toBe(atClose.asOf);
    expect(again.papers.map((p) => [p.paper.id, p.upvotes])).toEqual([['2603.00001', 20]]);
  });

  it('freeze a week filled in later by a backfill a day after its first capture', () => {
    const backfilled = week([friday(35, { firstSeenAt: '2026-06-01T10:00:00.000Z', upvoteHistory: [{ at: '2026-06-01T10:00:00.000Z', upvotes: 35 }] })]);
    expect(frozenDigest(backfilled, '2026-06-01T10:00:05.000Z', 10)).toBeUndefined();
    expect(frozenDigest(backfilled, '2026-06-02T10:00:00.000Z', 10)).toMatchObject({ asOf: '2026-06-02T10:00:00.000Z', papers: [{ upvotes: 35 }] });
  });

  it('date a backfilled week at its end, as a live one, so a reader can order twelve of them captured at once', () => {
    // Three weeks of August filled in by one backfill run: each is frozen a day after that run, but dated when it ended.
    const at = '2026-08-24T09:00:00.000Z';
    const weeks = buildPeriods(
      buildArchive(
        ['2026-08-03', '2026-08-10', '2026-08-17'].map((date, i) => ({
          date,
          papers: [paper(`2608.0000${i}`, { firstSeenAt: at, lastSeenAt: at, upvoteHistory: [{ at, upvotes: 5 }] })],
        })),
        [],
      ),
    ).weeks;
    const digests = weeks.map((w) => frozenDigest(w, '2026-08-25T09:00:00.000Z', 10)!);
    expect(digests.map((d) => d.asOf)).toEqual(Array(3).fill('2026-08-25T09:00:00.000Z'));
    expect(digests.map((d) => d.date)).toEqual(['2026-08-24T00:00:00.000Z', '2026-08-17T00:00:00.000Z', '2026-08-10T00:00:00.000Z']);
    // Published once, never changed: a later capture leaves the date and the list as they were.
    expect(frozenDigest(weeks[1]!, '2026-11-01T00:00:00.000Z', 10)).toEqual(digests[1]);
  });

  it('read a count at an instant from the history, or the file’s count without one', () => {
    const p = friday(35);
    expect([upvotesAt(p, '2026-03-06T01:00:00.000Z'), upvotesAt(p, '2026-03-07T00:00:00.000Z'), upvotesAt(p, '2026-03-20T00:00:00.000Z')]).toEqual([4, 4, 35]);
    expect(upvotesAt(paper('x', { upvotes: 12 }), '2026-03-07T00:00:00.000Z')).toBe(12);
  });
});

describe('organization handles as paths', () => {
  it('keep a handle as Hugging Face spells it, and escape what a path cannot carry', () => {
    expect(escapeHandle('ByteDance-Seed')).toBe('ByteDance-Seed');
    expect(escapeHandle('open_lab.v2')).toBe('open_lab.v2');
    expect(escapeHandle('100% Lab/ü')).toBe('100~25~~20~Lab~2f~~fc~');
    expect(escapeHandle('..')).toBe('~2e~.');
    expect(escapeHandle('a~b')).toBe('a~7e~b');
  });
  it('give handles that differ only in case distinct paths, distinct even ignoring case', () => {
    const segments = orgSegments(['Qwen', 'qwen', 'QWEN', 'nvidia']);
    expect(segments.get('nvidia')).toBe('nvidia');
    const folded = ['Qwen', 'qwen', 'QWEN'].map((h) => segments.get(h)!.toLowerCase());
    expect(new Set(folded).size).toBe(3);
    expect(segments.get('Qwen')).toBe('Qwen~c0');
    expect(segments.get('qwen')).toBe('qwen~c');
  });
  it('list each organization’s papers newest first, each once', () => {
    const org = (name: string) => ({ organization: { name, fullname: `${name} Lab` } });
    const archive = buildArchive(
      [
        { date: '2026-03-05', papers: [paper('2603.00001', org('a')), paper('2603.00002', org('b'))] },
        { date: '2026-03-06', papers: [paper('2603.00003', org('a')), paper('2603.00001', org('a'))] },
      ],
      [],
    );
    const orgs = buildOrgs(archive);
    expect(orgs.map((o) => [o.name, o.fullname, o.papers.map((p) => p.record.paper.id), o.newest])).toEqual([
      ['a', 'a Lab', ['2603.00003', '2603.00001'], '2026-03-06'],
      ['b', 'b Lab', ['2603.00002'], '2026-03-05'],
    ]);
  });
});

describe('charts', () => {
  it('count papers per month over a fixed span, zeros included, and scale bars to the busiest', () => {
    const series = monthlyCounts(['2025-11-03', '2026-01-02', '2026-01-05'], '2025-10', '2026-02');
    expect(series).toEqual([
      { month: '2025-10', count: 0 },
      { month: '2025-11', count: 1 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 0 },
    ]);
    const chart = barChart(series, 500, 116, 16);
    // Five months make a narrow chart (16 units a month, at least 120), not five page-wide bars.
    expect(chart.width).toBe(120);
    expect(chart.bars.map((b) => [b.x, b.height])).toEqual([
      [0, 0],
      [24, 49],
      [48, 0],
      [72, 98],
      [96, 0],
    ]);
    expect(chart.years).toEqual([
      { year: '2025', x: 0 },
      { year: '2026', x: 72 },
    ]);
    expect(barChart(monthlyCounts(['2020-01-01', '2026-01-01']), 640).width).toBe(640);
  });
});

describeShared('weeks and organizations on the real recorded days', () => {
  let days: Day[];
  let archive: ReturnType<typeof buildArchive>;
  let periods: ReturnType<typeof buildPeriods>;
  beforeAll(() => {
    days = readdirSync(sharedPath('daily_papers')).map((name) => {
      const date = name.slice(0, 10);
      const items = parseApiBody(readFileSync(sharedPath('daily_papers', name), 'utf8'));
      return { date, papers: items.map((item) => ({ ...normalizeItem(item), firstSeenAt: `${date}T06:00:00.000Z`, lastSeenAt: `${date}T06:00:00.000Z` })) };
    });
    archive = buildArchive(days, []);
    periods = buildPeriods(archive);
  });

  it('put each real day in its ISO week, and 2604.07429 (listed on 10 and 16 April) in each week once', () => {
    for (const day of days) expect(periods.weeks.find((w) => w.key === isoWeek(day.date))!.days).toContain(day.date);
    expect(isoWeek('2026-04-10')).toBe('2026-W15');
    expect(isoWeek('2026-04-16')).toBe('2026-W16');
    for (const key of ['2026-W15', '2026-W16']) {
      const week = periods.weeks.find((w) => w.key === key)!;
      expect(week.papers.filter((p) => p.record.paper.id === '2604.07429')).toHaveLength(1);
    }
    // The month holds it once too.
    expect(periods.months.find((m) => m.key === '2026-04')!.papers.filter((p) => p.record.paper.id === '2604.07429')).toHaveLength(1);
  });

  it('close the week of a real Friday at the Sunday/Monday boundary, listing its papers by the counts then', () => {
    // 2026-04-10 (a Friday, captured here on the morning of its day) is in 2026-W15, which ends at
    // Monday 2026-04-13 00:00 UTC.
    const week = periods.weeks.find((w) => w.key === '2026-W15')!;
    expect(frozenDigest(week, '2026-04-12T23:59:59.999Z', 10)).toBeUndefined();
    const digest = frozenDigest(week, '2026-04-13T00:00:00.000Z', 10)!;
    expect(digest.asOf).toBe('2026-04-13T00:00:00.000Z');
    expect(digest.papers).toHaveLength(10);
    const counts = digest.papers.map((p) => p.upvotes);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(digest.papers[0]!.paper.id).toBe(week.papers[0]!.record.paper.id);
  });

  it('find the organizations of the real listings, with working distinct paths', () => {
    const orgs = buildOrgs(archive);
    expect(orgs.length).toBeGreaterThan(10);
    const segments = new Set(orgs.map((o) => o.segment.toLowerCase()));
    expect(segments.size).toBe(orgs.length);
    for (const org of orgs) expect(org.segment).toMatch(/^[A-Za-z0-9_.~-]+$/);
    expect(orgs.some((o) => o.papers.length === 1)).toBe(true);
  });
});
