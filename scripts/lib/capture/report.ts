// What a capture run says to people: the commit message of the scheduled job and the markdown
// of its GitHub job summary. Pure, so the wording is tested.
import { plural } from '../../../src/lib/text.ts';
import type { DayOutcome, RunSummary } from './days/capture.ts';
import type { LinksSummary } from './links/capture.ts';
import { formatTrending, type TrendingSummary } from './trending/capture.ts';
import { isHubTrouble, type Stop } from './policy.ts';

const days = (n: number) => plural(n, 'day');
const papers = (n: number) => plural(n, 'paper');

/** `2026-11-27: 31 papers (+4), 2 days refreshed`: the newest day and the window behind it. */
function dailyLine(window: DayOutcome[]): string | undefined {
  if (window.length === 0) return undefined;
  const newest = window.reduce((a, b) => (b.date > a.date ? b : a));
  const refreshed = window.filter((day) => day.status === 'written' && day.date !== newest.date).length;
  if (newest.status !== 'written' && refreshed === 0) return undefined;
  const head = newest.status === 'written' ? `${newest.date}: ${papers(newest.papers)} (+${newest.added})` : `${newest.date}: no new listing`;
  return refreshed ? `${head}, ${days(refreshed)} refreshed` : head;
}

/** `backfill: 2023-05-05..2023-09-14, 88 days, 1,904 papers; 1,211 days left`. */
function backfillLine(backfill: DayOutcome[], remaining: number): string {
  const dates = backfill.map((day) => day.date).sort();
  const written = backfill.filter((day) => day.status === 'written');
  const added = backfill.reduce((sum, day) => sum + day.added, 0);
  const left = remaining > 0 ? `${days(remaining)} left` : 'history complete';
  return `backfill: ${dates[0]}..${dates.at(-1)}, ${days(written.length)}, ${papers(added)}; ${left}`;
}

/**
 * A run's report: the days, what the links and trending captures did when they ran, why the run
 * stopped early if it did (its time budget, or the hub in trouble), and the requests it made.
 */
export type RunReport = RunSummary & { links?: LinksSummary; trending?: TrendingSummary; stop?: Stop; requests?: number };

/** `trending 2026-12-01: 50 papers, 2 new in the top ten` */
function trendingLine(trending: TrendingSummary | undefined): string | undefined {
  if (!trending?.written) return undefined;
  return `trending ${trending.date}: ${papers(trending.papers)}${trending.top10.length ? `, ${trending.top10.length} new in the top ten` : ''}`;
}

/** `links: 212 papers checked, 3 newly with models` */
function linksLine(links: LinksSummary | undefined): string | undefined {
  if (!links?.asked) return undefined;
  return `links: ${papers(links.asked)} checked${links.released.length ? `, ${links.released.length} newly with models` : ''}`;
}

/**
 * One commit per run. A run that filled in history leads with that; the daily line (today and the
 * refresh window) follows in the body. Undefined when the run changed nothing worth a message.
 */
export function commitMessage(summary: RunReport): string | undefined {
  const backfill = summary.days.filter((day) => day.backfill && day.status !== 'failed');
  const daily = dailyLine(summary.days.filter((day) => !day.backfill));
  const lines = [
    backfill.length > 0 ? backfillLine(backfill, summary.remaining.length) : undefined,
    daily,
    trendingLine(summary.trending),
    linksLine(summary.links),
  ].filter(Boolean);
  if (!lines.length) return undefined;
  // The subject says the most (a backfill, else the day, else what links found); the rest is the body.
  return [lines[0], lines.slice(1).join('\n')].filter(Boolean).join('\n\n');
}

export function jobSummary(summary: RunReport): string {
  const lines = [
    `### Snapshot: ${days(summary.written)} written, ${papers(summary.added)} added${summary.failed ? `, ${days(summary.failed)} failed` : ''}`,
    '',
  ];
  const failed = summary.days.filter((day) => day.status === 'failed');
  for (const day of failed) lines.push(`> **Error** ${day.date}: ${day.error}`, '');
  const stop = summary.stop ?? summary.stopped;
  if (isHubTrouble(stop)) {
    lines.push(`> **Stopped**: ${stop!.detail}. Everything captured is kept; ${days(summary.remaining.length)} left for the next run.`, '');
  } else if (stop) {
    lines.push(
      `**${days(summary.remaining.length)} left**${summary.remaining.length ? ` (from ${summary.remaining[0]})` : ''}: the run stopped at its time budget; the next runs go on.`,
      '',
    );
  } else if (summary.days.some((day) => day.backfill)) {
    lines.push('**History complete**: no days left to fill in.', '');
  }
  const { links, trending } = summary;
  if (trending) {
    lines.push(
      trending.error ? `> **Trending error** ${trending.date}: ${trending.error}` : `**Trending**: ${formatTrending(trending).replace(/^trending /, '')}.`,
      '',
    );
  }
  if (links) {
    lines.push(
      `**Links**: ${papers(links.asked)} asked (${links.answered} answered, ${links.missing} answered 404, ${links.failed} failed) of ${papers(links.due)} due; ${papers(links.remaining)} left for the next runs.${links.released.length ? ` Newly with models: ${links.released.join(', ')}.` : ''}`,
      '',
    );
    for (const line of links.errors) lines.push(`> **Links error** ${line}`, '');
  }
  lines.push('| day | papers | added | updated | result |', '|---|---:|---:|---:|---|');
  for (const day of summary.days) {
    lines.push(`| ${day.date} | ${day.papers || ''} | ${day.added || ''} | ${day.updated || ''} | ${day.status === 'failed' ? '**failed**' : day.status} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The line a run that stopped early ends with: why, and what is left for the next run (days,
 * papers to ask the hub about, the day's trending list).
 */
export function stopLine(report: RunReport): string | undefined {
  const { stop } = report;
  if (!stop) return undefined;
  const left = [
    report.remaining.length || !report.links ? days(report.remaining.length) : undefined,
    report.links?.remaining ? `${papers(report.links.remaining)} to ask the hub about` : undefined,
    report.trending && !report.trending.written && (report.trending.stopped || report.trending.error) ? "today's trending list" : undefined,
  ].filter(Boolean);
  if (stop.reason === 'time') return `stopped: budget reached, ${left.join(', ')} left`;
  return `stopped: ${stop.detail}; everything captured is kept, ${left.join(', ')} left for the next run`;
}
