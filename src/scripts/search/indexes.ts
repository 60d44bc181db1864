// The per-year Pagefind indexes, and the results of a search as one list in its final order. The
// newest year is Pagefind's primary index; older years merge into it on demand (mergeIndex: one
// runtime, one wasm download). Sorts are exact across years (state.ts). Authors are answered by
// the author index beside each year's bundle (src/lib/author-index.ts), not by Pagefind.
import { authorShardPath, positionsIn, shardOf } from '../../lib/author-index.ts';
import type { YearSummary } from '../../lib/search-records.ts';
import { fetchText } from '../fetch-text.ts';
import { DATE_FILE, DescendingMerge, effectiveSort, pagefindFilters, parseDateOrder, YEAR_FILE, yearsToSearch, type SearchState } from './state.ts';

export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  locations: number[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}

/** A list of results in its final order, read a page at a time. */
export interface Listing {
  total: number;
  take(count: number): Promise<PagefindResult[]>;
}

export class YearIndexes {
  readonly years: readonly string[];
  private readonly bundle: string;
  private readonly base: string;
  private api?: Promise<PagefindApi>;
  private readonly merged = new Map<string, Promise<void>>();
  private readonly files = new Map<string, Promise<string>>();

  constructor(bundle: string, base: string, years: readonly string[]) {
    this.bundle = bundle;
    this.base = base;
    this.years = years;
  }

  private primary(): Promise<PagefindApi> {
    this.api ??= (async () => {
      const api = (await import(/* @vite-ignore */ `${this.bundle}${this.years[0]}/pagefind.js`)) as PagefindApi;
      // On the main thread: searching one year is quick, and the worker is one more download (docs/performance.md).
      await api.options({ basePath: `${this.bundle}${this.years[0]}/`, baseUrl: this.base, noWorker: true, mergeFilter: { year: this.years[0] } });
      await api.init();
      return api;
    })();
    return this.api;
  }

  /** Pagefind, with every year of `years` searchable. */
  async with(years: readonly string[]): Promise<PagefindApi> {
    const api = await this.primary();
    await Promise.all(
      years.map((year) => {
        if (year === this.years[0]) return undefined;
        let merging = this.merged.get(year);
        // Each index's year is a filter set here, in memory: a year filter costs no download.
        if (!merging) this.merged.set(year, (merging = api.mergeIndex(`${this.bundle}${year}/`, { baseUrl: this.base, mergeFilter: { year } })));
        return merging;
      }),
    );
    return api;
  }

  has(years: readonly string[]): boolean {
    return years.every((year) => year === this.years[0] || this.merged.has(year));
  }

  /** A file of ours beside a year's bundle, read once however often it is asked for. */
  private file(year: string, name: string): Promise<string> {
    const url = `${this.bundle}${year}/${name}`;
    let text = this.files.get(url);
    if (!text) {
      text = fetchText(url);
      this.files.set(url, text);
      // A failure is not kept: the next search asks again.
      text.catch(() => this.files.delete(url));
    }
    return text;
  }

  /** The year's pages, newest listed first: page id -> position. */
  async dateOrder(year: string): Promise<Map<string, number>> {
    return parseDateOrder(await this.file(year, DATE_FILE));
  }

  private async summary(year: string): Promise<YearSummary> {
    return JSON.parse(await this.file(year, YEAR_FILE)) as YearSummary;
  }

  /**
   * Every year's filter panel values with their counts, and each year's papers as its year's
   * count: the small summaries beside each index, never Pagefind's filter files.
   */
  async panelFilters(): Promise<Record<string, Record<string, number>>> {
    const years = await Promise.all(this.years.map(async (year) => ({ year, ...(await this.summary(year)) })));
    const merged: Record<string, Record<string, number>> = { year: {} };
    for (const { year, papers, filters } of years) {
      merged.year![year] = papers;
      for (const [key, values] of Object.entries(filters))
        for (const [value, count] of Object.entries(values)) (merged[key] ??= {})[value] = (merged[key][value] ?? 0) + count;
    }
    return merged;
  }

  /** The positions in the year's date order of its papers by every one of `names`: one shard of its author index a name. */
  private async authorPositions(year: string, names: readonly string[]): Promise<number[]> {
    const { authorShards } = await this.summary(year);
    const lists = await Promise.all(names.map(async (name) => positionsIn(await this.file(year, authorShardPath(shardOf(name, authorShards))), name)));
    const [first = [], ...rest] = lists.sort((a, b) => a.length - b.length);
    return first.filter((position) => rest.every((list) => list.includes(position)));
  }

