// When to ask the hub again about a paper: models, datasets and Spaces arrive over months, so a
// paper is asked as it ages (1, 3, 7, 14, 30, 60, 120, 240 and 365 days after it was listed, then
// every year), never twice in one run, and the papers that have waited longest go first. An ask
// that got no answer is tried again within days, not at the paper's next age.
import { addDays, daysBetween } from '../../../../src/lib/dates.ts';

/** Ages in days at which a paper is asked; after the last, once a year. */
export const SCHEDULE_DAYS = [1, 3, 7, 14, 30, 60, 120, 240, 365] as const;
/** Papers listed this recently that were never asked are asked with the scheduled ones; older ones are history, filled in after. */
export const RECENT_DAYS = 30;

const YEAR = 365;

/** Requests a run may spend on links by default: with the day capture's ~15, well under the hub's 500 per 5 minutes at one a second. */
export const DEFAULT_LINKS_BUDGET = 300;

/** How many scheduled checks a paper of this age has had due: 0 before its first day. */
export function stage(ageDays: number): number {
  const last = SCHEDULE_DAYS.at(-1)!;
  if (ageDays >= last) return SCHEDULE_DAYS.length + Math.floor((ageDays - last) / YEAR);
  return SCHEDULE_DAYS.filter((day) => day <= ageDays).length;
}

/** The age in days of the check with this stage (stage 1 is the first). */
function ageOfStage(n: number): number {
  if (n <= SCHEDULE_DAYS.length) return SCHEDULE_DAYS[n - 1]!;
  return SCHEDULE_DAYS.at(-1)! + (n - SCHEDULE_DAYS.length) * YEAR;
}

/** Days after an unanswered ask (the first, second, third in a row) that the paper is asked again; after that, its age decides. */
export const RETRY_DAYS = [1, 3, 7] as const;

export interface Candidate {
  id: string;
  /** The day it was first listed: the schedule counts from it. */
  listed: string;
  /** When the hub last answered about it, if ever. */
  checkedAt?: string | undefined;
  /** The asks since then that got no answer. */
  unanswered?: { at: string; times: number } | undefined;
}

/** When it was last asked, answered or not. */
const lastAsked = (candidate: Candidate): string | undefined =>
  [candidate.checkedAt, candidate.unanswered?.at]
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);

/**
 * The day a paper's next check falls due: the first scheduled age past the one it was last asked
 * at, or sooner, a few days after an ask that got no answer.
 */
export function dueOn(candidate: Candidate): string {
  const asked = lastAsked(candidate);
  const scheduled = addDays(candidate.listed, ageOfStage((asked ? stage(daysBetween(candidate.listed, asked.slice(0, 10))) : 0) + 1));
  const { unanswered } = candidate;
  if (!unanswered || unanswered.times > RETRY_DAYS.length) return scheduled;
  const retry = addDays(unanswered.at.slice(0, 10), RETRY_DAYS[unanswered.times - 1]!);
  return retry < scheduled ? retry : scheduled;
}

export interface LinksPlan {
  /** The papers to ask this run, in order, at most the budget. */
  ask: Candidate[];
  /** Every paper due now, asked this run or not. */
  due: number;
}

/**
 * The papers due on `today`, in the order to ask them: first those on their schedule (asked
 * before, or listed in the last RECENT_DAYS), the one due longest first; then history never
 * asked, oldest listed first, the way the day backfill fills in. At most `budget` of them.
 */
export function planLinks(candidates: Iterable<Candidate>, today: string, budget: number): LinksPlan {
  const scheduled: { candidate: Candidate; due: string }[] = [];
  const history: Candidate[] = [];
  for (const candidate of candidates) {
    const due = dueOn(candidate);
    if (due > today) continue;
    if (lastAsked(candidate) || daysBetween(candidate.listed, today) <= RECENT_DAYS) scheduled.push({ candidate, due });
    else history.push(candidate);
  }
  scheduled.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.candidate.id < b.candidate.id ? -1 : 1));
  history.sort((a, b) => (a.listed < b.listed ? -1 : a.listed > b.listed ? 1 : a.id < b.id ? -1 : 1));
  const ordered = [...scheduled.map((s) => s.candidate), ...history];
  return { ask: ordered.slice(0, budget), due: ordered.length };
}
