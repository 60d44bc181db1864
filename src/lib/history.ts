// A paper's upvotes over time on one listed day: an observation per capture that saw a new count,
// bounded so a day file stays small however often it is captured. Shared by the snapshot merge
// (which records) and the paper page (which draws them).

export interface Observation {
  /** When the capture saw it (the capture time, or --captured-at for an import). */
  at: string;
  upvotes: number;
}

/** Every change is kept this long after listing, while upvotes move fastest. */
export const EARLY_HOURS = 48;
/** At most this many observations per paper per day file. */
export const HISTORY_LIMIT = 40;

/**
 * The history with one more capture in it. Captures may arrive out of time order (an import of an
 * older recording), so the observation goes in at its time. A count equal to the one before it is
 * not a change; a count lower than one already seen earlier is an older or broken reading (counts
 * only go up) and is left out. Returns the given history itself when nothing changed.
 */
export function observe(history: readonly Observation[], at: string, upvotes: number, listedAt: string): readonly Observation[] {
  const time = Date.parse(at);
  const index = history.findIndex((o) => Date.parse(o.at) > time);
  const before = index === -1 ? history.at(-1) : history[index - 1];
  const after = index === -1 ? undefined : history[index];
  if (before && before.upvotes >= upvotes) return history;
  if (after && after.upvotes < upvotes) return history;
  const next = [...history];
  const at0 = new Date(time).toISOString();
  // The same count seen earlier than we knew: move that observation back to when it was first seen.
  if (after && after.upvotes === upvotes) next.splice(index, 1, { at: at0, upvotes });
  else next.splice(index === -1 ? next.length : index, 0, { at: at0, upvotes });
  return bound(next, listedAt);
}

/** Every change in the first 48 hours after listing, then the last of each UTC day, at most 40 (the newest always kept). */
export function bound(history: readonly Observation[], listedAt: string): Observation[] {
  const early = Date.parse(listedAt) + EARLY_HOURS * 3_600_000;
  const kept: Observation[] = [];
  for (const o of history) {
    const previous = kept.at(-1);
    const late = Date.parse(o.at) >= early;
    if (previous && late && Date.parse(previous.at) >= early && previous.at.slice(0, 10) === o.at.slice(0, 10)) kept[kept.length - 1] = o;
    else kept.push(o);
  }
  return kept.length > HISTORY_LIMIT ? [...kept.slice(0, HISTORY_LIMIT - 1), kept.at(-1)!] : kept;
}
