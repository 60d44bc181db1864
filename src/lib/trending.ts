// The hub's trending lists, pure: each day's movement against the day before, each paper's
// trending record (best rank, days on the list), and the papers that entered the top ten, for
// the feed. Computed once per build from the trending files (src/content/trending/).
import type { TrendingDay } from './schema.ts';
import { plural } from './text.ts';

export type Movement = { kind: 'new' } | { kind: 'same' } | { kind: 'up' | 'down'; by: number };

/** Each entry's movement against the previous day's list: new to it, or up or down by so many places. */
export function movements(day: TrendingDay, previous: TrendingDay | undefined): Map<string, Movement> {
  const before = new Map(previous?.papers.map((entry) => [entry.id, entry.rank]));
  return new Map<string, Movement>(
    day.papers.map((entry): [string, Movement] => {
      const was = before.get(entry.id);
      if (was === undefined) return [entry.id, { kind: 'new' }];
      if (was === entry.rank) return [entry.id, { kind: 'same' }];
      return [entry.id, was > entry.rank ? { kind: 'up', by: was - entry.rank } : { kind: 'down', by: entry.rank - was }];
    }),
  );
}

/** "new", "▲ 3", "▼ 2", "=": short enough for a list, spelled out for screen readers by `movementLabel`. */
export function movementText(movement: Movement): string {
  if (movement.kind === 'new') return 'new';
  if (movement.kind === 'same') return '=';
  return `${movement.kind === 'up' ? '▲' : '▼'} ${movement.by}`;
}

export function movementLabel(movement: Movement): string {
  if (movement.kind === 'new') return 'new on the list';
  if (movement.kind === 'same') return 'same place as the day before';
  return `${movement.kind} ${plural(movement.by, 'place')} since the day before`;
}

export interface TrendingRecord {
  best: number;
  /** Days it was on the list, oldest first. */
  days: string[];
}

/** Each paper's time on the trending lists: its best rank and the days it was there. */
export function trendingRecords(days: readonly TrendingDay[]): Map<string, TrendingRecord> {
  const records = new Map<string, TrendingRecord>();
  for (const day of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    for (const entry of day.papers) {
      const record = records.get(entry.id);
      if (!record) records.set(entry.id, { best: entry.rank, days: [day.date] });
      else {
        record.best = Math.min(record.best, entry.rank);
        record.days.push(day.date);
      }
    }
  }
  return records;
}

/** A paper's entry into the top ten, as it was then: what its feed item says, ever after. */
export interface TopTenEntry {
  id: string;
  /** When a capture first saw it in the top ten. */
  at: string;
  /** Its rank and upvotes at that capture. */
  rank: number;
  upvotes: number;
  /** The day it was listed, as the list said then. */
  listed?: string;
}

/**
 * Papers that entered the top ten, one each, newest first: the trending feed. Each is as it was
 * when it entered: the rank and upvotes the capture recorded (lists written before those were kept
 * give the first day's), so an item never changes once published, however the paper moves later.
 */
export function topTenEntries(days: readonly TrendingDay[]): TopTenEntry[] {
  const first = new Map<string, TopTenEntry>();
  for (const day of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    for (const entry of day.papers) {
      if (!entry.top10At) continue;
      const known = first.get(entry.id);
      if (known && known.at <= entry.top10At) continue;
      first.set(entry.id, {
        id: entry.id,
        at: entry.top10At,
        rank: entry.top10Rank ?? entry.rank,
        upvotes: entry.top10Upvotes ?? entry.upvotes,
        ...(entry.listed ? { listed: entry.listed } : {}),
      });
    }
  }
  return [...first.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
}
