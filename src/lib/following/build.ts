// The record of the recent papers /following/ matches a reader's follows against, built once per
// build from the archive: the last listed days' papers, each as title, day, organization, topics,
// the keys of its authors' names (not the names) and its related papers; and, apart, the names of
// the recent papers' authors, which the page loads only when a reader types one.
import { newestListings, type Archive } from '../archive.ts';
import { packAuthors, type RecentFile, type RecentNames, type RecentPaper } from './recent.ts';
import { plainMath } from '../math.ts';
import { orgName } from '../orgs.ts';

export interface RecentOptions {
  /** Listed days it covers, newest first. */
  days: number;
  /** Related papers kept a paper: the reading-list match reads the nearest. */
  related: number;
  /** Organizations with this many papers or more have feeds of their own. */
  orgFeedMinPapers: number;
}

export function recentFile(
  archive: Archive,
  orgs: { list: readonly { name: string; fullname?: string | undefined; segment: string; papers: readonly unknown[] }[] },
  related: ReadonlyMap<string, readonly string[]>,
  options: RecentOptions,
): RecentFile {
  const days = archive.days.slice(0, options.days);
  const dayIndex = new Map(days.map((day, i) => [day.date, i]));
  const topicIndex = new Map(archive.topics.map((topic, i) => [topic.slug, i]));
  const orgIndex = new Map<string, number>();
  const orgRows: RecentFile['orgs'] = [];
  const byHandle = new Map(orgs.list.map((org) => [org.name, org]));
  const papers: RecentPaper[] = [];
  for (const { date, record } of newestListings(archive, days)) {
    const { paper } = record;
    let org = -1;
    const handle = paper.organization?.name;
    const known = handle !== undefined ? byHandle.get(handle) : undefined;
    if (handle !== undefined && known) {
      if (!orgIndex.has(handle)) {
        orgIndex.set(handle, orgRows.length);
        orgRows.push([handle, orgName(known), known.segment, known.papers.length >= options.orgFeedMinPapers ? 1 : 0]);
      }
      org = orgIndex.get(handle)!;
    }
    const authors = packAuthors(paper.authors, paper.authorAccounts);
    papers.push([
      paper.id,
      plainMath(paper.title),
      dayIndex.get(date)!,
      org,
      record.topics.map((slug) => topicIndex.get(slug)!),
      authors.names,
      authors.accounts,
      (related.get(paper.id) ?? []).slice(0, options.related),
    ]);
  }
  return {
    version: 1,
    days: days.map((day) => day.date),
    topics: archive.topics.map((topic) => [topic.slug, topic.name]),
    orgs: orgRows,
    papers,
  };
}

/** The authors of two of the last `days` listed days' papers or more, most papers first, at most `limit`. */
export function recentNames(archive: Archive, days: number, limit: number): RecentNames {
  const counts = new Map<string, number>();
  for (const { record } of newestListings(archive, archive.days.slice(0, days)))
    for (const name of new Set(record.paper.authors)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit);
}
