// Calendar arithmetic on `YYYY-MM-DD` strings and ISO 8601 weeks, always in UTC (the hub's
// "today" is UTC, and listings are dated by UTC days). The one place dates are computed.
import { IsoDate } from './schema.ts';

export const DAY_MS = 86_400_000;
/** Daily Papers' first listed day: nothing before it exists upstream. */
export const FIRST_LISTED_DAY = '2023-05-05';

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isIsoDate(value: string): boolean {
  return IsoDate.safeParse(value).success;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return iso(utc(date) + days * DAY_MS);
}

/** Every date from `from` to `to`, inclusive, oldest first. */
export function dateRange(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Whole days from `earlier` to `later`. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((utc(later) - utc(earlier)) / DAY_MS);
}

/** The ISO week of a date: `2026-W01` (week 1 holds the year's first Thursday, so 2025-12-29 is in 2026-W01). */
export function isoWeek(date: string): string {
  const weekday = (new Date(utc(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = utc(date) + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The shape of an ISO week key; `isIsoWeek` also checks the year has that week. */
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday that starts an ISO week. */
export function weekStart(week: string): string {
  const [, year, number] = week.match(ISO_WEEK)!;
  // 4 January is always in week 1.
  const jan4 = Date.UTC(Number(year), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return iso(monday + (Number(number) - 1) * 7 * DAY_MS);
}

/** A week that exists: 2026-W53 does (2026 has 53 ISO weeks), 2025-W53 does not. */
export function isIsoWeek(value: string): boolean {
  const match = value.match(ISO_WEEK);
  if (!match || Number(match[2]) < 1) return false;
  return isoWeek(weekStart(value)) === value;
}

/** The seven dates of a week, Monday first. */
export function weekDates(week: string): string[] {
  const start = utc(weekStart(week));
  return Array.from({ length: 7 }, (_, i) => iso(start + i * DAY_MS));
}

export const monthOf = (date: string) => date.slice(0, 7);

/** The instant a week or month ends: the next Monday, or the first of the next month, 00:00 UTC. */
export function periodEnd(kind: 'week' | 'month', key: string): string {
  if (kind === 'week') return new Date(utc(weekStart(key)) + 7 * DAY_MS).toISOString();
  const [year, month] = key.split('-').map(Number);
  return new Date(Date.UTC(year!, month!, 1)).toISOString();
}