  /** The year's pages by every one of `names`, as page ids. */
  async authorPages(year: string, names: readonly string[]): Promise<Set<string>> {
    const positions = await this.authorPositions(year, names);
    if (!positions.length) return new Set();
    const ids = [...(await this.dateOrder(year)).keys()];
    return new Set(positions.map((position) => ids[position]!));
  }

  /**
   * The years a search looks in, newest first: those its year filter names, and with authors,
   * those they have papers in (a small shard a year: the date orders load as each year is searched).
   */
  async yearsFor(state: SearchState): Promise<string[]> {
    const years = yearsToSearch(this.years, state.filters);
    const names = state.filters.author ?? [];
    if (!names.length) return years;
    const found = await Promise.all(years.map(async (year) => (await this.authorPositions(year, names)).length > 0));
    return years.filter((_, i) => found[i]);
  }

  /** The results of `state` over `years`, in the order it asks for. */
  async listing(state: SearchState, years: readonly string[]): Promise<Listing> {
    const api = await this.with(years);
    const names = state.filters.author ?? [];
    // With authors, each year's results are those of the author index too.
    const only = names.length ? new Map(await Promise.all(years.map(async (year) => [year, await this.authorPages(year, names)] as const))) : undefined;
    const search = async (year: string | undefined, options: Record<string, unknown>) => {
      const { results } = await api.search(state.q || null, { ...options, filters: pagefindFilters(state.filters, year) });
      if (!only) return results;
      const allowed = year ? [only.get(year)!] : [...only.values()];
      return results.filter((result) => allowed.some((ids) => ids.has(result.id)));
    };
    const sort = effectiveSort(state);
    if (sort === 'upvotes') return byUpvotes(search, years);
    if (sort === 'date') return byDate(search, this, years);
    return byRelevance(search);
  }
}

const data = new WeakMap<PagefindResult, Promise<PagefindData>>();
/** A result's fragment, fetched once however often the merge and the page ask for it. */
export function dataOf(result: PagefindResult): Promise<PagefindData> {
  let loaded = data.get(result);
  if (!loaded) data.set(result, (loaded = result.data()));
  return loaded;
}

/** One search of the state's term and filters: in one year, or with no year in all merged so far. */
type Search = (year: string | undefined, options: Record<string, unknown>) => Promise<PagefindResult[]>;

/** Relevance: Pagefind merges the years by score. */
async function byRelevance(search: Search): Promise<Listing> {
  const results = await search(undefined, {});
  let at = 0;
  return { total: results.length, take: async (count) => results.slice(at, (at += count)) };
}

/** Upvotes: each year sorted by Pagefind, merged by the values in the results' metadata. */
async function byUpvotes(search: Search, years: readonly string[]): Promise<Listing> {
  const lists = await Promise.all(years.map((year) => search(year, { sort: { upvotes: 'desc' } })));
  const merge = new DescendingMerge(lists, async (result) => Number((await dataOf(result)).meta.upvotes ?? 0));
  return { total: merge.total, take: (count) => merge.take(count) };
}

/** Date: years are disjoint, so newest year first, each in its own date order (loaded when reached). */
async function byDate(search: Search, indexes: YearIndexes, years: readonly string[]): Promise<Listing> {
  const lists = await Promise.all(years.map((year) => search(year, {})));
  const sorted: (PagefindResult[] | undefined)[] = [];
  // Where reading has reached: the year, and the position in that year's sorted list.
  let yearAt = 0;
  let position = 0;
  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    take: async (count) => {
      const out: PagefindResult[] = [];
      while (out.length < count && yearAt < years.length) {
        if (!sorted[yearAt]) {
          const order = lists[yearAt]!.length ? await indexes.dateOrder(years[yearAt]!) : new Map<string, number>();
          const rank = (result: PagefindResult) => order.get(result.id) ?? Infinity;
          sorted[yearAt] = [...lists[yearAt]!].sort((a, b) => rank(a) - rank(b));
        }
        const taken = sorted[yearAt]!.slice(position, position + count - out.length);
        out.push(...taken);
        position += taken.length;
        if (position >= sorted[yearAt]!.length) [yearAt, position] = [yearAt + 1, 0];
      }
      return out;
    },
  };
}
