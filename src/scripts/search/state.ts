// The search page's logic that needs no browser: the address it reads and writes, the date
// order file, the merge of per-year sorted results, and the excerpt. The per-year indexes are
// disjoint by date, so sorting across them is exact: by date, years in order; by upvotes, a
// k-way merge by value; by relevance, Pagefind's own merge by score (src/scripts/search.ts).

export const SORTS = ['relevance', 'date', 'upvotes'] as const;
export type Sort = (typeof SORTS)[number];
/** Filter keys as the records carry them (src/lib/search-records.ts), in the panel's order. */
export const FILTER_KEYS = ['topic', 'year', 'organization', 'code', 'hub', 'author'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string[]>>;

export interface SearchState {
  q: string;
  sort: Sort;
  filters: Filters;
}

/** `?q=agents&sort=date&topic=Agents&topic=Robotics&year=2025`: a search anyone can link to. */
export function readState(params: URLSearchParams): SearchState {
  const sort = params.get('sort') as Sort;
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  return { q: params.get('q')?.trim() ?? '', sort: SORTS.includes(sort) ? sort : 'relevance', filters };
}

/** The same address back: relevance and empty filters are left out. */
export function writeState(url: URL, state: SearchState): URL {
  const next = new URL(url);
  for (const key of ['q', 'sort', ...FILTER_KEYS]) next.searchParams.delete(key);
  if (state.q) next.searchParams.set('q', state.q);
  if (state.sort !== 'relevance') next.searchParams.set('sort', state.sort);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) next.searchParams.append(key, value);
  return next;
}

export const activeFilters = (filters: Filters): number => FILTER_KEYS.reduce((sum, key) => sum + (filters[key]?.length ?? 0), 0);

/**
 * What a search looks for, in words: its term in quotes, or, with no term (browsing a topic, an
 * organization, a person), what its filters hold: "“quokka”", "in Agents and tool use, 2025",
 * "by Ziwei Liu in Robotics".
 */
export function searchLabel(state: SearchState): string {
  if (state.q) return `“${state.q}”`;
  const authors = state.filters.author ?? [];
  const others = FILTER_KEYS.flatMap((key) => (key === 'author' ? [] : (state.filters[key] ?? [])));
  return [authors.length && `by ${authors.join(' and ')}`, others.length && `in ${others.join(', ')}`].filter(Boolean).join(' ');
}

/** A search with no term lists what its filters hold; with neither it lists nothing. */
export const hasSearch = (state: SearchState): boolean => Boolean(state.q) || activeFilters(state.filters) > 0;

/** Relevance needs a term: with none, results come newest first. */
export const effectiveSort = (state: SearchState): Sort => (!state.q && state.sort === 'relevance' ? 'date' : state.sort);

/**
 * Pagefind's filter object: any of the chosen values of a key, and every key. With `year`, only
 * that year's index answers (the others have no page of that year): a per-year sorted list.
 * Authors are not Pagefind filters: the author index answers them (indexes.ts).
 */
export function pagefindFilters(filters: Filters, year?: string): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) if (key !== 'author' && filters[key]?.length) out[key] = { any: filters[key]! };
  if (year) out.year = { any: [year] };
  return out;
}

/** The years to search, newest first: all, or those the year filter names. */
export function yearsToSearch(years: readonly string[], filters: Filters): string[] {
  return filters.year?.length ? years.filter((year) => filters.year!.includes(year)) : [...years];
}

/** How many of the newest years a search covers before the reader asks for the rest. */
export const FIRST_YEARS = 2;

/**
 * The years a search covers first, newest first, out of `years` (those it could search): the
 * newest two, so a reader's first search costs the same however old the archive is. Every year
 * when the reader asked for them, when the year filter names the years, when the sort is by
 * upvotes (the most upvoted of the archive may be in any year), or for an author (a person's
 * whole history, in the years the author index says they have papers).
 */
export function firstYears(years: readonly string[], state: SearchState, everyYear: boolean): string[] {
  const all = everyYear || Boolean(state.filters.year?.length) || Boolean(state.filters.author?.length) || effectiveSort(state) === 'upvotes';
  return all ? [...years] : years.slice(0, FIRST_YEARS);
}

