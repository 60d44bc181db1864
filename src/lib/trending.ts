// The hub's trending lists, pure: each day's movement against the day before, each paper's
// trending record (best rank, days on the list), and the papers that entered the top ten, for
// the feed. Computed once per build from the trending files (src/content/trending/).
import type { TrendingDay, TrendingEntry } from './schema.ts';
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

export interface TopTenEntry {
  entry: TrendingEntry;
  /** When a capture first saw it in the top ten. */
  at: string;
}

/** Papers that entered the top ten, one each, newest first: the trending feed. */
export function topTenEntries(days: readonly TrendingDay[]): TopTenEntry[] {
  const first = new Map<string, TopTenEntry>();
  for (const day of days) {
    for (const entry of day.papers) {
      if (!entry.top10At) continue;
      const known = first.get(entry.id);
      if (!known || entry.top10At < known.at) first.set(entry.id, { entry, at: entry.top10At });
    }
  }
  return [...first.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.entry.id < b.entry.id ? -1 : 1));
}
