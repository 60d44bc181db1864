// A re-fetch of a day updates what changed and keeps every paper captured before, even one the
// listing has since dropped: the archive only ever grows.
import { observe, type Observation } from '../../../../src/lib/history.ts';
import type { Day, Paper } from '../../../../src/lib/schema.ts';
import type { ListedPaper } from './normalize.ts';

export interface MergeResult {
  day: Day;
  /** Ids new to this day file. */
  added: string[];
  /** Ids whose fields changed (upvotes, comments, links...). */
  updated: string[];
  /** Ids in the file that this fetch no longer lists; kept as they were. */
  retained: string[];
  /** With force: ids in the file that this fetch no longer lists, and so removed. */
  dropped: string[];
  /** Whether the file's content differs from what it was. */
  changed: boolean;
}

/** Everything but the capture timestamps, for "did anything really change". */
function material(paper: Paper): string {
  const { firstSeenAt: _first, lastSeenAt: _last, ...rest } = paper;
  return JSON.stringify(rest);
}

/**
 * The paper's upvote history with this capture in it. A file written before histories existed
 * starts from the count it held at its last capture, once a capture sees a different one.
 */
function history(old: Paper, upvotes: number, now: string, listedAt: string): Observation[] | undefined {
  const known = old.upvoteHistory ?? [{ at: old.lastSeenAt, upvotes: old.upvotes }];
  const next = observe(known, now, upvotes, listedAt);
  if (next === known) return old.upvoteHistory;
  return [...next];
}

export function byUpvotes(papers: readonly Paper[]): Paper[] {
  // Array.prototype.sort is stable: equal upvotes keep the listing's order.
  return [...papers].sort((a, b) => b.upvotes - a.upvotes);
}

/** A paper captured before, seen again now: what the day file keeps of both. */
function mergePaper(old: Paper, fresh: ListedPaper, now: string, force: boolean): Paper {
  const upvoteHistory = history(old, fresh.upvotes, now, fresh.listedAt ?? old.firstSeenAt);
  // Captures may be imported out of order (--captured-at): first and last seen widen, never narrow.
  const seen = { firstSeenAt: now < old.firstSeenAt ? now : old.firstSeenAt, lastSeenAt: now > old.lastSeenAt ? now : old.lastSeenAt };
  if (force) return { ...fresh, ...seen, ...(upvoteHistory ? { upvoteHistory } : {}) };
  return {
    // A field the hub omits this time (githubStars often is) keeps its captured value.
    ...old,
    ...fresh,
    // Counts only settle upwards; a lower one is an older capture (an import of an earlier
    // dump) or a glitch, never better data than what we hold.
    upvotes: Math.max(old.upvotes, fresh.upvotes),
    comments: Math.max(old.comments, fresh.comments),
    ...(old.githubStars !== undefined || fresh.githubStars !== undefined ? { githubStars: Math.max(old.githubStars ?? 0, fresh.githubStars ?? 0) } : {}),
    ...seen,
    ...(upvoteHistory ? { upvoteHistory } : {}),
  };
}

export function mergeDay(
  existing: Day | undefined,
  date: string,
  fetched: readonly ListedPaper[],
  now: string,
  options: { force?: boolean } = {},
): MergeResult {
  const previous = new Map((existing?.papers ?? []).map((paper) => [paper.id, paper]));
  const fetchedIds = new Set<string>();
  const added: string[] = [];
  const updated: string[] = [];
  const papers: Paper[] = [];

  for (const fresh of fetched) {
    if (fetchedIds.has(fresh.id)) continue;
    fetchedIds.add(fresh.id);
    const old = previous.get(fresh.id);
    if (!old) {
      added.push(fresh.id);
      papers.push({ ...fresh, firstSeenAt: now, lastSeenAt: now, upvoteHistory: [{ at: now, upvotes: fresh.upvotes }] });
      continue;
    }
    const merged = mergePaper(old, fresh, now, options.force ?? false);
    if (material(merged) !== material(old)) updated.push(fresh.id);
    papers.push(merged);
  }

  const missing = [...previous.keys()].filter((id) => !fetchedIds.has(id));
  // --force replaces the day with the listing: papers it no longer holds are dropped, not kept.
  const retained = options.force ? [] : missing;
  const dropped = options.force ? missing : [];
  for (const id of retained) papers.push(previous.get(id)!);

  const ordered = byUpvotes(papers);
  // Order follows upvotes, so a new order without a changed paper is only a reshuffle of ties.
  const changed = !existing || added.length > 0 || updated.length > 0 || dropped.length > 0;

  // An unchanged day keeps its file byte for byte, so a scheduled run with nothing new commits nothing.
  return {
    day: changed || !existing ? { date, papers: ordered } : existing,
    added,
    updated,
    retained,
    dropped,
    changed,
  };
}
