// Is the archive up to date? The newest listed day against today, in calendar days, weekends
// included: a Monday morning run sees Friday as 3 days old, so the default limit is 4.
import { daysBetween } from '../../../src/lib/dates.ts';
import { plural } from '../../../src/lib/text.ts';

export interface Freshness {
  stale: boolean;
  newest: string | undefined;
  /** Whole days from the newest listed day to today. */
  age: number | undefined;
  message: string;
}

export function freshness(listed: readonly string[], today: string, maxAgeDays: number): Freshness {
  const newest = [...listed].sort().at(-1);
  if (!newest) return { stale: true, newest, age: undefined, message: 'No listed day has been captured yet.' };
  const age = daysBetween(newest, today);
  const stale = age > maxAgeDays;
  const message = stale
    ? `The newest listed day, ${newest}, is ${age} days old (limit ${maxAgeDays}): the snapshot is not capturing new listings.`
    : `The newest listed day is ${newest} (${plural(age, 'day')} old; limit ${maxAgeDays}).`;
  return { stale, newest, age, message };
}
