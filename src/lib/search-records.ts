// What the search index holds for each paper, grouped by the year it was last listed: one
// Pagefind index per year (scripts/lib/build/search-index.ts), so the indexer's memory follows one
// year, and the search page can load the newest years first and merge sorted results exactly
// (years are disjoint by date). Built from the same archive as the pages, never from their HTML.
// Hugging Face's AI keywords are left out: they are words of the abstract and title (99% of their
// words in the recorded days), so they would only be paid for twice.
import { newestListings, type Archive, type PaperRecord } from './archive.ts';
import { plainMath, searchWords } from './math.ts';
import { orgName } from './orgs.ts';
import { paperPath } from './paths.ts';
import { firstAuthors } from './text.ts';

export interface SearchRecord {
  /** Root-relative: the search page adds the base path (Pagefind's `baseUrl`). */
  url: string;
  /** The abstract alone, so excerpts quote it rather than the title and author list. */
  content: string;
  language: 'en';
  /** Searchable too; `title` gets Pagefind's title boost. Values are what results display. */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Pagefind's one sort: number-like strings sort numerically. (Date order is a file of our own.) */
  sort: { upvotes: string };
  /** Every author, for the author index beside Pagefind's (src/lib/author-index.ts); not given to Pagefind. */
  authors: string[];
}

/** The year a paper belongs to: that of its last listed day, the date results sort by. */
export const searchYear = (record: PaperRecord): string => record.days.at(-1)!.slice(0, 4);

export function searchRecord(record: PaperRecord, topicNames: ReadonlyMap<string, string>): SearchRecord {
  const { paper } = record;
  const listed = record.days.at(-1)!;
  const title = plainMath(paper.title);
  const meta: Record<string, string> = {
    title,
    authors: firstAuthors(paper.authors),
    listed,
    upvotes: String(paper.upvotes),
  };
  // A formula glued to a word would index as one token: give the spaced form to search.
  const words = searchWords(paper.title);
  if (words !== title) meta.words = words;
  const organization = paper.organization && orgName(paper.organization);
  if (organization) meta.organization = organization;
  // No year filter here: each year is its own index, and the search page gives each index its
  // year as a filter in the browser (Pagefind's mergeFilter), with no filter file to download.
  const filters: Record<string, string[]> = { topic: record.topics.map((slug) => topicNames.get(slug) ?? slug) };
  if (organization) filters.organization = [organization];
  if (paper.githubRepo) filters.code = ['Has code'];
  // What came of it on the hub, as of the last links check.
  const hub = [record.links?.models && 'Has models', record.links?.datasets && 'Has datasets'].filter((value): value is string => Boolean(value));
  if (hub.length) filters.hub = hub;
  return {
    authors: paper.authors,
    url: paperPath(paper.id),
    // Pagefind writes no page for a record without content: a paper with no abstract is found by its title.
    content: plainMath(paper.abstract) || title,
    language: 'en',
    meta,
    filters,
    sort: { upvotes: String(paper.upvotes) },
  };
}

/** Years with papers, newest first: the order the search page loads them in. */
export function searchYears(archive: Archive): string[] {
  return [...new Set([...archive.papers.values()].map(searchYear))].sort().reverse();
}

/** Each year's records, newest year first, each year's in date order: newest listed first, in each day's order. */
export function searchRecordsByYear(archive: Archive): Map<string, SearchRecord[]> {
  const byYear = new Map<string, SearchRecord[]>(searchYears(archive).map((year) => [year, []]));
  for (const { record } of newestListings(archive)) byYear.get(searchYear(record))!.push(searchRecord(record, archive.topicNames));
  return byYear;
}

/** The filters the search page's panel lists, with how many papers each value has. */
export const PANEL_FILTERS = ['topic', 'organization', 'code', 'hub'] as const;

export interface YearSummary {
  papers: number;
  /** Each panel filter's values, with their papers. */
  filters: Record<string, Record<string, number>>;
  /** How many shards the year's author index has (src/lib/author-index.ts). */
  authorShards: number;
}

/**
 * What the search page needs to know of a year before searching it: its papers, each panel
 * filter's values with their counts, and how its author index is split. Written beside the year's
 * index (year.json), so opening the panel loads these few lists and not Pagefind's filter files.
 */
export function yearSummary(records: readonly SearchRecord[], authorShards: number): YearSummary {
  const filters: Record<string, Record<string, number>> = {};
  for (const record of records) {
    for (const key of PANEL_FILTERS) {
      for (const value of record.filters[key] ?? []) {
        const counts = (filters[key] ??= {});
        counts[value] = (counts[value] ?? 0) + 1;
      }
    }
  }
  return { papers: records.length, filters, authorShards };
}