/** Years in words, oldest first: "2024", "2023 and 2024", "2021 to 2024" (a run), "2021, 2023 and 2024". */
export function yearsPhrase(years: readonly string[]): string {
  const sorted = [...years].sort();
  const run = sorted.every((year, i) => i === 0 || Number(year) === Number(sorted[i - 1]) + 1);
  if (sorted.length > 2 && run) return `${sorted[0]} to ${sorted.at(-1)}`;
  return sorted.length > 1 ? `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}` : (sorted[0] ?? '');
}

/** Beside each year's Pagefind bundle: its pages, newest listed first (scripts/lib/build/search-index.ts). */
export const DATE_FILE = 'by-date.pf_order';
/** Beside it too: the year's papers, its filter panel's counts, its author shards (src/lib/search-records.ts, yearSummary). */
export const YEAR_FILE = 'year.json';

/** One line per listed day, newest first: the date, then its pages' ids in the day's order. */
export function serializeDateOrder(order: readonly { date: string; hash: string }[]): string {
  const lines: string[] = [];
  let current = '';
  for (const { date, hash } of order) {
    if (date !== current) {
      lines.push(date);
      current = date;
    }
    lines[lines.length - 1] += ` ${hash}`;
  }
  return lines.join('\n') + '\n';
}

/** Page id -> position in the year's date order (0 is the newest). */
export function parseDateOrder(text: string): Map<string, number> {
  const positions = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [, ...hashes] = line.trim().split(' ');
    for (const hash of hashes) if (hash) positions.set(hash, positions.size);
  }
  return positions;
}

/**
 * Merge lists that are each sorted by a value, largest first, into one list sorted the same way,
 * asking for values only as they reach the head of their list (Pagefind loads a fragment per value).
 * Ties keep the earlier list first: lists come newest year first.
 */
export class DescendingMerge<T> {
  private readonly lists: readonly (readonly T[])[];
  private readonly value: (item: T) => Promise<number>;
  private readonly cursors: number[];
  private readonly heads = new Map<number, Promise<number>>();

  constructor(lists: readonly (readonly T[])[], value: (item: T) => Promise<number>) {
    this.lists = lists;
    this.value = value;
    this.cursors = lists.map(() => 0);
  }

  get total(): number {
    return this.lists.reduce((sum, list) => sum + list.length, 0);
  }

  private head(list: number): Promise<number> | undefined {
    const index = this.cursors[list]!;
    if (index >= this.lists[list]!.length) return undefined;
    let value = this.heads.get(list);
    if (!value) this.heads.set(list, (value = this.value(this.lists[list]![index]!)));
    return value;
  }

  /** The next `count` items in order (fewer at the end). */
  async take(count: number): Promise<T[]> {
    const out: T[] = [];
    while (out.length < count) {
      const values = await Promise.all(this.lists.map((_, list) => this.head(list)));
      let best = -1;
      for (let list = 0; list < values.length; list++) {
        if (values[list] === undefined) continue;
        if (best < 0 || values[list]! > values[best]!) best = list;
      }
      if (best < 0) break;
      out.push(this.lists[best]![this.cursors[best]!]!);
      this.cursors[best]!++;
      this.heads.delete(best);
    }
    return out;
  }
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * About `length` words of `content` around the densest run of matched words, as plain text parts,
 * the matches marked: the page renders each part as a text node, so nothing upstream becomes markup.
 * `locations` are word positions, in Pagefind's sense (words split on whitespace).
 */
export function excerptParts(content: string, locations: readonly number[], length = 30): ExcerptPart[] {
  const words = content.split(/[\r\n\s]+/g);
  // Positions past the abstract (a match in the title) fall outside every window: no need to drop them.
  const matched = new Set(locations);
  let start = 0;
  if (words.length > length && matched.size) {
    let best = -1;
    for (let from = 0; from + length <= words.length; from++) {
      let hits = 0;
      for (let at = from; at < from + length; at++) if (matched.has(at)) hits++;
      if (hits > best) [best, start] = [hits, from];
    }
    // Centre the window on the matches it holds, so each has context on both sides.
    const inside = [...matched].filter((at) => at >= start && at < start + length);
    const middle = (Math.min(...inside) + Math.max(...inside)) / 2;
    start = Math.max(0, Math.min(words.length - length, Math.round(middle - length / 2)));
  }
  const end = Math.min(words.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let at = start; at < end; at++) {
    // A run of matched words is one mark.
    if (at > start) push(' ', matched.has(at - 1) && matched.has(at));
    push(words[at]!, matched.has(at));
  }
  if (end < words.length) push(' …', false);
  return parts.filter((part) => part.text);
}
