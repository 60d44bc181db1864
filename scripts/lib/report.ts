// What a capture run says to people: the commit message of the scheduled job and the markdown
// of its GitHub job summary. Pure, so the wording is tested.
import type { RunSummary } from './capture.ts';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** `2026-11-27: 31 papers (+4), 2 days refreshed`, or undefined when nothing was written. */
export function commitMessage(summary: RunSummary): string | undefined {
  const written = summary.days.filter((day) => day.status === 'written');
  if (written.length === 0) return undefined;
  const newest = summary.days.at(-1)!;
  if (written.length > 10) {
    return `Backfill ${written[0]!.date} to ${written.at(-1)!.date}: ${days(written.length)}, ${summary.added} papers added`;
  }
  const refreshed = written.filter((day) => day.date !== newest.date).length;
  const head = newest.status === 'written' ? `${newest.date}: ${newest.papers} papers (+${newest.added})` : `${newest.date}: no new listing`;
  return refreshed ? `${head}, ${days(refreshed)} refreshed` : head;
}

export function jobSummary(summary: RunSummary): string {
  const lines = [
    `### Snapshot: ${days(summary.written)} written, ${summary.added} papers added${summary.failed ? `, ${days(summary.failed)} failed` : ''}`,
    '',
  ];
  const failed = summary.days.filter((day) => day.status === 'failed');
  for (const day of failed) lines.push(`> **Error** ${day.date}: ${day.error}`, '');
  lines.push('| day | papers | added | updated | result |', '|---|---:|---:|---:|---|');
  for (const day of summary.days) {
    lines.push(`| ${day.date} | ${day.papers || ''} | ${day.added || ''} | ${day.updated || ''} | ${day.status === 'failed' ? '**failed**' : day.status} |`);
  }
  return lines.join('\n') + '\n';
}
