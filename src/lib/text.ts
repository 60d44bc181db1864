// Short forms of upstream text for lists: a summary line, the first authors.
import type { Paper } from './schema.ts';

/** Cut at a word boundary near `max` characters, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,.;:]+$/, '')}…`;
}

/** HF's AI summary where there is one, else the start of the abstract. */
export function shortSummary(paper: Pick<Paper, 'aiSummary' | 'abstract'>, max = 280): string {
  return truncate(paper.aiSummary ?? paper.abstract, max);
}

/** "Ada Lovelace, Alan Turing, Grace Hopper and 12 others". */
export function firstAuthors(authors: readonly string[], shown = 3): string {
  if (authors.length <= shown + 1) {
    return authors.length > 1 ? `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}` : (authors[0] ?? '');
  }
  const rest = authors.length - shown;
  return `${authors.slice(0, shown).join(', ')} and ${rest} others`;
}

export { plural } from './plural.ts';

/**
 * A date formatter made once and its results kept: Date#toLocaleDateString builds a new
 * Intl.DateTimeFormat on every call, which across every page of the archive cost most of a minute
 * (docs/performance.md has the figure).
 */
function dateFormat(options: Intl.DateTimeFormatOptions, suffix = 'T00:00:00Z'): (date: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  const cache = new Map<string, string>();
  return (date) => {
    let text = cache.get(date);
    if (text === undefined) cache.set(date, (text = format.format(new Date(`${date}${suffix}`))));
    return text;
  };
}

/** 2026-03-06 -> "Friday, 6 March 2026" (UTC, as listings are). */
export const longDate = dateFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** 2026-03 -> "March 2026". */
export const monthName = dateFormat({ month: 'long', year: 'numeric' }, '-01T00:00:00Z');
/** 2026-03 -> "Mar 2026". */
export const shortMonth = dateFormat({ month: 'short', year: 'numeric' }, '-01T00:00:00Z');
/** 2026-03-06 -> "6 Mar 2026". */
export const shortDate = dateFormat({ day: 'numeric', month: 'short', year: 'numeric' });
/** 2026-03-06 -> "6 Mar". */
export const dayMonth = dateFormat({ day: 'numeric', month: 'short' });
/** 2026-03-06 -> "Fri 6". */
export const weekdayDate = dateFormat({ weekday: 'short', day: 'numeric' });
